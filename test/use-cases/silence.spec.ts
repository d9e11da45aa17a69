import { ManualClock } from '../../apps/api/src/application/clock';
import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';
import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import {
  ConcludeSilenceService,
  SilenceNotDue,
} from '../../apps/api/src/drafts/use-cases/conclude-silence.service';
import { RecordPositionService } from '../../apps/api/src/drafts/use-cases/record-position.service';
import { StartSilenceProcedureService } from '../../apps/api/src/drafts/use-cases/start-silence-procedure.service';
import { TransitionDraftService } from '../../apps/api/src/drafts/use-cases/transition-draft.service';
import { jobById, releaseDueJobs } from '../support/job-queue';
import { type TestApp, startTestApp } from '../support/test-app';
import { until } from '../support/until';
import { type UseCases, etagOf, startUseCases, submittedDraft } from '../support/use-cases';

const DAY_MS = 24 * 60 * 60 * 1000;

async function startSilence(useCases: UseCases, id: string, deadline: Date) {
  const chair = await useCases.principal('soc-chair@demo.local');
  return useCases
    .get(StartSilenceProcedureService)
    .execute(chair, id, { deadline: deadline.toISOString() }, await etagOf(useCases, id));
}

async function procedureId(useCases: { dataSource: UseCases['dataSource'] }, draftId: string) {
  const [row] = await useCases.dataSource.query<{ id: string }[]>(
    `SELECT id FROM silence_procedures WHERE draft_id = $1 ORDER BY started_at DESC LIMIT 1`,
    [draftId],
  );
  return row.id;
}

describe('silence procedures, on an injected clock', () => {
  let useCases: UseCases;
  beforeAll(async () => {
    useCases = await startUseCases();
  });
  afterAll(() => useCases.close());

  it('enqueue the deadline job with the procedure; it concludes once the deadline has passed', async () => {
    const id = await submittedDraft(useCases);
    const kaz = await useCases.principal('delegate.kaz@demo.local');
    await useCases
      .get(RecordPositionService)
      .execute(kaz, id, 'KAZ', { stance: 'concur' }, undefined);
    const deadline = new Date(useCases.clock.now().getTime() + 2 * DAY_MS);
    const started = await startSilence(useCases, id, deadline);
    expect(started.silenceProcedure).toMatchObject({ status: 'running' });
    const job = await jobById(useCases.dataSource, await procedureId(useCases, id));
    expect(job).toMatchObject({
      name: 'silence-deadline',
      state: 'created',
      data: { draftId: id },
    });
    expect(job!.start_after.getTime()).toBe(deadline.getTime());

    const conclude = useCases.get(ConcludeSilenceService);
    useCases.clock.advance(2 * DAY_MS - 60_000);
    // Run early (the database's clock ahead of ours), the job fails, to be retried.
    await expect(conclude.execute(id)).rejects.toBeInstanceOf(SilenceNotDue);
    useCases.clock.advance(120_000);
    expect(await conclude.execute(id)).toBe('held');
    expect(await conclude.execute(id)).toBe('none');

    const observer = await useCases.principal('observer@demo.local');
    const draft = await useCases.get(DraftQueriesService).get(observer, id);
    expect(draft).toMatchObject({
      status: 'CONSENSUS',
      consensus: { method: 'silence', revision: 1 },
      silenceProcedure: { status: 'held' },
    });
    expect(draft.consensus!.by).toContain('Chair of the Senior Officials Committee');
    expect(draft.version).toBeGreaterThan(started.version);
  });

  it('is broken by an objection before the deadline: its job is cancelled, and the deadline concludes nothing', async () => {
    const id = await submittedDraft(useCases);
    await startSilence(useCases, id, new Date(useCases.clock.now().getTime() + DAY_MS));
    const pak = await useCases.principal('delegate.pak@demo.local');
    await useCases
      .get(RecordPositionService)
      .execute(pak, id, 'PAK', { stance: 'objection', text: 'Paragraph 1 needs work.' }, undefined);
    expect(await jobById(useCases.dataSource, await procedureId(useCases, id))).toMatchObject({
      state: 'cancelled',
    });
    useCases.clock.advance(2 * DAY_MS);
    expect(await useCases.get(ConcludeSilenceService).execute(id)).toBe('none');
    const observer = await useCases.principal('observer@demo.local');
    const draft = await useCases.get(DraftQueriesService).get(observer, id);
    expect(draft.status).toBe('UNDER_SOC_REVIEW');
    expect(draft.silenceProcedure).toMatchObject({ status: 'broken', objectors: ['PAK'] });
  });

  it('cancels the job when the draft moves on and the procedure with it', async () => {
    const id = await submittedDraft(useCases);
    await startSilence(useCases, id, new Date(useCases.clock.now().getTime() + DAY_MS));
    const secretariat = await useCases.principal('secretariat@demo.local');
    await useCases
      .get(TransitionDraftService)
      .execute(secretariat, id, { action: 'withdraw' }, await etagOf(useCases, id));
    expect(await jobById(useCases.dataSource, await procedureId(useCases, id))).toMatchObject({
      state: 'cancelled',
    });
  });
});

describe('two service instances on one database, through the queue', () => {
  let first: TestApp;
  let second: TestApp;
  const clock = new ManualClock(new Date());
  // Workers look every half second; LISTEN/NOTIFY wakes them at once for a job due now.
  const env = { JOB_POLL_MS: '500', JOB_SUPERVISE_SECONDS: '2' };
  const jwtSecret = 'replicas-share-their-jwt-secret-of-32-characters';
  beforeAll(async () => {
    first = await startTestApp({ clock, env, jwtSecret });
    second = await startTestApp({ databaseUrl: first.databaseUrl, clock, env, jwtSecret });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('conclude each silence procedure exactly once, a job early is retried', async () => {
    const secretariat = await first.login('secretariat@demo.local');
    const chair = await first.login('soc-chair@demo.local');
    const ids: string[] = [];
    for (const title of ['First', 'Second', 'Third']) {
      const created = await first.request('POST', '/api/drafts', {
        token: secretariat,
        body: {
          type: 'statement',
          title,
          adoptingBodyCode: 'CFM',
          penholder: 'AZE',
          language: 'en',
          preamble: [{ text: 'Recalling the Declaration on Principles,' }],
          operative: [{ text: 'Reaffirm our commitment to dialogue;' }],
        },
        as: DraftDto.schema,
      });
      const submitted = await first.request('POST', `/api/drafts/${created.body.id}/transitions`, {
        token: secretariat,
        body: { action: 'submit' },
        headers: { 'if-match': created.headers.get('etag')! },
      });
      expect(submitted.status).toBe(200);
      const silence = await second.request(
        'POST',
        `/api/drafts/${created.body.id}/silence-procedure`,
        {
          token: chair,
          body: { deadline: new Date(clock.now().getTime() + DAY_MS).toISOString() },
          headers: { 'if-match': submitted.headers.get('etag')! },
        },
      );
      expect(silence.status).toBe(201);
      ids.push(created.body.id);
    }
    const jobIds = await Promise.all(ids.map((id) => procedureId(first, id)));

    // Due by the database's clock, not yet by the service's: the first attempt fails.
    const released = new Date();
    await first.dataSource.query(
      `UPDATE pgboss.job SET start_after = now() WHERE id = ANY($1::uuid[])`,
      [jobIds],
    );
    const early = await until(
      () => jobById(first.dataSource, jobIds[0]),
      (job) => job?.state === 'retry',
    );
    expect(early).toMatchObject({ state: 'retry', retry_count: 0 });
    expect(String(early!.output?.message)).toContain('has not reached its deadline');
    // Retried after a back-off, not at once.
    expect(early!.start_after.getTime()).toBeGreaterThan(released.getTime());

    clock.advance(DAY_MS + 1000);
    await releaseDueJobs(first.dataSource, clock.now(), 'silence-deadline');
    const done = await until(
      () => Promise.all(jobIds.map((id) => jobById(first.dataSource, id))),
      (jobs) => jobs.every((job) => job?.state === 'completed'),
      20_000,
    );
    expect(done.map((job) => job?.state)).toEqual(['completed', 'completed', 'completed']);
    const rows = await first.dataSource.query<{ n: number }[]>(
      `SELECT draft_id, count(*)::int AS n FROM audit_log
        WHERE action = 'silence.held' AND draft_id = ANY($1::uuid[]) GROUP BY draft_id`,
      [ids],
    );
    expect(rows.map((row) => row.n)).toEqual([1, 1, 1]);
    const view = await second.request(`GET`, `/api/drafts/${ids[2]}`, { token: secretariat });
    expect(view.body).toMatchObject({ status: 'CONSENSUS', consensus: { method: 'silence' } });
  });
});
