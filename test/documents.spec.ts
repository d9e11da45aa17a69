import { openDocx, paragraphsOf, textOf } from '../libs/documents/src/testing/docx-inspection';
import { AuditEntryDto, DraftDto } from '../apps/api/src/drafts/drafts.dto';
import { MeetingDto, MeetingWithAgendaDto } from '../apps/api/src/meetings/meetings.dto';
import {
  addRevision,
  everyoneConcurs,
  openMeeting,
  putPosition,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('Word documents over HTTP', () => {
  let api: TestApp;
  let token: string;
  let cfmId: string;

  async function download(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body };
  }

  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('secretariat@demo.local');
    const meetings = await api.request('GET', '/api/meetings?bodyCode=CFM', {
      token,
      as: MeetingDto.schema.array(),
    });
    cfmId = meetings.body.find((m) => m.sequence === 7)!.id;
  });
  afterAll(() => api.close());

  it('renders the provisional agenda of the 7th CFM with its items in order, named after its symbol', async () => {
    const meeting = await api.request('GET', `/api/meetings/${cfmId}`, {
      token,
      as: MeetingWithAgendaDto.schema,
    });
    const response = await download(`/api/meetings/${cfmId}/documents/provisional-agenda.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="CICA_CFM_7_1.docx"',
    );
    const docx = await openDocx(response.body);
    const titles = meeting.body.agenda.map((item) => item.title);
    const positions = titles.map((title) => docx.text.indexOf(title));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(docx.headers).toContain('CICA/CFM/7/1');
  });

  it('answers a second download of the same document with 304, and a changed agenda with a new one', async () => {
    const first = await download(`/api/meetings/${cfmId}/documents/annotated-agenda.docx`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const second = await download(`/api/meetings/${cfmId}/documents/annotated-agenda.docx`, {
      'if-none-match': etag,
    });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);

    const { agenda } = (
      await api.request('GET', `/api/meetings/${cfmId}`, { token, as: MeetingWithAgendaDto.schema })
    ).body;
    await api.request('PATCH', `/api/meetings/${cfmId}/agenda-items/${agenda[0].id}`, {
      token,
      body: { annotation: 'The Chair opens the meeting and welcomes the new chairmanship.' },
    });
    const third = await download(`/api/meetings/${cfmId}/documents/annotated-agenda.docx`, {
      'if-none-match': etag,
    });
    expect(third.status).toBe(200);
    expect((await openDocx(third.body)).text).toContain('welcomes the new chairmanship');
  });

  it('renders the Russian agenda in Cyrillic, and refuses a language it does not have', async () => {
    const response = await download(
      `/api/meetings/${cfmId}/documents/provisional-agenda.docx?lang=ru`,
    );
    expect(response.status).toBe(200);
    const docx = await openDocx(response.body);
    expect(docx.text).toMatch(/[А-Яа-яЁё]{5,}/);
    expect(docx.text).toContain('Совет');
    const french = await api.request(
      'GET',
      `/api/meetings/${cfmId}/documents/provisional-agenda.docx?lang=fr`,
      { token },
    );
    // French is well formed but not a working language of the forum.
    expect(expectProblem(french, 404).field).toBe('lang');
    const unknown = await download(`/api/meetings/${cfmId}/documents/minutes.docx`);
    expect(unknown.status).toBe(404);
  });

  it('lists the documents of a meeting', async () => {
    const response = await download(`/api/meetings/${cfmId}/documents/list-of-documents.docx`);
    const docx = await openDocx(response.body);
    expect(docx.text).toContain('CICA/CFM/7/DOC.1');
  });

  it('marks a draft DRAFT until it is adopted, with real numbering for operative paragraphs', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const before = await openDocx(
      (await download(`/api/drafts/${draft.id}/documents/text.docx`)).body,
    );
    expect(textOf(before.headers)).toContain('DRAFT');
    const operative = paragraphsOf(before.document).filter((p) =>
      p.text.startsWith('Decide that the Secretariat'),
    );
    expect(operative).toHaveLength(1);
    expect(operative[0].xml).toContain('<w:numPr>');

    await everyoneConcurs(api, draft.id);
    await transition(api, draft.id, 'soc-chair@demo.local', { action: 'declare-consensus' });
    const meetingId = await openMeeting(api, 'CFM');
    expect(
      (await transition(api, draft.id, 'cfm-chair@demo.local', { action: 'adopt', meetingId }))
        .status,
    ).toBe(200);
    const after = await openDocx(
      (await download(`/api/drafts/${draft.id}/documents/text.docx`)).body,
    );
    expect(after.headers).not.toContain('DRAFT');
    expect(after.text).toContain('Reaffirm our commitment to dialogue');

    const missing = await download(`/api/drafts/${draft.id}/documents/text.docx?revision=9`);
    expect(missing.status).toBe(404);
    const trail = await api.request('GET', `/api/drafts/${draft.id}/audit`, {
      token,
      as: AuditEntryDto.schema.array(),
    });
    expect(
      trail.body.filter((e) => e.action === 'document.rendered').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('renders a redline with tracked changes around exactly the changed words', async () => {
    const draft = await registerDraft(api, {
      operative: [{ text: 'The parties shall consult each other regularly.' }],
    });
    const { revision } = DraftDto.schema.parse((await readDraft(api, draft.id)).body);
    const op = revision!.operative[0].id;
    const unchanged = revision!.preamble[0];
    await addRevision(api, draft.id, {
      preamble: [unchanged],
      operative: [{ id: op, text: 'The parties should consult each other regularly.' }],
    });
    const response = await download(`/api/drafts/${draft.id}/documents/redline.docx?from=1&to=2`);
    expect(response.status).toBe(200);
    const docx = await openDocx(response.body);
    const deletions = [...docx.document.matchAll(/<w:del\b[\s\S]*?<\/w:del>/g)].map(([xml]) =>
      textOf(xml),
    );
    const insertions = [...docx.document.matchAll(/<w:ins\b[\s\S]*?<\/w:ins>/g)].map(([xml]) =>
      textOf(xml),
    );
    expect(deletions.map((t) => t.trim())).toEqual(['shall']);
    expect(insertions.map((t) => t.trim())).toEqual(['should']);
    expect(docx.document).toMatch(/<w:ins [^>]*w:author="[^"]+"/);

    const backwards = await download(`/api/drafts/${draft.id}/documents/redline.docx?from=2&to=1`);
    expect(backwards.status).toBe(422);
  });

  it('prints every position and reservation in the consensus report', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const body = DraftDto.schema.parse((await readDraft(api, draft.id)).body);
    await putPosition(api, draft.id, 'KOR', {
      stance: 'reservation',
      text: 'On the understanding that reporting remains voluntary.',
      paragraphs: [body.revision!.operative[1].id],
    });
    await putPosition(api, draft.id, 'TJK', {
      stance: 'objection',
      text: 'The timeline is too short.',
    });
    await putPosition(api, draft.id, 'KAZ', { stance: 'concur' });
    const docx = await openDocx(
      (await download(`/api/drafts/${draft.id}/documents/consensus-report.docx`)).body,
    );
    expect(docx.text).toContain('On the understanding that reporting remains voluntary.');
    expect(docx.text).toContain('OP 2');
    expect(docx.text).toContain('The timeline is too short.');
    expect(docx.text).toContain('Kazakhstan');

    const all = await download('/api/documents/consensus-report.docx');
    expect(all.status).toBe(200);
    expect((await openDocx(all.body)).text).toContain(body.symbol);
  });

  it('prints hostile text literally', async () => {
    const hostile = '</w:t><w:t>{{constructor}} <script>alert(1)</script> & مرحبا 🕊️';
    const draft = await registerDraft(api, { operative: [{ text: hostile }] });
    const docx = await openDocx(
      (await download(`/api/drafts/${draft.id}/documents/text.docx`)).body,
    );
    expect(docx.text).toContain(hostile);
  });
});
