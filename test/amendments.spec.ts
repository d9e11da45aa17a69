import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToPdf, hasSoffice } from '../libs/documents/src/testing/pdf-conversion';
import { openDocx, paragraphsOf, textOf } from '../libs/documents/src/testing/docx-inspection';
import {
  addRevision,
  delegateOf,
  everyoneConcurs,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { type TestApp, startTestApp } from './support/test-app';

/** Every w:ins / w:del of a paragraph's XML, with its author and text. */
const marks = (xml: string) =>
  [...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:\1>/g)].map(
    ([, kind, author, inner]) => `${kind}:${author}:${textOf(inner)}`,
  );

describe('amendments by delegations, the compilation, and the revision from their disposition', () => {
  let api: TestApp;
  let draftId: string;
  let op2: string;
  let pp1: string;
  let kazId: string;
  let indId: string;

  beforeAll(async () => {
    api = await startTestApp();
    const draft = await registerDraft(api);
    draftId = draft.id;
    await transition(api, draftId, 'secretariat@demo.local', { action: 'submit' });
    const { body } = await readDraft(api, draftId);
    pp1 = body.revision.preamble[0].id;
    op2 = body.revision.operative[1].id;
  });
  afterAll(() => api.close());

  const propose = async (
    stateCode: string,
    body: Record<string, unknown>,
    email = delegateOf(stateCode),
  ) =>
    api.request('POST', `/api/drafts/${draftId}/amendments`, {
      token: await api.login(email),
      body: { revision: 1, stateCode, ...body },
    });

  it('takes amendments from two states on the same operative paragraph and a co-sponsor, without moving the ETag', async () => {
    const before = await readDraft(api, draftId);
    const kaz = await propose('KAZ', {
      changes: [{ paragraphId: op2, text: 'Decide that the Secretariat should report annually.' }],
      note: 'Softer wording.',
    });
    expect(kaz.status).toBe(201);
    expect(kaz.body).toMatchObject({
      number: 1,
      stateCode: 'KAZ',
      sponsors: [],
      revision: 1,
      status: 'proposed',
      changes: [{ paragraphId: op2, text: 'Decide that the Secretariat should report annually.' }],
    });
    kazId = kaz.body.id;
    const ind = await propose('IND', {
      changes: [
        { paragraphId: op2, text: 'Decide that the Secretariat shall report every two years.' },
        { after: op2, text: 'Request the Secretariat to circulate its report in advance.' },
      ],
    });
    expect(ind.status).toBe(201);
    expect(ind.body.number).toBe(2);
    indId = ind.body.id;

    const sponsored = await api.request(
      'PUT',
      `/api/drafts/${draftId}/amendments/${kazId}/sponsors/AZE`,
      { token: await api.login(delegateOf('AZE')) },
    );
    expect(sponsored.status).toBe(200);
    expect(sponsored.body.sponsors).toEqual(['AZE']);

    const list = await api.request('GET', `/api/drafts/${draftId}/amendments?revision=1`, {
      token: await api.login('observer@demo.local'),
    });
    expect(
      list.body.map((a: { number: number; sponsors: string[] }) => [a.number, a.sponsors]),
    ).toEqual([
      [1, ['AZE']],
      [2, []],
    ]);
    expect((await readDraft(api, draftId)).etag).toBe(before.etag);
  });

  it('refuses a delegate proposing for another state (403) and names an unknown paragraph (422)', async () => {
    const forOther = await propose(
      'IND',
      { changes: [{ paragraphId: pp1, delete: true }] },
      delegateOf('KAZ'),
    );
    expect(forOther.status).toBe(403);
    expect(forOther.body).toMatchObject({ code: 'NOT_OWN_STATE' });

    const unknown = await propose('TJK', { changes: [{ after: 'op-nowhere', text: 'New text.' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_PARAGRAPH',
      field: 'changes[0].after',
      facts: { paragraphId: 'op-nowhere' },
    });
    expect(unknown.body.detail).toContain('op-nowhere');
  });

  it('lets the secretariat enter one on a state’s behalf, and its sponsor withdraw it', async () => {
    const entered = await propose(
      'TJK',
      { changes: [{ paragraphId: pp1, delete: true }] },
      'secretariat@demo.local',
    );
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ number: 3, stateCode: 'TJK', onBehalf: true });
    const notTheirs = await api.request(
      'POST',
      `/api/drafts/${draftId}/amendments/${entered.body.id}/withdraw`,
      {
        token: await api.login(delegateOf('KAZ')),
      },
    );
    expect(notTheirs.status).toBe(403);
    const withdrawn = await api.request(
      'POST',
      `/api/drafts/${draftId}/amendments/${entered.body.id}/withdraw`,
      {
        token: await api.login(delegateOf('TJK')),
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await api.request(
      'POST',
      `/api/drafts/${draftId}/amendments/${entered.body.id}/withdraw`,
      {
        token: await api.login(delegateOf('TJK')),
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AMENDMENT_NOT_OPEN');
  });

  it('compiles both under that paragraph with w:ins/w:del authored by each state, and LibreOffice converts it', async () => {
    const response = await fetch(
      `${api.baseUrl}/api/drafts/${draftId}/documents/compilation.docx?revision=1`,
      {
        headers: { authorization: `Bearer ${await api.login('secretariat@demo.local')}` },
      },
    );
    expect(response.status).toBe(200);
    const buffer = Buffer.from(await response.arrayBuffer());
    const docx = await openDocx(buffer);
    const paragraphs = paragraphsOf(docx.document);
    const at = paragraphs.findIndex(
      (p) => p.text === 'Decide that the Secretariat shall report annually.',
    );
    expect(paragraphs[at + 1].text).toBe('Amendment 1 (Kazakhstan)');
    expect(marks(paragraphs[at + 2].xml)).toEqual([
      'del:Kazakhstan:shall',
      'ins:Kazakhstan:should',
    ]);
    expect(paragraphs[at + 3].text).toBe('Co-sponsored by Azerbaijan.');
    expect(paragraphs[at + 5].text).toBe('Amendment 2 (India)');
    expect(marks(paragraphs[at + 6].xml)).toEqual([
      'del:India:annually',
      'ins:India:every two years',
    ]);
    expect(marks(paragraphs[at + 7].xml)).toEqual([
      'ins:India:Request the Secretariat to circulate its report in advance.',
    ]);
    expect(docx.text).toContain('Amendment 3 (Tajikistan, by note verbale): Withdrawn');

    if (!hasSoffice && !process.env.CI) return;
    const dir = await mkdtemp(join(tmpdir(), 'chancery-compilation-'));
    try {
      await writeFile(join(dir, 'compilation.docx'), buffer);
      const conversion = convertToPdf(dir, [join(dir, 'compilation.docx')]);
      expect(conversion).toEqual({ status: 0, error: undefined });
      const pdf = await readFile(join(dir, 'compilation.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('posts the next revision from a disposition: two accepted on one paragraph refused naming both, then the accepted one applied exactly, ids kept, the rest not retained', async () => {
    const token = await api.login('soc-chair@demo.local');
    const { etag } = await readDraft(api, draftId, 'soc-chair@demo.local');
    const conflict = await api.request('POST', `/api/drafts/${draftId}/revisions`, {
      token,
      headers: { 'if-match': etag },
      body: { disposition: { accepted: [kazId, indId] } },
    });
    expect(conflict.status).toBe(422);
    expect(conflict.body).toMatchObject({ code: 'CONFLICTING_AMENDMENTS' });
    expect(conflict.body.facts.amendments.map((a: { number: number }) => a.number)).toEqual([1, 2]);

    const posted = await api.request('POST', `/api/drafts/${draftId}/revisions`, {
      token,
      headers: { 'if-match': etag },
      body: { disposition: { accepted: [kazId], bracketed: [] }, note: 'Amendment 1 accepted.' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.currentRevision).toBe(2);
    expect(
      posted.body.revision.operative.map((p: { id: string; text: string }) => [p.id, p.text]),
    ).toEqual([
      [expect.any(String), 'Reaffirm our commitment to dialogue;'],
      [op2, 'Decide that the Secretariat should report annually.'],
    ]);
    expect(posted.body.revision.preamble[0].id).toBe(pp1);

    const outcomes = await api.request('GET', `/api/drafts/${draftId}/amendments?revision=1`, {
      token,
    });
    expect(
      outcomes.body.map((a: { number: number; status: string; outcome: { revision: number } }) => [
        a.number,
        a.status,
        a.outcome.revision,
      ]),
    ).toEqual([
      [1, 'accepted', 2],
      [2, 'not-retained', 2],
      [3, 'withdrawn', 2],
    ]);
  });

  it('brackets an amendment as [original] [amended] so consensus waits, and refuses amendments on the old revision (409)', async () => {
    const ind = await api.request('POST', `/api/drafts/${draftId}/amendments`, {
      token: await api.login(delegateOf('IND')),
      body: {
        revision: 2,
        stateCode: 'IND',
        changes: [
          { paragraphId: op2, text: 'Decide that the Secretariat should report every two years.' },
        ],
      },
    });
    const kaz = await api.request('POST', `/api/drafts/${draftId}/amendments`, {
      token: await api.login(delegateOf('KAZ')),
      body: {
        revision: 2,
        stateCode: 'KAZ',
        changes: [{ paragraphId: pp1, text: 'Recalling the Declaration of Principles of 1999,' }],
      },
    });
    expect([ind.status, kaz.status]).toEqual([201, 201]);
    const posted = await addRevision(
      api,
      draftId,
      { disposition: { accepted: [kaz.body.id], bracketed: [ind.body.id] } },
      'secretariat@demo.local',
    );
    expect(posted.status).toBe(201);
    const revision = posted.body.revision;
    expect(
      [...revision.preamble, ...revision.operative].map((p: { text: string }) => p.text),
    ).toEqual([
      'Recalling the Declaration of Principles of 1999,',
      'Reaffirm our commitment to dialogue;',
      '[Decide that the Secretariat should report annually.] [Decide that the Secretariat should report every two years.]',
    ]);
    expect(await everyoneConcurs(api, draftId)).toEqual(Array(28).fill(200));
    const consensus = await api.request('GET', `/api/drafts/${draftId}/consensus`, {
      token: await api.login('soc-chair@demo.local'),
    });
    expect(consensus.body.reached).toBe(false);
    expect(consensus.body.openBrackets.map((b: { paragraphId: string }) => b.paragraphId)).toEqual([
      op2,
      op2,
    ]);
    const declared = await transition(api, draftId, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expect(declared.status).toBe(409);
    expect(declared.body.code).toBe('CONSENSUS_NOT_REACHED');

    const late = await propose('TJK', {
      revision: 2,
      changes: [{ paragraphId: pp1, delete: true }],
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'REVISION_SUPERSEDED',
      facts: { given: 2, current: 3 },
    });
    const lateSponsor = await api.request(
      'PUT',
      `/api/drafts/${draftId}/amendments/${ind.body.id}/sponsors/ARM`,
      {
        token: await api.login(delegateOf('TJK')),
      },
    );
    expect(lateSponsor.status).toBe(409);

    const trail = await api.request('GET', `/api/drafts/${draftId}/audit`, {
      token: await api.login('secretariat@demo.local'),
    });
    const disposed = trail.body.filter(
      (e: { action: string }) => e.action === 'amendments.disposed',
    );
    expect(
      disposed.map((e: { details: { revision: number; outcomes: { outcome: string }[] } }) => [
        e.details.revision,
        e.details.outcomes.map((o) => o.outcome),
      ]),
    ).toEqual([
      [2, ['accepted', 'not-retained', 'withdrawn']],
      [3, ['bracketed', 'accepted']],
    ]);
  });

  it('shows per revision what became of the amendments in the consensus report', async () => {
    const response = await fetch(
      `${api.baseUrl}/api/drafts/${draftId}/documents/consensus-report.docx`,
      { headers: { authorization: `Bearer ${await api.login('secretariat@demo.local')}` } },
    );
    const docx = await openDocx(Buffer.from(await response.arrayBuffer()));
    expect(docx.text).toContain(
      'Revision 2: accepted 1 (Kazakhstan); not retained 2 (India); withdrawn 3 (Tajikistan);',
    );
    expect(docx.text).toContain('Revision 3: accepted 5 (Kazakhstan); bracketed 4 (India);');
  });

  it('refuses a disposition from the penholder, and text that is not what the disposition produces', async () => {
    const penholder = await addRevision(
      api,
      draftId,
      { disposition: { accepted: [] } },
      delegateOf('AZE'),
    );
    expect(penholder.status).toBe(403);
    const mismatch = await addRevision(api, draftId, {
      disposition: { accepted: [] },
      operative: [{ text: 'Something else.' }],
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('DISPOSITION_TEXT_MISMATCH');
  });
});
