import {
  addRevision,
  delegateOf,
  everyoneConcurs,
  openMeeting,
  putPosition,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { type TestApp, startTestApp } from './support/test-app';

describe('the draft lifecycle over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('takes a CFM statement from PROPOSED to ADOPTED with all 28 member states', async () => {
    const draft = await registerDraft(api);
    expect(draft.body).toMatchObject({
      status: 'PROPOSED',
      currentRevision: 1,
      adoptingBodyCode: 'CFM',
    });
    expect(draft.body.symbol).toMatch(/^CICA\/CFM\/DOC\.\d+$/);
    expect(draft.body.revision.operative).toHaveLength(2);

    expect(
      (await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' })).status,
    ).toBe(200);
    const statuses = await everyoneConcurs(api, draft.id);
    expect(statuses).toHaveLength(28);
    expect(new Set(statuses)).toEqual(new Set([200]));

    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('soc-chair@demo.local'),
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
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({
      status: 'CONSENSUS',
      consensus: { method: 'explicit', revision: 1 },
    });

    const meetingId = await openMeeting(api, 'CFM');
    const notTheChair = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'adopt',
      meetingId,
    });
    expect(notTheChair.status).toBe(403);
    const adopted = await transition(api, draft.id, 'cfm-chair@demo.local', {
      action: 'adopt',
      meetingId,
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'ADOPTED', adoption: { meetingId } });

    const frozen = await addRevision(api, draft.id, { operative: [{ text: 'Too late.' }] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('DRAFT_CLOSED');

    const trail = await api.request('GET', `/api/drafts/${draft.id}/audit`, {
      token: await api.login('delegate.kaz@demo.local'),
    });
    const actions = trail.body.map((entry: { action: string }) => entry.action);
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
    expect(actions.filter((a: string) => a === 'position.recorded')).toHaveLength(28);
  });

  it('blocks consensus while a state objects, and names it', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id, ['IND', 'KGZ']);
    const objection = await putPosition(api, draft.id, 'IND', {
      stance: 'objection',
      text: 'Paragraph 2 prejudges the budget.',
    });
    expect(objection.status).toBe(200);

    const refused = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'CONSENSUS_NOT_REACHED' });
    expect(refused.body.facts.objected).toEqual([
      { stateCode: 'IND', text: 'Paragraph 2 prejudges the budget.' },
    ]);
    expect(refused.body.facts.notAnswered).toEqual(['KGZ']);
    expect(refused.body.detail).toContain('IND');
  });

  it('keeps reservations, which join consensus, and refuses brackets', async () => {
    const draft = await registerDraft(api, {
      operative: [
        { text: 'Welcome the [establishment of a fund].' },
        { text: 'Request the Secretariat to report.' },
      ],
    });
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const { body } = await readDraft(api, draft.id);
    const bracketed = body.revision.operative[0].id;
    await everyoneConcurs(api, draft.id, ['KOR']);
    const reservation = await putPosition(api, draft.id, 'KOR', {
      stance: 'reservation',
      text: 'Joins consensus on the understanding that contributions are voluntary.',
      paragraphs: [bracketed],
    });
    expect(reservation.status).toBe(200);

    const blocked = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.facts.openBrackets).toEqual([
      expect.objectContaining({
        paragraphId: bracketed,
        excerpt: expect.stringContaining('establishment of a fund'),
      }),
    ]);

    const clean = await addRevision(api, draft.id, {
      operative: [
        { id: bracketed, text: 'Welcome the establishment of a voluntary fund.' },
        { id: body.revision.operative[1].id, text: 'Request the Secretariat to report.' },
      ],
      note: 'Brackets removed after informal consultations',
    });
    expect(clean.status).toBe(201);
    expect(clean.body.revision.operative[0].id).toBe(bracketed);
    await everyoneConcurs(api, draft.id, ['KOR']);
    await putPosition(api, draft.id, 'KOR', {
      stance: 'reservation',
      text: 'Contributions are voluntary.',
      paragraphs: [bracketed],
    });

    const declared = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expect(declared.status).toBe(200);
    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
    });
    expect(consensus.body.reserved).toEqual([
      { stateCode: 'KOR', text: 'Contributions are voluntary.', paragraphs: [bracketed] },
    ]);
  });

  it('starts a new round with each revision: earlier positions do not count', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    const revised = await addRevision(api, draft.id, {
      operative: [{ text: 'A wholly new operative paragraph.' }],
    });
    expect(revised.body.currentRevision).toBe(2);
    expect(revised.body.revision.symbol).toMatch(/\/Rev\.1$/);

    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
    });
    expect(consensus.body).toMatchObject({ revision: 2, reached: false, concurred: [] });
    const late = await putPosition(api, draft.id, 'KAZ', { stance: 'concur', revision: 1 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'REVISION_SUPERSEDED', field: 'revision' });
    expect(
      (await putPosition(api, draft.id, 'KAZ', { stance: 'concur', revision: 2 })).status,
    ).toBe(200);
    expect(consensus.body.notAnswered).toHaveLength(28);
    const refused = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expect(refused.status).toBe(409);
  });

  it('reopens review when the text changes after consensus, with a reason', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    await transition(api, draft.id, 'soc-chair@demo.local', { action: 'declare-consensus' });

    const noReason = await addRevision(api, draft.id, {
      operative: [{ text: 'Changed after consensus.' }],
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    const reopened = await addRevision(api, draft.id, {
      operative: [{ text: 'Changed after consensus.' }],
      reason: 'A factual error in the date was found',
    });
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({ status: 'UNDER_SOC_REVIEW', consensus: null });
  });

  it('lets a delegate speak only for their own state, and the secretariat record a note verbale', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const foreign = await putPosition(
      api,
      draft.id,
      'IND',
      { stance: 'concur' },
      delegateOf('PAK'),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('NOT_OWN_STATE');

    const onBehalf = await putPosition(
      api,
      draft.id,
      'MNG',
      { stance: 'concur' },
      'secretariat@demo.local',
    );
    expect(onBehalf.status).toBe(200);
    expect(onBehalf.body).toMatchObject({ stateCode: 'MNG', onBehalf: true });

    const observer = await putPosition(
      api,
      draft.id,
      'MNG',
      { stance: 'concur' },
      'observer@demo.local',
    );
    expect(observer.status).toBe(403);
    const notMember = await putPosition(
      api,
      draft.id,
      'BLR',
      { stance: 'concur' },
      'secretariat@demo.local',
    );
    expect([404, 422]).toContain(notMember.status);
    expect(notMember.body.code).toBe('NOT_AN_ACTIVE_MEMBER_STATE');
    const noText = await putPosition(api, draft.id, 'IND', { stance: 'objection' });
    expect(noText.status).toBe(422);
    expect(noText.body.field).toBe('text');
    const badParagraph = await putPosition(api, draft.id, 'IND', {
      stance: 'reservation',
      text: 'x',
      paragraphs: ['nope'],
    });
    expect(badParagraph.status).toBe(422);
    expect(badParagraph.body.field).toBe('paragraphs[0]');
  });

  it('keeps a changed position as history and counts only the latest', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await putPosition(api, draft.id, 'CHN', { stance: 'objection', text: 'Not yet.' });
    await putPosition(api, draft.id, 'CHN', { stance: 'concur' });
    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
    });
    expect(consensus.body.concurred).toEqual(['CHN']);
    expect(consensus.body.objected).toEqual([]);
    const history = await api.dataSource.query(
      `SELECT stance, superseded_at IS NOT NULL AS superseded FROM positions WHERE draft_id = $1 ORDER BY recorded_at`,
      [draft.id],
    );
    expect(history).toEqual([
      { stance: 'objection', superseded: true },
      { stance: 'concur', superseded: false },
    ]);
  });

  it('requires If-Match on transitions: 428 without, 412 when stale', async () => {
    const draft = await registerDraft(api);
    const token = await api.login('secretariat@demo.local');
    const missing = await api.request('POST', `/api/drafts/${draft.id}/transitions`, {
      token,
      body: { action: 'submit' },
    });
    expect(missing.status).toBe(428);
    await addRevision(api, draft.id, { operative: [{ text: 'Second text.' }] });
    const stale = await api.request('POST', `/api/drafts/${draft.id}/transitions`, {
      token,
      body: { action: 'submit' },
      headers: { 'if-match': draft.etag },
    });
    expect(stale.status).toBe(412);
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
    const submits = await api.dataSource.query(
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
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      facts: { status: 'PROPOSED' },
    });
    const reopenNoReason = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'reopen',
    });
    expect(reopenNoReason.status).toBe(409);
    const withdrawn = await transition(api, draft.id, delegateOf('AZE'), {
      action: 'withdraw',
      reason: 'Superseded',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const again = await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    expect(again.body.code).toBe('DRAFT_CLOSED');
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
    expect(wrongBody.status).toBe(422);
    expect(wrongBody.body).toMatchObject({ code: 'WRONG_BODY', field: 'meetingId' });
    const future = await api.request('POST', '/api/meetings', {
      token: await api.login('secretariat@demo.local'),
      body: {
        bodyCode: 'CFM',
        title: 'Future CFM',
        startsOn: '2099-01-01',
        endsOn: '2099-01-02',
        format: 'in-person',
      },
    });
    const notOpen = await transition(api, draft.id, 'cfm-chair@demo.local', {
      action: 'adopt',
      meetingId: future.body.id,
    });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.code).toBe('MEETING_NOT_OPEN');
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
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ currentRevision: 0, revision: null, status: 'PROPOSED' });
    const submit = await transition(api, response.body.id, 'secretariat@demo.local', {
      action: 'submit',
    });
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('REVISION_REQUIRED');
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
      expect({ field, status: response.status, at: response.body.field }).toEqual({
        field,
        status,
        at: field,
      });
    }
    const delegate = await api.request('POST', '/api/drafts', {
      token: await api.login(delegateOf('AZE')),
      body: base,
    });
    expect(delegate.status).toBe(403);
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

  it('shows the admin one matrix of open drafts × member states', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await putPosition(api, draft.id, 'TJK', { stance: 'objection', text: 'Needs more time.' });
    await putPosition(api, draft.id, 'KAZ', { stance: 'concur' });
    const matrix = await api.request('GET', '/api/consensus', {
      token: await api.login('admin@demo.local'),
    });
    expect(matrix.status).toBe(200);
    expect(matrix.body.states).toHaveLength(28);
    const row = matrix.body.items.find((item: { draftId: string }) => item.draftId === draft.id);
    expect(row.cells).toMatchObject({ TJK: 'objection', KAZ: 'concur', AZE: 'none' });
    expect(row.counts).toEqual({ concur: 1, reservation: 0, objection: 1, none: 26 });
    const delegate = await api.request('GET', '/api/consensus', {
      token: await api.login(delegateOf('KAZ')),
    });
    expect(delegate.status).toBe(403);
  });
});
