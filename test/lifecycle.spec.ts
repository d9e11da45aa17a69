import { AuditEntryDto, ConsensusDto, DraftDto } from '../apps/api/src/drafts/drafts.dto';
import { MeetingWithAgendaDto } from '../apps/api/src/meetings/meetings.dto';
import {
  addRevision,
  delegateOf,
  everyoneConcurs,
  openMeeting,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { expectBody, expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';
import { z } from 'zod';

// Read by hand rather than with expectProblem, so that a failure names the case.
const ProblemFieldSchema = z.object({ field: z.string() });

describe('the draft lifecycle over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('takes a CFM statement from PROPOSED to ADOPTED with all 28 member states', async () => {
    const draft = await registerDraft(api);
    const registered = DraftDto.schema.parse(draft.body);
    expect(registered).toMatchObject({
      status: 'PROPOSED',
      currentRevision: 1,
      adoptingBodyCode: 'CFM',
    });
    expect(registered.symbol).toMatch(/^CICA\/CFM\/DOC\.\d+$/);
    expect(registered.revision?.operative).toHaveLength(2);

    expect(
      (await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' })).status,
    ).toBe(200);
    const statuses = await everyoneConcurs(api, draft.id);
    expect(statuses).toHaveLength(28);
    expect(new Set(statuses)).toEqual(new Set([200]));

    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('soc-chair@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body).toMatchObject({
      reached: true,
      memberStates: 28,
      notAnswered: [],
      objected: [],
    });
    expect(consensus.body.concurred).toHaveLength(28);

    const declared = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expect(expectBody(declared, DraftDto.schema, 200)).toMatchObject({
      status: 'CONSENSUS',
      consensus: { method: 'explicit', revision: 1 },
    });

    const meetingId = await openMeeting(api, 'CFM');
    const notTheChair = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'adopt',
      meetingId,
    });
    expectProblem(notTheChair, 403);
    const adopted = await transition(api, draft.id, 'cfm-chair@demo.local', {
      action: 'adopt',
      meetingId,
    });
    expect(expectBody(adopted, DraftDto.schema, 200)).toMatchObject({
      status: 'ADOPTED',
      adoption: { meetingId },
    });

    const frozen = await addRevision(api, draft.id, { operative: [{ text: 'Too late.' }] });
    expectProblem(frozen, 409, 'DRAFT_CLOSED');

    const trail = await api.request('GET', `/api/drafts/${draft.id}/audit`, {
      token: await api.login('delegate.kaz@demo.local'),
      as: AuditEntryDto.schema.array(),
    });
    const actions = trail.body.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'draft.registered',
        'revision.added',
        'draft.submit',
        'position.recorded',
        'draft.declare-consensus',
        'draft.adopt',
      ]),
    );
    expect(actions.filter((a) => a === 'position.recorded')).toHaveLength(28);
  });

  it('requires If-Match on transitions: 428 without, 412 when stale', async () => {
    const draft = await registerDraft(api);
    const token = await api.login('secretariat@demo.local');
    const missing = await api.request('POST', `/api/drafts/${draft.id}/transitions`, {
      token,
      body: { action: 'submit' },
    });
    expectProblem(missing, 428);
    await addRevision(api, draft.id, { operative: [{ text: 'Second text.' }] });
    const stale = await api.request('POST', `/api/drafts/${draft.id}/transitions`, {
      token,
      body: { action: 'submit' },
      headers: { 'if-match': draft.etag },
    });
    expectProblem(stale, 412);
  });

  it('lets exactly one of 20 identical concurrent transitions win', async () => {
    const draft = await registerDraft(api);
    const { etag } = await readDraft(api, draft.id);
    const token = await api.login('secretariat@demo.local');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.request('POST', `/api/drafts/${draft.id}/transitions`, {
          token,
          body: { action: 'submit' },
          headers: { 'if-match': etag },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 412)).toBe(true);
    const submits: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE draft_id = $1 AND action = 'draft.submit'`,
      [draft.id],
    );
    expect(submits[0].n).toBe(1);
  });

  it('refuses what the rules forbid with 409 and the facts', async () => {
    const draft = await registerDraft(api);
    const early = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    const notAllowed = expectProblem(early, 409, 'TRANSITION_NOT_ALLOWED');
    expect(notAllowed.facts).toMatchObject({ status: 'PROPOSED' });
    const reopenNoReason = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'reopen',
    });
    expectProblem(reopenNoReason, 409);
    const withdrawn = await transition(api, draft.id, delegateOf('AZE'), {
      action: 'withdraw',
      reason: 'Superseded',
    });
    expect(expectBody(withdrawn, DraftDto.schema, 200).status).toBe('WITHDRAWN');
    const again = await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    expectProblem(again, 409, 'DRAFT_CLOSED');
  });

  it('refuses adoption at a meeting of the wrong body or one not yet open', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    await transition(api, draft.id, 'soc-chair@demo.local', { action: 'declare-consensus' });
    const socMeeting = await openMeeting(api, 'SOC');
    const wrongBody = await transition(api, draft.id, 'cfm-chair@demo.local', {
      action: 'adopt',
      meetingId: socMeeting,
    });
    expect(expectProblem(wrongBody, 422, 'WRONG_BODY').field).toBe('meetingId');
    const future = await api.request('POST', '/api/meetings', {
      token: await api.login('secretariat@demo.local'),
      body: {
        bodyCode: 'CFM',
        title: 'Future CFM',
        startsOn: '2099-01-01',
        endsOn: '2099-01-02',
        format: 'in-person',
      },
      as: MeetingWithAgendaDto.schema,
    });
    const notOpen = await transition(api, draft.id, 'cfm-chair@demo.local', {
      action: 'adopt',
      meetingId: future.body.id,
    });
    expectProblem(notOpen, 409, 'MEETING_NOT_OPEN');
  });

  it('registers a draft before its text exists', async () => {
    const response = await api.request('POST', '/api/drafts', {
      token: await api.login('secretariat@demo.local'),
      body: {
        type: 'declaration',
        title: 'Declaration of the Summit',
        adoptingBodyCode: 'SUMMIT',
        penholder: 'AZE',
        language: 'en',
      },
    });
    const registered = expectBody(response, DraftDto.schema, 201);
    expect(registered).toMatchObject({ currentRevision: 0, revision: null, status: 'PROPOSED' });
    const submit = await transition(api, registered.id, 'secretariat@demo.local', {
      action: 'submit',
    });
    expectProblem(submit, 409, 'REVISION_REQUIRED');
  });

  it('validates registration: body, type, penholder, meeting', async () => {
    const token = await api.login('secretariat@demo.local');
    const base = {
      type: 'statement',
      title: 'T',
      adoptingBodyCode: 'CFM',
      penholder: 'AZE',
      language: 'en',
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, type: 'budget' }, 422, 'type'],
      [{ ...base, penholder: 'BLR' }, 422, 'penholder'],
      [{ ...base, adoptingBodyCode: 'UNGA' }, 422, 'adoptingBodyCode'],
      [{ ...base, meetingId: '00000000-0000-4000-8000-000000000000' }, 422, 'meetingId'],
      // Not a working language of the forum (the languages table): 422.
      [{ ...base, language: 'fr' }, 422, 'language'],
      [{ ...base, title: 42 }, 400, 'title'],
    ];
    for (const [body, status, field] of cases) {
      const response = await api.request('POST', '/api/drafts', { token, body });
      const at = ProblemFieldSchema.safeParse(response.body).data?.field;
      expect({ field, status: response.status, at }).toEqual({
        field,
        status,
        at: field,
      });
    }
    const delegate = await api.request('POST', '/api/drafts', {
      token: await api.login(delegateOf('AZE')),
      body: base,
    });
    expectProblem(delegate, 403);
  });

  it('answers 404 for unknown drafts, revisions and malformed ids', async () => {
    const token = await api.login('delegate.kaz@demo.local');
    const draft = await registerDraft(api);
    for (const path of [
      '/api/drafts/00000000-0000-4000-8000-000000000000',
      '/api/drafts/nonsense',
      `/api/drafts/${draft.id}/revisions/9`,
      `/api/drafts/${draft.id}/revisions/abc`,
      '/api/drafts/00000000-0000-4000-8000-000000000000/consensus',
    ]) {
      expect({ path, status: (await api.request('GET', path, { token })).status }).toEqual({
        path,
        status: 404,
      });
    }
  });
});
