import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToPdf, hasSoffice } from '../libs/documents/src/testing/pdf-conversion';
import { openDocx, paragraphsOf, textOf } from '../libs/documents/src/testing/docx-inspection';
import { z } from 'zod';
import { AmendmentDto } from '../apps/api/src/amendments/amendments.dto';
import { AuditEntryDto, ConsensusDto, DraftDto } from '../apps/api/src/drafts/drafts.dto';
import {
  addRevision,
  delegateOf,
  everyoneConcurs,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { expectBody, expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';

/** The facts of a refusal naming the amendments that accept changes to one paragraph. */
const ConflictFacts = z.object({ amendments: z.array(z.object({ number: z.number() })) });
/** The details an `amendments.disposed` audit entry records. */
const DisposedDetails = z.object({
  revision: z.number(),
  outcomes: z.array(z.object({ outcome: z.string() })),
});

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
    const { revision } = DraftDto.schema.parse((await readDraft(api, draftId)).body);
    pp1 = revision!.preamble[0].id;
    op2 = revision!.operative[1].id;
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
    const kaz = expectBody(
      await propose('KAZ', {
        changes: [
          { paragraphId: op2, text: 'Decide that the Secretariat should report annually.' },
        ],
        note: 'Softer wording.',
      }),
      AmendmentDto.schema,
      201,
    );
    expect(kaz).toMatchObject({
      number: 1,
      stateCode: 'KAZ',
      sponsors: [],
      revision: 1,
      status: 'proposed',
      changes: [{ paragraphId: op2, text: 'Decide that the Secretariat should report annually.' }],
    });
    kazId = kaz.id;
    const ind = expectBody(
      await propose('IND', {
        changes: [
          { paragraphId: op2, text: 'Decide that the Secretariat shall report every two years.' },
          { after: op2, text: 'Request the Secretariat to circulate its report in advance.' },
        ],
      }),
      AmendmentDto.schema,
      201,
    );
    expect(ind.number).toBe(2);
    indId = ind.id;

    const sponsored = await api.request(
      'PUT',
      `/api/drafts/${draftId}/amendments/${kazId}/sponsors/AZE`,
      { token: await api.login(delegateOf('AZE')), as: AmendmentDto.schema },
    );
    expect(sponsored.status).toBe(200);
    expect(sponsored.body.sponsors).toEqual(['AZE']);

    const list = await api.request('GET', `/api/drafts/${draftId}/amendments?revision=1`, {
      token: await api.login('observer@demo.local'),
      as: AmendmentDto.schema.array(),
    });
    expect(list.body.map((a) => [a.number, a.sponsors])).toEqual([
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
    expectProblem(forOther, 403, 'NOT_OWN_STATE');

    const unknown = await propose('TJK', { changes: [{ after: 'op-nowhere', text: 'New text.' }] });
    const unknownParagraph = expectProblem(unknown, 422, 'UNKNOWN_PARAGRAPH');
    expect(unknownParagraph).toMatchObject({
      field: 'changes[0].after',
      facts: { paragraphId: 'op-nowhere' },
    });
    expect(unknownParagraph.detail).toContain('op-nowhere');
  });

  it('lets the secretariat enter one on a state’s behalf, and its sponsor withdraw it', async () => {
    const entered = expectBody(
      await propose(
        'TJK',
        { changes: [{ paragraphId: pp1, delete: true }] },
        'secretariat@demo.local',
      ),
      AmendmentDto.schema,
      201,
    );
    expect(entered).toMatchObject({ number: 3, stateCode: 'TJK', onBehalf: true });
    const notTheirs = await api.request(
      'POST',
      `/api/drafts/${draftId}/amendments/${entered.id}/withdraw`,
      {
        token: await api.login(delegateOf('KAZ')),
      },
    );
    expectProblem(notTheirs, 403);
    const withdrawn = await api.request(
      'POST',
      `/api/drafts/${draftId}/amendments/${entered.id}/withdraw`,
      {
        token: await api.login(delegateOf('TJK')),
        as: AmendmentDto.schema,
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await api.request(
      'POST',
      `/api/drafts/${draftId}/amendments/${entered.id}/withdraw`,
      {
        token: await api.login(delegateOf('TJK')),
      },
    );
    expectProblem(again, 409, 'AMENDMENT_NOT_OPEN');
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
    const { facts } = expectProblem(conflict, 422, 'CONFLICTING_AMENDMENTS');
    expect(ConflictFacts.parse(facts).amendments.map((a) => a.number)).toEqual([1, 2]);

    const posted = await api.request('POST', `/api/drafts/${draftId}/revisions`, {
      token,
      headers: { 'if-match': etag },
      body: { disposition: { accepted: [kazId], bracketed: [] }, note: 'Amendment 1 accepted.' },
    });
    const revised = expectBody(posted, DraftDto.schema, 201);
    expect(revised.currentRevision).toBe(2);
    expect(revised.revision!.operative.map((p) => [p.id, p.text])).toEqual([
      [expect.any(String), 'Reaffirm our commitment to dialogue;'],
      [op2, 'Decide that the Secretariat should report annually.'],
    ]);
    expect(revised.revision!.preamble[0].id).toBe(pp1);

    const outcomes = await api.request('GET', `/api/drafts/${draftId}/amendments?revision=1`, {
      token,
      as: AmendmentDto.schema.array(),
    });
    expect(outcomes.body.map((a) => [a.number, a.status, a.outcome?.revision])).toEqual([
      [1, 'accepted', 2],
      [2, 'not-retained', 2],
      [3, 'withdrawn', 2],
    ]);
  });

  it('brackets an amendment as [original] [amended] so consensus waits, and refuses amendments on the old revision (409)', async () => {
    const ind = await api.request('POST', `/api/drafts/${draftId}/amendments`, {
      as: AmendmentDto.schema,
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
      as: AmendmentDto.schema,
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
    const { revision } = expectBody(posted, DraftDto.schema, 201);
    expect([...revision!.preamble, ...revision!.operative].map((p) => p.text)).toEqual([
      'Recalling the Declaration of Principles of 1999,',
      'Reaffirm our commitment to dialogue;',
      '[Decide that the Secretariat should report annually.] [Decide that the Secretariat should report every two years.]',
    ]);
    expect(await everyoneConcurs(api, draftId)).toEqual(Array(28).fill(200));
    const consensus = await api.request('GET', `/api/drafts/${draftId}/consensus`, {
      token: await api.login('soc-chair@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body.reached).toBe(false);
    expect(consensus.body.openBrackets.map((b) => b.paragraphId)).toEqual([op2, op2]);
    const declared = await transition(api, draftId, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expectProblem(declared, 409, 'CONSENSUS_NOT_REACHED');

    const late = await propose('TJK', {
      revision: 2,
      changes: [{ paragraphId: pp1, delete: true }],
    });
    expect(expectProblem(late, 409, 'REVISION_SUPERSEDED')).toMatchObject({
      facts: { given: 2, current: 3 },
    });
    const lateSponsor = await api.request(
      'PUT',
      `/api/drafts/${draftId}/amendments/${ind.body.id}/sponsors/ARM`,
      {
        token: await api.login(delegateOf('TJK')),
      },
    );
    expectProblem(lateSponsor, 409);

    const trail = await api.request('GET', `/api/drafts/${draftId}/audit`, {
      token: await api.login('secretariat@demo.local'),
      as: AuditEntryDto.schema.array(),
    });
    const disposed = trail.body
      .filter((e) => e.action === 'amendments.disposed')
      .map((e) => DisposedDetails.parse(e.details));
    expect(disposed.map((d) => [d.revision, d.outcomes.map((o) => o.outcome)])).toEqual([
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
    expectProblem(penholder, 403);
    const mismatch = await addRevision(api, draftId, {
      disposition: { accepted: [] },
      operative: [{ text: 'Something else.' }],
    });
    expectProblem(mismatch, 422, 'DISPOSITION_TEXT_MISMATCH');
  });
});
