import type { Page } from 'playwright-core';
import { registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { expectAccessible } from './support/accessibility';
import { type Chromium, launchChromium, screenshot } from './support/chromium';

const TITLE = 'Statement on cooperation in tourism';
const PARAGRAPHS = [
  'Recalling the Concept Paper on Tourism adopted in 2022,',
  'Welcome the exchange of experience among member states;',
  'Request the Secretariat to prepare a calendar of events.',
];

/** Who acted, as the audit trail and the revision history name them: names, not words. */
const PEOPLE = ['Secretariat (demo) <secretariat@demo.local>', 'Secretariat (demo)'];

/**
 * The words of the page that the desk wrote, without what officials wrote (drafts' English
 * titles and text, names), what is marked as another language (the draft's text, the switch's
 * "English") or as not to be translated (IANA zone names): what remains must be Russian. Codes (KAZ, SOC, UTC), the symbol and the product's
 * name are not words of a language.
 */
async function leftoverEnglish(page: Page, alsoAllowed: string[] = []): Promise<string[]> {
  // Run in the page (a string: this file is compiled without the DOM's types).
  const text = await page.evaluate<string>(`(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('[lang]:not([lang="ru"]), [translate="no"], .draft-title, .who-name, script').forEach((e) => e.remove());
    // Accessible names count as much as visible text.
    const names = [...document.querySelectorAll('[aria-label], [title]')].flatMap((e) => [
      e.getAttribute('aria-label') ?? '',
      e.getAttribute('title') ?? '',
    ]);
    return [body.textContent, ...names].join(' ');
  })()`);
  let rest = text;
  for (const allowed of [TITLE, ...PARAGRAPHS, ...PEOPLE, ...alsoAllowed])
    rest = rest.split(allowed).join(' ');
  const words = rest.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? [];
  const codes = new Set(['Chancery', 'Word', 'docx', 'UTC', 'GMT', 'Europe', 'Moscow']);
  return words.filter((word) => !codes.has(word) && !/^[A-Z]{2,}$/.test(word));
}

async function expectRussianPage(page: Page, alsoAllowed: string[] = []) {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
  expect(await leftoverEnglish(page, alsoAllowed)).toEqual([]);
  await expectAccessible(page);
}

describe("a Russian-speaking delegate's desk, in Chromium", () => {
  let api: TestApp;
  let chromium: Chromium;
  let draftId: string;
  let symbol: string;

  beforeAll(async () => {
    // The browser asks for Russian (Accept-Language: ru-RU); the delegate has chosen nothing yet.
    [api, chromium] = await Promise.all([startTestApp(), launchChromium({ locale: 'ru-RU' })]);
    const draft = await registerDraft(api, {
      title: TITLE,
      preamble: [{ text: PARAGRAPHS[0] }],
      operative: [{ text: PARAGRAPHS[1] }, { text: PARAGRAPHS[2] }],
    });
    draftId = draft.id;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('is in Russian from the sign-in page to a refused form, and the switch keeps the page', async () => {
    const page = await chromium.context.newPage();

    // Sign-in: no user yet, so Accept-Language decides.
    await page.goto(`${api.baseUrl}/desk/login`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Вход в Chancery',
    );
    await expectRussianPage(page);
    await page.getByLabel('Адрес электронной почты').fill('delegate.kaz@demo.local');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();

    // The delegation's own dashboard.
    await page.waitForURL((url) => url.pathname === '/desk/delegation');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Делегация: Казахстан',
    );
    await expect(
      page.getByRole('heading', { name: 'Ожидают вашей позиции (1)' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('navigation', { name: 'Основное меню' }).textContent(),
    ).resolves.toContain('Проекты');
    await expectRussianPage(page);
    await screenshot(page, 'russian-delegation');

    // The draft page.
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}`);
    symbol = (await page.locator('.page-header .symbol').textContent()) ?? '';
    await expect(
      page.getByRole('heading', { name: 'Что вы можете сделать' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('.draft-facts').textContent()).resolves.toContain('На рассмотрении');
    await expect(page.locator('.text-section h2').textContent()).resolves.toBe(
      'Текст редакции 1 (текущая)',
    );
    await expect(
      page.locator('table.positions tr[data-state="KAZ"]').textContent(),
    ).resolves.toContain('нет ответа');
    await expectRussianPage(page, [symbol]);
    await screenshot(page, 'russian-draft');

    // A form, and the refusal of what was sent on it: an objection whose reason is blank.
    await page
      .getByRole('complementary')
      .getByRole('link', { name: 'Записать позицию: Казахстан' })
      .click();
    await page.waitForURL((url) => url.pathname.endsWith('/positions/KAZ'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /^Позиция: Казахстан — /,
    );
    await expectRussianPage(page, [symbol]);
    await page.getByRole('radio', { name: 'Возражение' }).check();
    await page.getByLabel('Текст оговорки или основание возражения').fill('   ');
    await page.getByRole('button', { name: 'Записать позицию' }).click();
    const dialog = page.getByRole('dialog', { name: 'Подтвердите действие' });
    await expect(dialog.textContent()).resolves.toContain('Записать позицию «возражение»');
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    await expect(problem.locator('h2').textContent()).resolves.toBe('Для позиции нужен текст');
    await expect(problem.textContent()).resolves.toContain(
      'Для возражения нужно основание, чтобы председатель видел, что препятствует консенсусу.',
    );
    await expectRussianPage(page, [symbol]);
    await screenshot(page, 'russian-refusal');

    // An error page.
    await page.goto(`${api.baseUrl}/desk/nowhere`);
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(
      'Такой страницы нет',
    );
    await expectRussianPage(page);

    // The switch: English on the draft page stays on the draft page, and is kept.
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}?revision=1`);
    await page
      .getByRole('form', { name: 'Язык интерфейса' })
      .getByRole('button', { name: 'English' })
      .click();
    await page.waitForURL(
      (url) => url.pathname === `/desk/drafts/${draftId}` && url.search === '?revision=1',
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { name: 'What you can do' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.reload();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page
      .getByRole('form', { name: 'Show the desk in' })
      .getByRole('button', { name: 'Русский' })
      .click();
    await page.waitForURL(
      (url) => url.pathname === `/desk/drafts/${draftId}` && url.search === '?revision=1',
    );
    await expect(
      page.getByRole('heading', { name: 'Что вы можете сделать' }).count(),
    ).resolves.toBe(1);
    await expectRussianPage(page, [symbol]);
    await page.close();
    // Eight pages, each checked for accessibility: more than the default 30 s on a busy machine.
  }, 120_000);

  it('keeps language and time zone on the settings page, and prints times in that zone', async () => {
    const page = await chromium.context.newPage();
    await page.context().clearCookies();
    await page.goto(`${api.baseUrl}/desk/login`);
    await page.getByLabel('Адрес электронной почты').fill('delegate.kaz@demo.local');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((url) => url.pathname === '/desk/delegation');

    await page.goto(`${api.baseUrl}/desk/settings`);
    await expectAccessible(page);
    // Whatever the switch left, the settings page sets both.
    await page.locator('#settings-language').selectOption('ru');
    await page.locator('#settings-time-zone').selectOption('Asia/Almaty');
    await page.locator('.settings-form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/desk/settings');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Настройки сохранены.');
    await expect(page.locator('footer').textContent()).resolves.toContain('Asia/Almaty');
    await expectRussianPage(page, ['Asia', 'Almaty']);

    // The API says the same.
    const token = await api.login('delegate.kaz@demo.local');
    const settings = await api.request('GET', '/api/me/settings', { token });
    expect(settings.body).toMatchObject({ language: 'ru', timeZone: 'Asia/Almaty' });
    await page.close();
  });

  it('follows the switch on the sign-in page before anyone signs in', async () => {
    const page = await chromium.context.newPage();
    await page.context().clearCookies();
    await page.goto(`${api.baseUrl}/desk/login?next=%2Fdesk%2Fdrafts`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/desk/login' && url.search === '?next=%2Fdesk%2Fdrafts',
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Sign in to Chancery',
    );
    await expectAccessible(page);
    await page.close();
  });
});
