import { EventHub } from '../../apps/api/src/live/event-hub';
import { delegateOf, putPosition, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { expectAccessible } from './support/accessibility';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';

describe('the live desk, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;
  let draftId: string;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
    draftId = (await registerDraft(api, { title: 'Statement on water security in Asia' })).id;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it("shows the chair a delegate's new position on the dashboard without a reload", async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'soc-chair@demo.local');
    await page.goto(`${api.baseUrl}/desk`);
    await expectAccessible(page);
    const cell = page.locator(`tr[data-draft="${draftId}"] td[aria-label^="Kazakhstan"]`).first();
    await expect(cell.getAttribute('aria-label')).resolves.toMatch(/no answer|not answered/i);
    // A marker on the window tells a reload from an update in place.
    await page.evaluate('window.__notReloaded = true');
    // The page's EventSource is open before the delegate answers.
    const hub = api.app.get(EventHub);
    for (let tries = 0; hub.streams === 0 && tries < 100; tries += 1) await page.waitForTimeout(50);
    expect(hub.streams).toBeGreaterThan(0);

    expect(
      (
        await putPosition(api, draftId, 'KAZ', {
          stance: 'objection',
          text: 'Kazakhstan objects to paragraph 1.',
        })
      ).status,
    ).toBe(200);

    await page
      .locator(`tr[data-draft="${draftId}"] td[aria-label="Kazakhstan: objection"]`)
      .waitFor({ timeout: 5000 });
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'live-dashboard');
    await page.close();
  });

  it("lists a delegate's notices with the unread count in the header, and saves their opt-outs", async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, delegateOf('AZE'));
    // Without a mail server, the notice is for the inbox only.
    const [stored]: { delivery: string }[] = await api.dataSource.query(
      `SELECT n.delivery FROM notices n JOIN users u ON u.id = n.recipient_id WHERE u.email = $1 AND n.draft_id = $2`,
      [delegateOf('AZE'), draftId],
    );
    expect(stored.delivery).toBe('inbox');
    const badge = page.locator('.inbox-link .badge');
    await expect(badge.textContent()).resolves.toMatch(/^1\s*unread$/);
    await page.getByRole('link', { name: /^Notices/ }).click();
    await page.waitForURL((url) => url.pathname === '/desk/notices');
    await expect(
      page.getByRole('link', { name: /is under review: Statement on water security/ }).count(),
    ).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.waitForURL((url) => url.search.includes('done=read'));
    await expect(page.locator('.inbox-link .badge').count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Choose what you are told of' }).click();
    await expectAccessible(page);
    await page.getByLabel('A new revision is circulated during review').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.search.includes('done=saved'));
    await expect(
      page.getByLabel('A new revision is circulated during review').isChecked(),
    ).resolves.toBe(false);
    await expect(page.getByLabel('A draft is adopted').isChecked()).resolves.toBe(true);
    const token = await api.login(delegateOf('AZE'));
    const saved = await api.request('GET', '/api/me/notification-settings', { token });
    expect(saved.body).toEqual({ optOut: ['revision'] });
    await page.close();
  });
});
