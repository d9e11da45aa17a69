import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { registerDraft } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { draftDocx } from '../support/word-upload';
import { expectAccessible } from './support/accessibility';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';

const PREAMBLE = ['Recalling the Declaration on Principles Guiding Relations among Member States,'];
const OPERATIVE = [
  'Welcome the [establishment of a CICA fund for connectivity];',
  'Request the Secretariat to report to the next meeting of the Senior Officials Committee.',
];

describe('the secretariat imports a Word file as the next revision, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('uploads the file, sees which paragraph keeps which identity, confirms, and finds the redline', async () => {
    const draft = await registerDraft(api, {
      title: 'Statement on connectivity in Asia',
      preamble: PREAMBLE.map((text) => ({ text })),
      operative: OPERATIVE.map((text) => ({ text })),
    });
    const file = await draftDocx('Statement on connectivity in Asia', PREAMBLE, [
      'Welcome the [establishment of a CICA fund for connectivity and transport];',
      OPERATIVE[1],
      'Decide to remain seized of the matter.',
    ]);
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, 'secretariat@demo.local');
    await page.goto(`${api.baseUrl}/desk/drafts/${draft.id}`);
    await expectAccessible(page);

    await page.getByLabel('Word file (.docx) for the next revision').setInputFiles({
      name: 'connectivity-rev2.docx',
      mimeType: 'application/octet-stream',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await page
      .getByRole('heading', { name: /Preview: connectivity-rev2\.docx as revision 2/ })
      .waitFor();
    await screenshot(page, 'word-import-preview');
    await expectAccessible(page);
    const rows = await page.locator('table.import-preview tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/PP 1[\s\S]*PP 1 \(unchanged\)[\s\S]*100 %/);
    expect(rows[1]).toMatch(/OP 1[\s\S]*and transport[\s\S]*OP 1\s+\d{2} %/);
    expect(rows[2]).toMatch(/OP 2[\s\S]*OP 2 \(unchanged\)/);
    expect(rows[3]).toMatch(/OP 3[\s\S]*remain seized[\s\S]*new paragraph/);
    // Nothing is stored before the secretariat confirms.
    const before = await api.request('GET', `/api/drafts/${draft.id}`, {
      token: await api.login('secretariat@demo.local'),
      as: DraftDto.schema,
    });
    expect(before.body.currentRevision).toBe(1);

    await page.getByRole('button', { name: 'Circulate as revision 2' }).click();
    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draft.id}`);
    expect(await page.getByRole('status').textContent()).toContain(
      'The new revision was circulated.',
    );
    await expectAccessible(page);

    await page.goto(`${api.baseUrl}/desk/drafts/${draft.id}/compare?from=1&to=2`);
    await screenshot(page, 'word-import-redline');
    await expectAccessible(page);
    const article = page.locator('article.comparison');
    expect(await article.locator('ins').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('and transport'),
        expect.stringContaining('remain seized'),
      ]),
    );
    expect(await page.locator('p.meta').textContent()).toMatch(
      /1 changed, 1 added, 0 deleted, 2 unchanged/,
    );
  }, 90_000);
});
