import { AuditEntryDto, DraftDto, RevisionDto } from '../apps/api/src/drafts/drafts.dto';
import { RevisionImportPreviewDto } from '../apps/api/src/drafts/revision-import.dto';
import { hostileFiles } from '../libs/documents/src/testing/word-files';
import { openApiOperation } from './support/openapi-operation';
import { readDraft, registerDraft } from './support/drafts';
import { expectBody, expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';
import { draftDocx, uploadWord } from './support/word-upload';
import { z } from 'zod';

const PREAMBLE = Array.from(
  { length: 8 },
  (_, n) => `Recalling resolution ${n + 1} of the Council on confidence building measures in Asia,`,
);
const OPERATIVE = Array.from(
  { length: 12 },
  (_, n) =>
    `Request the Secretariat to prepare report number ${n + 1} on [regional cooperation] by ${2026 + n};`,
);

// Read by hand rather than with expectProblem, so that a failure names the hostile file.
const ProblemCodeSchema = z.object({ code: z.string() });

describe('Word in: a .docx as the next revision', () => {
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('secretariat@demo.local');
  });
  afterAll(() => api.close());

  async function twentyParagraphDraft() {
    return registerDraft(api, {
      title: 'Statement on confidence building',
      preamble: PREAMBLE.map((text) => ({ text })),
      operative: OPERATIVE.map((text) => ({ text })),
    });
  }

  async function stored(id: string) {
    const revisions = await api.request('GET', `/api/drafts/${id}/revisions`, {
      token,
      as: RevisionDto.schema.array(),
    });
    const audit = await auditOf(id);
    const { etag } = await readDraft(api, id);
    return { revisions: revisions.body.length, audit: audit.length, etag };
  }

  async function auditOf(id: string) {
    const audit = await api.request('GET', `/api/drafts/${id}/audit`, {
      token,
      as: AuditEntryDto.schema.array(),
    });
    return audit.body;
  }

  async function currentRevision(id: string) {
    return DraftDto.schema.parse((await readDraft(api, id)).body).revision!;
  }

  it('round-trips a 20-paragraph draft through its own text.docx: the same paragraphs, the same ids', async () => {
    const draft = await twentyParagraphDraft();
    const before = await currentRevision(draft.id);
    const exported = await fetch(`${api.baseUrl}/api/drafts/${draft.id}/documents/text.docx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    const bytes = Buffer.from(await exported.arrayBuffer());

    const preview = await uploadWord(api, `/api/drafts/${draft.id}/revisions/import?dryRun=true`, {
      token,
      bytes,
    });
    const previewed = expectBody(preview, RevisionImportPreviewDto.schema, 200);
    expect(previewed.title).toBe(before.title);
    expect(previewed.preamble).toEqual(before.preamble);
    expect(previewed.operative).toEqual(before.operative);
    expect(Object.values(previewed.matched)).toEqual(Array<number>(20).fill(1));
    expect(previewed.unmatched).toEqual([]);
    expect((await stored(draft.id)).revisions).toBe(1);

    const imported = await uploadWord(api, `/api/drafts/${draft.id}/revisions/import`, {
      token,
      bytes,
      filename: 'CICA-statement.docx',
      headers: { 'if-match': (await readDraft(api, draft.id)).etag },
    });
    const revised = expectBody(imported, DraftDto.schema, 201);
    expect(imported.headers.get('etag')).toBe(revised.etag);
    expect(revised.currentRevision).toBe(2);
    expect(revised.revision?.preamble).toEqual(before.preamble);
    expect(revised.revision?.operative).toEqual(before.operative);
    expect(revised.revision?.note).toBe('Imported from CICA-statement.docx');
    const audit = await auditOf(draft.id);
    expect(audit.map((entry) => entry.action)).toContain('revision.added');
  });

  it('keeps the ids of unchanged and edited paragraphs of an edited copy, and gives a new paragraph a new one', async () => {
    const draft = await twentyParagraphDraft();
    const before = await currentRevision(draft.id);
    const operative = [...OPERATIVE];
    operative[2] = operative[2].replace('prepare report', 'prepare and circulate report');
    operative.splice(5, 1);
    operative.push('Decide to remain seized of the matter.');
    const bytes = await draftDocx('Statement on confidence building in Asia', PREAMBLE, operative);

    const preview = await uploadWord(api, `/api/drafts/${draft.id}/revisions/import?dryRun=true`, {
      token,
      bytes,
    });
    const previewed = expectBody(preview, RevisionImportPreviewDto.schema, 200);
    const ids = before.operative.map((p) => p.id);
    expect(previewed.operative.map((p) => p.id)).toEqual([
      ...ids.slice(0, 5),
      ...ids.slice(6),
      undefined,
    ]);
    expect(previewed.matched[ids[2]]).toBeGreaterThan(0.8);
    expect(previewed.matched[ids[2]]).toBeLessThan(1);
    expect(previewed.unmatched).toEqual([ids[5]]);

    const imported = await uploadWord(api, `/api/drafts/${draft.id}/revisions/import`, {
      token,
      bytes,
      headers: { 'if-match': (await readDraft(api, draft.id)).etag },
    });
    const revised = expectBody(imported, DraftDto.schema, 201);
    expect(revised.title).toBe('Statement on confidence building in Asia');
    expect(revised.revision?.preamble).toEqual(before.preamble);
    const after = revised.revision!.operative;
    expect(after.slice(0, 11).map((p) => p.id)).toEqual([...ids.slice(0, 5), ...ids.slice(6)]);
    expect(after[2].text).toBe(operative[2]);
    expect(ids).not.toContain(after[11].id);
  });

  it('answers every hostile file with a 4xx within 2 s, stores nothing, and stays within 100 MB more memory', async () => {
    const draft = await twentyParagraphDraft();
    const files = await hostileFiles();
    // Warm the reader up (worker start, and compiling its sources under Jest) before measuring.
    const warm = await uploadWord(api, `/api/drafts/${draft.id}/revisions/import?dryRun=true`, {
      token,
      bytes: await draftDocx('Title', ['Recalling,'], ['Decide.']),
    });
    expect(warm.status).toBe(200);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const before = await stored(draft.id);
    try {
      for (const file of files) {
        for (const dryRun of [true, false]) {
          const started = Date.now();
          const response = await uploadWord(
            api,
            `/api/drafts/${draft.id}/revisions/import${dryRun ? '?dryRun=true' : ''}`,
            { token, bytes: file.bytes, headers: { 'if-match': before.etag } },
          );
          const elapsed = Date.now() - started;
          const { code } = ProblemCodeSchema.parse(response.body);
          expect({ file: file.name, status: response.status, code }).toEqual({
            file: file.name,
            status: 422,
            code: file.code,
          });
          expect(response.headers.get('content-type')).toContain('application/problem+json');
          expect(elapsed).toBeLessThan(2000);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    expect((peak - baseline) / 1024 / 1024).toBeLessThan(100);
    expect(await stored(draft.id)).toEqual(before);
  });

  it('refuses a file over 10 MiB with 413, and storing without If-Match with 428 or with a stale one with 412', async () => {
    const draft = await twentyParagraphDraft();
    const path = `/api/drafts/${draft.id}/revisions/import`;
    const bytes = await draftDocx('Title', ['Recalling,'], ['Decide.']);
    const large = await uploadWord(api, `${path}?dryRun=true`, {
      token,
      bytes: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expectProblem(large, 413, 'FILE_TOO_LARGE');
    const missing = await uploadWord(api, path, { token, bytes });
    expectProblem(missing, 428, 'IF_MATCH_REQUIRED');
    const stale = await uploadWord(api, path, {
      token,
      bytes,
      headers: { 'if-match': '"00000000.1"' },
    });
    expectProblem(stale, 412);
    expect((await stored(draft.id)).revisions).toBe(1);
  });

  it('lets only the secretariat import, wants a multipart file, and says so in problem+json', async () => {
    const draft = await twentyParagraphDraft();
    const path = `/api/drafts/${draft.id}/revisions/import?dryRun=true`;
    const bytes = await draftDocx('Title', ['Recalling,'], ['Decide.']);
    const delegate = await uploadWord(api, path, {
      token: await api.login('delegate.aze@demo.local'),
      bytes,
    });
    expectProblem(delegate, 403);
    const json = await api.request('POST', path, { token, body: { file: 'x' } });
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const form = new FormData();
    form.append('note', 'no file here');
    const noFile = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect([noFile.status, ((await noFile.json()) as { code: string }).code]).toEqual([
      400,
      'FILE_REQUIRED',
    ]);
    const unknown = await uploadWord(
      api,
      '/api/drafts/00000000-0000-4000-8000-000000000000/revisions/import?dryRun=true',
      {
        token,
        bytes,
      },
    );
    expectProblem(unknown, 404);
  });

  it('is in the OpenAPI document as multipart, with its errors', async () => {
    const operation = await openApiOperation(api, '/api/drafts/{id}/revisions/import', 'post');
    expect(Object.keys(operation.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '201', '403', '412', '413', '415', '422', '428']),
    );
  });
});
