/**
 * The admin's consensus matrix for 1,000 open drafts × 28 member states, against the floor:
 * a bare `SELECT count(*)` over the same positions table, in the same process and database.
 *
 *   npm run bench:consensus            (embedded PostgreSQL, or DATABASE_URL's server)
 */
import 'reflect-metadata';
import { openBenchDatabase } from '../support/bench-database';
import { median, sampleMs } from '../support/measure';
import { DraftRepository, DraftWriteRepository } from '@chancery/persistence';
import { systemClock } from '../../apps/api/src/application/clock';
import { TransactionRunner } from '../../apps/api/src/application/transaction-runner';
import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const MATRIX_SQL_PROBE = `
  SELECT x.draft_id, string_agg(p.code || ':' || x.stance, ',')
    FROM positions x JOIN drafts d ON d.id = x.draft_id AND x.revision_number = d.current_revision
    JOIN participants p ON p.id = x.participant_id
   WHERE x.superseded_at IS NULL AND d.status IN ('PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS')
   GROUP BY x.draft_id`;

async function main(): Promise<void> {
  const { dataSource, close } = await openBenchDatabase();
  try {
    // 1,000 open drafts under review, each with one revision and positions from about
    // three quarters of the member states, as a busy year would have.
    await dataSource.query(
      `WITH b AS (SELECT id FROM bodies WHERE code = 'SOC'),
            p AS (SELECT id FROM participants WHERE code = 'KAZ'),
            u AS (SELECT id FROM users WHERE email = 'secretariat@demo.local')
       INSERT INTO drafts (symbol, document_number, type, title, language, adopting_body_id, penholder_id, status,
                           current_revision, created_by)
       SELECT 'BENCH/SOC/DOC.' || g, 10000 + g, 'concept-paper', 'Benchmark draft ' || g, 'en', b.id, p.id,
              'UNDER_SOC_REVIEW', 1, u.id
         FROM generate_series(1, $1) g, b, p, u`,
      [DRAFTS],
    );
    await dataSource.query(
      `INSERT INTO revisions (draft_id, number, title, content, created_by)
       SELECT d.id, 1, d.title, '{"title":"t","preamble":[],"operative":[{"id":"op1","text":"Text."}]}'::jsonb, d.created_by
         FROM drafts d WHERE d.symbol LIKE 'BENCH/%'`,
    );
    await dataSource.query(
      `INSERT INTO positions (draft_id, revision_number, participant_id, stance, text, recorded_by)
       SELECT d.id, 1, m.id,
              (ARRAY['concur', 'concur', 'concur', 'reservation', 'objection'])[1 + abs(hashtext(d.id::text || m.code)) % 5],
              'Benchmark position text', d.created_by
         FROM drafts d CROSS JOIN participants m
        WHERE d.symbol LIKE 'BENCH/%' AND m.kind = 'member-state' AND abs(hashtext(m.code || d.id::text)) % 4 <> 0`,
    );
    await dataSource.query('ANALYZE');
    const [{ positions }]: { positions: number }[] = await dataSource.query(
      `SELECT count(*)::int AS positions FROM positions`,
    );

    const drafts = new DraftRepository();
    const transactions = new TransactionRunner(
      dataSource,
      systemClock,
      drafts,
      new DraftWriteRepository(),
    );
    const service = new DraftQueriesService(transactions, drafts, systemClock);
    const matrix = await service.matrix();
    if (matrix.total < DRAFTS)
      throw new Error(`matrix shows ${matrix.total} drafts, expected at least ${DRAFTS}`);

    const floor = await sampleMs(() => dataSource.query('SELECT count(*) FROM positions'), {
      rounds: ROUNDS,
    });
    const ours = await sampleMs(() => service.matrix(), { rounds: ROUNDS });
    // The matrix's SQL alone (what the database costs, before mapping to the response).
    const sqlOnly = await sampleMs(() => dataSource.query(MATRIX_SQL_PROBE), {
      rounds: ROUNDS,
    });
    const floorMs = median(floor);
    const oursMs = median(ours);
    console.log(
      `consensus matrix: ${matrix.total} open drafts × ${matrix.states.length} member states, ${positions} positions`,
    );
    console.log(`  floor  SELECT count(*) FROM positions   median ${floorMs.toFixed(2)} ms`);
    console.log(`  ours   GET /api/consensus (service)     median ${oursMs.toFixed(2)} ms`);
    console.log(
      `  (its SQL alone, standing positions aggregated: median ${median(sqlOnly).toFixed(2)} ms)`,
    );
    console.log(
      `  ratio  ${(oursMs / floorMs).toFixed(1)}× the floor (${ROUNDS} rounds after 5 warm-up)`,
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
