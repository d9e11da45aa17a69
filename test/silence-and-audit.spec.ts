import {
  everyoneConcurs,
  putPosition,
  readDraft,
  registerDraft,
  transition,
} from './support/drafts';
import { AuditVerificationDto, ConsensusDto, DraftDto } from '../apps/api/src/drafts/drafts.dto';
import { ParticipantDto } from '../apps/api/src/reference/reference.dto';
import { expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';

async function startSilence(api: TestApp, id: string, deadline: Date) {
  const { etag } = await readDraft(api, id, 'soc-chair@demo.local');
  return api.request('POST', `/api/drafts/${id}/silence-procedure`, {
    token: await api.login('soc-chair@demo.local'),
    body: { deadline: deadline.toISOString() },
    headers: { 'if-match': etag },
  });
}

async function submittedDraft(api: TestApp) {
  const draft = await registerDraft(api);
  await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
  return draft;
}

describe('silence procedures', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('is broken at once by one objection, which is named', async () => {
    const draft = await submittedDraft(api);
    await startSilence(api, draft.id, new Date(Date.now() + 60_000));
    await putPosition(api, draft.id, 'PAK', {
      stance: 'objection',
      text: 'We break silence: paragraph 1 needs work.',
    });
    const body = DraftDto.schema.parse((await readDraft(api, draft.id)).body);
    expect(body.status).toBe('UNDER_SOC_REVIEW');
    expect(body.silenceProcedure).toMatchObject({ status: 'broken', objectors: ['PAK'] });
  });

  it('refuses a deadline in the past, a second procedure, and a non-chair', async () => {
    const draft = await submittedDraft(api);
    const past = await startSilence(api, draft.id, new Date(Date.now() - 1000));
    expect(expectProblem(past, 422).field).toBe('deadline');
    expect((await startSilence(api, draft.id, new Date(Date.now() + 60_000))).status).toBe(201);
    const second = await startSilence(api, draft.id, new Date(Date.now() + 120_000));
    expectProblem(second, 409, 'SILENCE_ALREADY_RUNNING');
    const { etag } = await readDraft(api, draft.id);
    const secretariat = await api.request('POST', `/api/drafts/${draft.id}/silence-procedure`, {
      token: await api.login('secretariat@demo.local'),
      body: { deadline: new Date(Date.now() + 60_000).toISOString() },
      headers: { 'if-match': etag },
    });
    expectProblem(secretariat, 403);
    const badDate = await api.request('POST', `/api/drafts/${draft.id}/silence-procedure`, {
      token: await api.login('soc-chair@demo.local'),
      body: { deadline: 'next Tuesday' },
      headers: { 'if-match': etag },
    });
    expect(expectProblem(badDate, 400).field).toBe('deadline');
  });
});

// Concluding silence on two replicas is in test/use-cases/silence.spec.ts (an injected clock).
describe('two service instances on one database', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({ databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('store all 28 positions posted at once through both instances', async () => {
    const draft = await submittedDraft(first);
    const before = DraftDto.schema.parse((await readDraft(first, draft.id)).body).version;
    const codes = (
      await first.request('GET', '/api/participants?kind=member-state', {
        token: await first.login('admin@demo.local'),
        as: ParticipantDto.schema.array(),
      })
    ).body.map((p) => p.code);
    const responses = await Promise.all(
      codes.map((code, i) =>
        putPosition(i % 2 === 0 ? first : second, draft.id, code, { stance: 'concur' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(codes.map(() => 200));
    const consensus = await first.request('GET', `/api/drafts/${draft.id}/consensus`, {
      token: await first.login('admin@demo.local'),
      as: ConsensusDto.schema,
    });
    expect(consensus.body.concurred).toHaveLength(28);
    // Positions bind to their revision: none of them moved the draft's ETag.
    const body = DraftDto.schema.parse((await readDraft(first, draft.id)).body);
    expect(body.version).toBe(before);
  });
});

describe('the audit log', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('verifies, refuses UPDATE and DELETE, and detects a row altered behind its back', async () => {
    const draft = await submittedDraft(api);
    await everyoneConcurs(api, draft.id);
    const admin = await api.login('admin@demo.local');
    const verified = await api.request('GET', '/api/audit/verify', {
      token: admin,
      as: AuditVerificationDto.schema,
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, brokenAt: null });
    expect(verified.body.entries).toBeGreaterThan(30);

    await expect(
      api.dataSource.query(
        `UPDATE audit_log SET actor_label = 'someone else' WHERE draft_id = $1`,
        [draft.id],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.query(`DELETE FROM audit_log WHERE draft_id = $1`, [draft.id]),
    ).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);

    // A superuser can switch triggers off; the hash chain still tells.
    const [target]: { seq: string }[] = await api.dataSource.query(
      `SELECT seq FROM audit_log WHERE draft_id = $1 AND action = 'position.recorded' ORDER BY seq LIMIT 1`,
      [draft.id],
    );
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(
        `UPDATE audit_log SET details = jsonb_set(details, '{stance}', '"objection"') WHERE seq = $1`,
        [target.seq],
      );
    });
    const tampered = await api.request('GET', '/api/audit/verify', {
      token: admin,
      as: AuditVerificationDto.schema,
    });
    expect(tampered.body).toMatchObject({
      valid: false,
      brokenAt: { seq: Number(target.seq), reason: 'hash-mismatch' },
    });

    const delegate = await api.request('GET', '/api/audit/verify', {
      token: await api.login('delegate.kaz@demo.local'),
    });
    expectProblem(delegate, 403);
  });

  it('refuses changes to stored revisions and deletion of positions at the database', async () => {
    const draft = await submittedDraft(api);
    await putPosition(api, draft.id, 'QAT', { stance: 'concur' });
    await expect(
      api.dataSource.query(`UPDATE revisions SET title = 'x' WHERE draft_id = $1`, [draft.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.query(`DELETE FROM positions WHERE draft_id = $1`, [draft.id]),
    ).rejects.toThrow(/history/);
    await expect(
      api.dataSource.query(`UPDATE positions SET stance = 'objection' WHERE draft_id = $1`, [
        draft.id,
      ]),
    ).rejects.toThrow(/history/);
  });
});
