import { AmendmentDto, AmendmentImportPreviewDto } from '../apps/api/src/amendments/amendments.dto';
import { AuditEntryDto, DraftDto } from '../apps/api/src/drafts/drafts.dto';
import { NoticeDto } from '../apps/api/src/notifications/notifications.dto';
import { openApiOperation } from './support/openapi-operation';
import { addRevision, delegateOf, readDraft, registerDraft, transition } from './support/drafts';
import { expectBody, expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';
import { trackedCopyDocx, uploadWord } from './support/word-upload';
import { z } from 'zod';

describe("Word in: a delegation's tracked changes as its amendments", () => {
  let api: TestApp;
  let draftId: string;
  let revision: { title: string; preamble: Para[]; operative: Para[] };
  type Para = { id: string; text: string };

  beforeAll(async () => {
    api = await startTestApp();
    // Kazakhstan holds the pen, so its delegates hear of Azerbaijan's proposals.
    const draft = await registerDraft(api, {
      penholder: 'KAZ',
      operative: [
        { text: 'Reaffirm our commitment to dialogue;' },
        { text: 'Decide that the Secretariat shall report annually;' },
        { text: 'Decide to remain seized of the matter.' },
      ],
    });
    draftId = draft.id;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
    const current = DraftDto.schema.parse((await readDraft(api, draftId)).body).revision;
    if (!current) throw new Error('a submitted draft has a revision');
    revision = current;
  });
  afterAll(() => api.close());

  /** Azerbaijan's copy: a word inserted, a paragraph added after it, the next one deleted. */
  const azerbaijanCopy = () =>
    trackedCopyDocx(
      'AZE',
      revision.title,
      revision.preamble.map((p) => ({ kind: 'kept' as const, text: p.text })),
      [
        {
          kind: 'edited',
          runs: [
            { text: 'Reaffirm our ' },
            { ins: 'steadfast ' },
            { text: 'commitment to dialogue;' },
          ],
        },
        { kind: 'inserted', text: 'Commend the Secretariat for its work;' },
        { kind: 'deleted', text: revision.operative[1].text },
        { kind: 'kept', text: revision.operative[2].text },
      ],
    );

  const stored = async () => {
    const token = await api.login('secretariat@demo.local');
    const amendments = await api.request('GET', `/api/drafts/${draftId}/amendments`, {
      token,
      as: AmendmentDto.schema.array(),
    });
    return amendments.body;
  };

  it('previews the copy as one amendment per changed paragraph, with Word’s author, and stores nothing', async () => {
    const token = await api.login(delegateOf('AZE'));
    const preview = await uploadWord(api, `/api/drafts/${draftId}/amendments/import?dryRun=true`, {
      token,
      bytes: await azerbaijanCopy(),
      filename: 'AZE-comments.docx',
    });
    const previewed = expectBody(preview, AmendmentImportPreviewDto.schema, 200);
    expect(previewed).toMatchObject({ revision: 1, stateCode: 'AZE' });
    const [first, second, third] = revision.operative;
    expect(previewed.amendments.map((a) => a.changes)).toEqual([
      [{ paragraphId: first.id, text: 'Reaffirm our steadfast commitment to dialogue;' }],
      [{ after: first.id, text: 'Commend the Secretariat for its work;' }],
      [{ paragraphId: second.id, delete: true }],
    ]);
    expect(previewed.amendments[0]).toMatchObject({
      authors: ['AZE'],
      date: '2026-11-30T10:00:00Z',
      note: 'Tracked change by AZE (2026-11-30) in AZE-comments.docx.',
    });
    expect(third.text).toBe('Decide to remain seized of the matter.');
    expect(await stored()).toEqual([]);
  });

  it("makes a copy with tracked changes by AZE into AZE's amendments, audited, and tells the penholder", async () => {
    const before = await readDraft(api, draftId);
    const imported = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token: await api.login(delegateOf('AZE')),
      bytes: await azerbaijanCopy(),
      filename: 'AZE-comments.docx',
      fields: { note: 'Our delegation proposes these changes.' },
    });
    const proposals = expectBody(imported, AmendmentDto.schema.array(), 201);
    expect(proposals).toHaveLength(3);
    for (const amendment of proposals) {
      expect(amendment).toMatchObject({
        stateCode: 'AZE',
        revision: 1,
        status: 'proposed',
        onBehalf: false,
        note: 'Our delegation proposes these changes. Tracked change by AZE (2026-11-30) in AZE-comments.docx.',
      });
    }
    expect(proposals.map((a) => a.number)).toEqual([1, 2, 3]);
    expect((await stored()).map((a) => a.stateCode)).toEqual(['AZE', 'AZE', 'AZE']);
    // Amendments, like positions, never move the draft's ETag.
    expect((await readDraft(api, draftId)).etag).toBe(before.etag);

    const audit = await api.request('GET', `/api/drafts/${draftId}/audit`, {
      token: await api.login('secretariat@demo.local'),
      as: AuditEntryDto.schema.array(),
    });
    const proposed = audit.body.filter((entry) => entry.action === 'amendment.proposed');
    expect(proposed).toHaveLength(3);
    expect(proposed[0].details.source).toEqual({
      from: 'word',
      file: 'AZE-comments.docx',
      authors: ['AZE'],
    });

    const kazakhstan = await api.request('GET', '/api/me/notices', {
      token: await api.login(delegateOf('KAZ')),
      as: NoticeDto.schema.array(),
    });
    const told = kazakhstan.body.filter((n) => n.kind === 'amendment' && n.draftId === draftId);
    expect(told).toHaveLength(3);
    const azerbaijan = await api.request('GET', '/api/me/notices', {
      token: await api.login(delegateOf('AZE')),
      as: NoticeDto.schema.array(),
    });
    expect(azerbaijan.body.some((n) => n.kind === 'amendment')).toBe(false);
  });

  it("lets the secretariat enter a state's copy on its behalf, and no delegate another state's", async () => {
    const kyrgyz = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token: await api.login(delegateOf('KGZ')),
      bytes: await azerbaijanCopy(),
      fields: { stateCode: 'AZE' },
    });
    expectProblem(kyrgyz, 403, 'NOT_OWN_STATE');

    const count = (await stored()).length;
    const secretariat = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token: await api.login('secretariat@demo.local'),
      bytes: await azerbaijanCopy(),
      fields: { stateCode: 'mng' },
    });
    const onBehalf = expectBody(secretariat, AmendmentDto.schema.array(), 201);
    expect(onBehalf[0]).toMatchObject({ stateCode: 'MNG', onBehalf: true });
    expect((await stored()).length).toBe(count + 3);

    const nobody = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token: await api.login('secretariat@demo.local'),
      bytes: await azerbaijanCopy(),
    });
    expect(expectProblem(nobody, 422).field).toBe('stateCode');
  });

  it('refuses a copy without tracked changes, of other text, or of a superseded revision, storing nothing', async () => {
    const token = await api.login(delegateOf('IND'));
    const count = (await stored()).length;
    const untouched = await trackedCopyDocx(
      'IND',
      revision.title,
      revision.preamble.map((p) => ({ kind: 'kept' as const, text: p.text })),
      revision.operative.map((p) => ({ kind: 'kept' as const, text: p.text })),
    );
    const plain = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token,
      bytes: untouched,
    });
    expect(expectProblem(plain, 422, 'NO_TRACKED_CHANGES').field).toBe('file');

    const otherText = await trackedCopyDocx(
      'IND',
      'Another statement',
      [{ kind: 'kept', text: 'Noting the report of the working group on a different subject,' }],
      [{ kind: 'edited', runs: [{ text: 'Welcome ' }, { ins: 'warmly ' }, { text: 'the plan.' }] }],
    );
    const stranger = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token,
      bytes: otherText,
    });
    const notCurrent = expectProblem(stranger, 422, 'NOT_THE_CURRENT_TEXT');
    expect(notCurrent.field).toBe('file');
    const facts = z.object({ unknown: z.array(z.string()) }).parse(notCurrent.facts);
    expect(facts.unknown).toContain(
      'Noting the report of the working group on a different subject,',
    );

    const random = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token,
      bytes: Buffer.from('not a word file at all'),
    });
    expectProblem(random, 422, 'NOT_A_ZIP');
    expect((await stored()).length).toBe(count);

    const next = await addRevision(api, draftId, {
      preamble: revision.preamble,
      operative: revision.operative.map((p, n) =>
        n === 2 ? { id: p.id, text: `${p.text} ` + 'Again.' } : p,
      ),
      note: 'Revised before the copy arrived',
    });
    expect(next.status).toBe(201);
    const late = await uploadWord(api, `/api/drafts/${draftId}/amendments/import`, {
      token,
      bytes: await azerbaijanCopy(),
      fields: { revision: '1' },
    });
    expectProblem(late, 409, 'REVISION_SUPERSEDED');
  });

  it('is in the OpenAPI document as multipart, with its errors', async () => {
    const operation = await openApiOperation(api, '/api/drafts/{id}/amendments/import', 'post');
    expect(Object.keys(operation.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '201', '403', '409', '413', '422']),
    );
  });
});
