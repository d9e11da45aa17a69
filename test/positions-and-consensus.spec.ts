import {
  ConsensusDto,
  ConsensusMatrixDto,
  DraftDto,
  RecordedPositionDto,
} from '../apps/api/src/drafts/drafts.dto';
import {
  addRevision,
  delegateOf,
  everyoneConcurs,
  putPosition,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { expectBody, expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';
import { z } from 'zod';

// The facts of a refused declaration that these tests read.
const ConsensusFactsSchema = z.object({
  objected: z.array(z.unknown()),
  notAnswered: z.array(z.string()),
  openBrackets: z.array(z.object({ paragraphId: z.string().nullable(), excerpt: z.string() })),
});

describe('positions and consensus over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('blocks consensus while a state objects, and names it', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id, ['IND', 'KGZ']);
    const objection = await putPosition(api, draft.id, 'IND', {
      stance: 'objection',
      text: 'Paragraph 2 prejudges the budget.',
    });
    expectBody(objection, RecordedPositionDto.schema, 200);

    const refused = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    const notReached = expectProblem(refused, 409, 'CONSENSUS_NOT_REACHED');
    const facts = ConsensusFactsSchema.parse(notReached.facts);
    expect(facts.objected).toEqual([
      { stateCode: 'IND', text: 'Paragraph 2 prejudges the budget.' },
    ]);
    expect(facts.notAnswered).toEqual(['KGZ']);
    expect(notReached.detail).toContain('IND');
  });

  it('keeps reservations, which join consensus, and refuses brackets', async () => {
    const draft = await registerDraft(api, {
      operative: [
        { text: 'Welcome the [establishment of a fund].' },
        { text: 'Request the Secretariat to report.' },
      ],
    });
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const { revision } = DraftDto.schema.parse((await readDraft(api, draft.id)).body);
    const bracketed = revision!.operative[0].id;
    await everyoneConcurs(api, draft.id, ['KOR']);
    const reservation = await putPosition(api, draft.id, 'KOR', {
      stance: 'reservation',
      text: 'Joins consensus on the understanding that contributions are voluntary.',
      paragraphs: [bracketed],
    });
    expectBody(reservation, RecordedPositionDto.schema, 200);

    const blocked = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    const bracketsOpen = ConsensusFactsSchema.parse(expectProblem(blocked, 409).facts);
    expect(bracketsOpen.openBrackets.map((bracket) => bracket.paragraphId)).toEqual([bracketed]);
    expect(bracketsOpen.openBrackets[0].excerpt).toContain('establishment of a fund');

    const clean = await addRevision(api, draft.id, {
      operative: [
        { id: bracketed, text: 'Welcome the establishment of a voluntary fund.' },
        { id: revision!.operative[1].id, text: 'Request the Secretariat to report.' },
      ],
      note: 'Brackets removed after informal consultations',
    });
    expect(expectBody(clean, DraftDto.schema, 201).revision?.operative[0].id).toBe(bracketed);
    await everyoneConcurs(api, draft.id, ['KOR']);
    await putPosition(api, draft.id, 'KOR', {
      stance: 'reservation',
      text: 'Contributions are voluntary.',
      paragraphs: [bracketed],
    });

    const declared = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expectBody(declared, DraftDto.schema, 200);
    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
      as: ConsensusDto.schema,
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
    const second = expectBody(revised, DraftDto.schema, 201);
    expect(second.currentRevision).toBe(2);
    expect(second.revision?.symbol).toMatch(/\/Rev\.1$/);

    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body).toMatchObject({ revision: 2, reached: false, concurred: [] });
    const late = await putPosition(api, draft.id, 'KAZ', { stance: 'concur', revision: 1 });
    expect(expectProblem(late, 409, 'REVISION_SUPERSEDED').field).toBe('revision');
    expect(
      (await putPosition(api, draft.id, 'KAZ', { stance: 'concur', revision: 2 })).status,
    ).toBe(200);
    expect(consensus.body.notAnswered).toHaveLength(28);
    const refused = await transition(api, draft.id, 'soc-chair@demo.local', {
      action: 'declare-consensus',
    });
    expectProblem(refused, 409);
  });

  it('reopens review when the text changes after consensus, with a reason', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    await transition(api, draft.id, 'soc-chair@demo.local', { action: 'declare-consensus' });

    const noReason = await addRevision(api, draft.id, {
      operative: [{ text: 'Changed after consensus.' }],
    });
    expect(expectProblem(noReason, 422, 'REASON_REQUIRED').field).toBe('reason');
    const reopened = await addRevision(api, draft.id, {
      operative: [{ text: 'Changed after consensus.' }],
      reason: 'A factual error in the date was found',
    });
    expect(expectBody(reopened, DraftDto.schema, 201)).toMatchObject({
      status: 'UNDER_SOC_REVIEW',
      consensus: null,
    });
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
    expectProblem(foreign, 403, 'NOT_OWN_STATE');

    const onBehalf = await putPosition(
      api,
      draft.id,
      'MNG',
      { stance: 'concur' },
      'secretariat@demo.local',
    );
    expect(expectBody(onBehalf, RecordedPositionDto.schema, 200)).toMatchObject({
      stateCode: 'MNG',
      onBehalf: true,
    });

    const observer = await putPosition(
      api,
      draft.id,
      'MNG',
      { stance: 'concur' },
      'observer@demo.local',
    );
    expectProblem(observer, 403);
    const notMember = await putPosition(
      api,
      draft.id,
      'BLR',
      { stance: 'concur' },
      'secretariat@demo.local',
    );
    expect([404, 422]).toContain(notMember.status);
    expectProblem(notMember, notMember.status, 'NOT_AN_ACTIVE_MEMBER_STATE');
    const noText = await putPosition(api, draft.id, 'IND', { stance: 'objection' });
    expect(expectProblem(noText, 422).field).toBe('text');
    const badParagraph = await putPosition(api, draft.id, 'IND', {
      stance: 'reservation',
      text: 'x',
      paragraphs: ['nope'],
    });
    expect(expectProblem(badParagraph, 422).field).toBe('paragraphs[0]');
  });

  it('keeps a changed position as history and counts only the latest', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await putPosition(api, draft.id, 'CHN', { stance: 'objection', text: 'Not yet.' });
    await putPosition(api, draft.id, 'CHN', { stance: 'concur' });
    const consensus = await api.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await api.login('admin@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body.concurred).toEqual(['CHN']);
    expect(consensus.body.objected).toEqual([]);
    const history: { stance: string; superseded: boolean }[] = await api.dataSource.query(
      `SELECT stance, superseded_at IS NOT NULL AS superseded FROM positions WHERE draft_id = $1 ORDER BY recorded_at`,
      [draft.id],
    );
    expect(history).toEqual([
      { stance: 'objection', superseded: true },
      { stance: 'concur', superseded: false },
    ]);
  });

  it('shows the admin one matrix of open drafts × member states', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await putPosition(api, draft.id, 'TJK', { stance: 'objection', text: 'Needs more time.' });
    await putPosition(api, draft.id, 'KAZ', { stance: 'concur' });
    const matrix = await api.request('GET', '/api/consensus', {
      token: await api.login('admin@demo.local'),
      as: ConsensusMatrixDto.schema,
    });
    expect(matrix.body.states).toHaveLength(28);
    const row = matrix.body.items.find((item) => item.draftId === draft.id);
    expect(row?.cells).toMatchObject({ TJK: 'objection', KAZ: 'concur', AZE: 'none' });
    expect(row?.counts).toEqual({ concur: 1, reservation: 0, objection: 1, none: 26 });
    const delegate = await api.request('GET', '/api/consensus', {
      token: await api.login(delegateOf('KAZ')),
    });
    expectProblem(delegate, 403);
  });
});
