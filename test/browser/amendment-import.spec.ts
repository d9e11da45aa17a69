import { AmendmentDto } from '../../apps/api/src/amendments/amendments.dto';
import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { delegateOf, readDraft, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { trackedCopyDocx } from '../support/word-upload';
import { expectAccessible } from './support/accessibility';
import { type Chromium, launchChromium, screenshot, signIn } from './support/chromium';

async function currentRevision(api: TestApp, id: string) {
  const { revision } = DraftDto.schema.parse((await readDraft(api, id)).body);
  if (!revision) throw new Error(`draft ${id} has no revision yet`);
  return revision;
}

const kept = (paragraph: { text: string }) => ({ kind: 'kept' as const, text: paragraph.text });

describe('a delegate proposes amendments from a Word copy with tracked changes, in Chromium', () => {
  let api: TestApp;
  let chromium: Chromium;

  beforeAll(async () => {
    [api, chromium] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    await chromium?.close();
    await api?.close();
  });

  it('uploads the copy, sees one amendment per changed paragraph, confirms, and finds them on the draft', async () => {
    const draft = await registerDraft(api, {
      penholder: 'KAZ',
      operative: [
        { text: 'Reaffirm our commitment to dialogue;' },
        { text: 'Decide that the Secretariat shall report annually.' },
      ],
    });
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const revision = await currentRevision(api, draft.id);
    const copy = await trackedCopyDocx(
      'Delegation of Azerbaijan',
      revision.title,
      revision.preamble.map(kept),
      [
        {
          kind: 'edited',
          runs: [
            { text: 'Reaffirm our ' },
            { ins: 'steadfast ' },
            { text: 'commitment to dialogue;' },
          ],
        },
        { kind: 'deleted', text: revision.operative[1].text },
      ],
    );

    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, delegateOf('AZE'));
    await page.goto(`${api.baseUrl}/desk/drafts/${draft.id}/amendments/new`);
    await expectAccessible(page);
    await page.getByLabel('Word copy (.docx) with tracked changes').setInputFiles({
      name: 'AZE-comments.docx',
      mimeType: 'application/octet-stream',
      buffer: copy,
    });
    await page.getByRole('button', { name: 'Preview the amendments' }).click();
    await page
      .getByRole('heading', { name: /Preview: 2 amendments of AZE to revision 1/ })
      .waitFor();
    await screenshot(page, 'amendment-import-preview');
    await expectAccessible(page);
    const rows = await page.locator('table.amendments-import-preview tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /OP 1[\s\S]*New text[\s\S]*steadfast commitment[\s\S]*Delegation of Azerbaijan/,
    );
    expect(rows[1]).toMatch(/OP 2[\s\S]*Delete the paragraph/);
    const token = await api.login('secretariat@demo.local');
    const none = await api.request('GET', `/api/drafts/${draft.id}/amendments`, {
      token,
      as: AmendmentDto.schema.array(),
    });
    expect(none.body).toEqual([]);

    await page.getByRole('button', { name: 'Propose these 2 amendments' }).click();
    await page.waitForURL((url) => url.pathname === `/desk/drafts/${draft.id}`);
    expect(await page.getByRole('status').textContent()).toContain(
      'The amendments from the Word copy were proposed.',
    );
    await expectAccessible(page);
    const stored = await api.request('GET', `/api/drafts/${draft.id}/amendments`, {
      token,
      as: AmendmentDto.schema.array(),
    });
    expect(stored.body.map((a) => [a.stateCode, a.status])).toEqual([
      ['AZE', 'proposed'],
      ['AZE', 'proposed'],
    ]);
    expect(stored.body[0].note).toBe(
      'Tracked change by Delegation of Azerbaijan (2026-11-30) in AZE-comments.docx.',
    );
    expect(await page.locator('li.amendment').count()).toBe(2);
  });

  it('shows a refusal on the proposal page, with nothing stored, for a copy without tracked changes', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const revision = await currentRevision(api, draft.id);
    const untouched = await trackedCopyDocx(
      'AZE',
      revision.title,
      revision.preamble.map(kept),
      revision.operative.map(kept),
    );
    const page = await chromium.context.newPage();
    await signIn(page, api.baseUrl, delegateOf('AZE'));
    await page.goto(`${api.baseUrl}/desk/drafts/${draft.id}/amendments/new`);
    await page.getByLabel('Word copy (.docx) with tracked changes').setInputFiles({
      name: 'untouched.docx',
      mimeType: 'application/octet-stream',
      buffer: untouched,
    });
    await page.getByRole('button', { name: 'Preview the amendments' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('no tracked changes');
    await expectAccessible(page);
    const stored = await api.request('GET', `/api/drafts/${draft.id}/amendments`, {
      token: await api.login('secretariat@demo.local'),
      as: AmendmentDto.schema.array(),
    });
    expect(stored.body).toEqual([]);
  });
});
