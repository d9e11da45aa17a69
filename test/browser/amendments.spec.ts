import { registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { expectAccessible } from './support/accessibility';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';

describe('an amendment from a delegation to the next revision, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;
  let draftId: string;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
    const draft = await registerDraft(api, {
      title: 'Statement on cooperation in tourism',
      preamble: [{ text: 'Recalling the Concept Paper on Tourism adopted in 2022,' }],
      operative: [
        { text: 'Welcome the exchange of experience among member states;' },
        { text: 'Request the Secretariat to prepare a calendar of events.' },
      ],
    });
    draftId = draft.id;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('lets a delegate propose new wording for an operative paragraph and see it under that paragraph', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'delegate.kaz@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Propose an amendment' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/amendments/new'));
    await expectAccessible(page);

    await page
      .getByLabel('Paragraph', { exact: true })
      .selectOption({ label: 'OP 2: Request the Secretariat to prepare a calendar of events.' });
    await page.getByRole('radio', { name: 'Replace its text' }).check();
    await page
      .getByLabel(/Proposed wording/)
      .fill('Request the Secretariat to prepare a calendar of events for 2025 and 2026.');
    await page.getByLabel(/Explanation/).fill('Two years, as in the Action Plan.');
    await screenshot(page, 'delegate-proposes-amendment');
    await page.getByRole('button', { name: 'Propose the amendment' }).click();

    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}`);
    expect(await page.getByRole('status').textContent()).toContain('The amendment was proposed.');
    const amendment = page.locator('li.amendment[data-amendment="1"]');
    expect(await amendment.textContent()).toMatch(
      /Amendment 1[\s\S]*Kazakhstan \(KAZ\)[\s\S]*Proposed[\s\S]*for 2025 and 2026\./,
    );
    expect(await page.locator('h3.amendment-paragraph').allTextContents()).toEqual(['OP 2']);
    await expectAccessible(page);
    await page.close();
  });

  it('lets the chair dispose of it from the draft page, preview the text and circulate the new revision', async () => {
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'soc-chair@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draftId}`);
    await page.getByRole('link', { name: 'Dispose of the amendments' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/disposition'));
    await expectAccessible(page);

    await page.getByRole('radio', { name: 'Accept amendment 1' }).check();
    await page.getByRole('button', { name: 'Preview the text' }).click();
    const preview = page.locator('article.preview');
    await preview.waitFor();
    expect(await preview.locator('li').allTextContents()).toEqual([
      'OP 1: Welcome the exchange of experience among member states;',
      'OP 2: Request the Secretariat to prepare a calendar of events for 2025 and 2026.',
    ]);
    await expectAccessible(page);
    await screenshot(page, 'chair-previews-disposition');
    await page.getByRole('button', { name: 'Circulate revision 2' }).click();

    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draftId}`);
    expect(await page.getByRole('status').textContent()).toContain(
      'The amendments were disposed of',
    );
    expect(await page.getByRole('heading', { name: /Text of revision 2/ }).count()).toBe(1);
    expect(await page.locator('ol.operative li').nth(1).textContent()).toContain(
      'calendar of events for 2025 and 2026.',
    );
    const history = page.locator('section', {
      has: page.getByRole('heading', { name: 'Revision history' }),
    });
    expect(await history.locator('tr', { hasText: 'Accepted: 1 (KAZ)' }).count()).toBe(1);
    await expectAccessible(page);
    await page.close();
  });
});
