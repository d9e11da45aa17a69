import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { addRevision, registerDraft } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { expectAccessible } from './support/accessibility';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';

describe('a language version entered on the draft page, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;
  let draftId: string;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
    const draft = await registerDraft(api, {
      title: 'Statement on water security',
      preamble: [{ text: 'Recalling the Almaty Act,' }],
      operative: [
        { text: 'Welcome the report;' },
        { text: 'Decide to remain seized of the matter.' },
      ],
    });
    draftId = draft.id;
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('lets the secretariat enter the Russian version paragraph by paragraph, shows a refusal on the form, and lists what a new revision outdated', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'secretariat@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}`);
    const versions = page.getByRole('region', { name: 'Language versions' });
    expect(await versions.textContent()).toMatch(/Russian[\s\S]*not yet translated/);
    await expectAccessible(page);
    await versions.getByRole('link', { name: 'Enter or fix the Russian version' }).click();
    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}/translations/ru`);
    await expectAccessible(page);
    expect(await page.getByRole('table').locator('td').first().textContent()).toBe(
      'Statement on water security',
    );

    await page.getByLabel('Title').fill('Заявление о водной безопасности');
    await page.getByLabel('PP 1').fill('ссылаясь на Алматинский акт,');
    await page.getByLabel('OP 1').fill('приветствуем доклад;');
    // OP 2 left empty: the browser would refuse it; the server must too, on the form.
    await page
      .getByLabel('OP 2')
      .evaluate((field: { removeAttribute(name: string): void }) =>
        field.removeAttribute('required'),
      );
    await page.getByRole('button', { name: 'Save the Russian version' }).click();
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toMatch(/Operative paragraph 2 is empty/);
    // What was written is given back.
    expect(await page.getByLabel('OP 1').inputValue()).toBe('приветствуем доклад;');
    await expectAccessible(page);

    await page.getByLabel('OP 2').fill('постановляем продолжать заниматься этим вопросом.');
    await screenshot(page, 'secretariat-enters-russian-version');
    await page.getByRole('button', { name: 'Save the Russian version' }).click();
    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}`);
    expect(await page.getByRole('status').textContent()).toContain(
      'The language version was saved.',
    );
    expect(await versions.textContent()).toMatch(/Russian[\s\S]*current/);

    const { body } = await api.request('GET', `/api/drafts/${draftId}`, {
      token: await api.login('secretariat@demo.local'),
      as: DraftDto.schema,
    });
    const revision = body.revision!;
    const [op1, op2] = revision.operative;
    await addRevision(api, draftId, {
      preamble: revision.preamble,
      operative: [op1, { id: op2.id, text: 'Decide to remain actively seized of the matter.' }],
    });
    await page.reload();
    expect(await versions.textContent()).toMatch(/Russian[\s\S]*outdated: 1 part to update/);
    await versions.getByRole('link', { name: 'Enter or fix the Russian version' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/translations/ru'));
    expect(await page.locator('tr.version-lagging th').allTextContents()).toEqual(['OP 2']);
    expect(await page.getByLabel('OP 1').inputValue()).toBe('приветствуем доклад;');
    await expectAccessible(page);
    await page.close();
  });

  it('shows a delegate the versions side by side without a form', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'delegate.kaz@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}/translations/ru`);
    await expectAccessible(page);
    expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
    expect(await page.getByRole('table').textContent()).toContain('приветствуем доклад;');
    await page.close();
  });
});
