import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';
import { ConcludeSilenceService } from '../../apps/api/src/drafts/use-cases/conclude-silence.service';
import { RecordPositionService } from '../../apps/api/src/drafts/use-cases/record-position.service';
import { StartSilenceProcedureService } from '../../apps/api/src/drafts/use-cases/start-silence-procedure.service';
import { type UseCases, etagOf, startUseCases, submittedDraft } from '../support/use-cases';

const DAY_MS = 24 * 60 * 60 * 1000;

async function startSilence(useCases: UseCases, id: string, deadline: Date) {
  const chair = await useCases.principal('soc-chair@demo.local');
  return useCases
    .get(StartSilenceProcedureService)
    .execute(chair, id, { deadline: deadline.toISOString() }, await etagOf(useCases, id));
}

describe('silence procedures, on an injected clock', () => {
  let useCases: UseCases;
  beforeAll(async () => {
    useCases = await startUseCases();
  });
  afterAll(() => useCases.close());

  it('concludes once its deadline has passed without objection: silence is consent', async () => {
    const id = await submittedDraft(useCases);
    const kaz = await useCases.principal('delegate.kaz@demo.local');
    await useCases
      .get(RecordPositionService)
      .execute(kaz, id, 'KAZ', { stance: 'concur' }, undefined);
    const started = await startSilence(
      useCases,
      id,
      new Date(useCases.clock.now().getTime() + 2 * DAY_MS),
    );
    expect(started.silenceProcedure).toMatchObject({ status: 'running' });

    const conclude = useCases.get(ConcludeSilenceService);
    useCases.clock.advance(2 * DAY_MS - 60_000);
    expect(await conclude.execute()).toBe(0);
    useCases.clock.advance(120_000);
    expect(await conclude.execute()).toBe(1);
    expect(await conclude.execute()).toBe(0);

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

  it('is broken by an objection before the deadline, and the deadline then concludes nothing', async () => {
    const id = await submittedDraft(useCases);
    await startSilence(useCases, id, new Date(useCases.clock.now().getTime() + DAY_MS));
    const pak = await useCases.principal('delegate.pak@demo.local');
    await useCases
      .get(RecordPositionService)
      .execute(pak, id, 'PAK', { stance: 'objection', text: 'Paragraph 1 needs work.' }, undefined);
    useCases.clock.advance(2 * DAY_MS);
    expect(await useCases.get(ConcludeSilenceService).execute()).toBe(0);
    const observer = await useCases.principal('observer@demo.local');
    const draft = await useCases.get(DraftQueriesService).get(observer, id);
    expect(draft.status).toBe('UNDER_SOC_REVIEW');
    expect(draft.silenceProcedure).toMatchObject({ status: 'broken', objectors: ['PAK'] });
  });
});

describe('two replicas on one database', () => {
  let first: UseCases;
  let second: UseCases;
  beforeAll(async () => {
    first = await startUseCases();
    second = await startUseCases({ databaseUrl: first.databaseUrl, clock: first.clock });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('conclude each silence procedure exactly once, however often both try', async () => {
    const ids = [
      await submittedDraft(first, 'First'),
      await submittedDraft(first, 'Second'),
      await submittedDraft(first, 'Third'),
    ];
    const deadline = new Date(first.clock.now().getTime() + DAY_MS);
    for (const id of ids) await startSilence(first, id, deadline);
    first.clock.advance(DAY_MS + 1000);
    const counts = await Promise.all(
      [first, second, first, second].map((replica) =>
        replica.get(ConcludeSilenceService).execute(),
      ),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    const rows = await first.dataSource.query<{ n: number }[]>(
      `SELECT draft_id, count(*)::int AS n FROM audit_log
        WHERE action = 'silence.held' AND draft_id = ANY($1::uuid[]) GROUP BY draft_id`,
      [ids],
    );
    expect(rows.map((row) => row.n)).toEqual([1, 1, 1]);
  });
});
