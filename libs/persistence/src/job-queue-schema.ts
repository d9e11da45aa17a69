import { readFileSync } from 'node:fs';
import { getConstructionPlans, getMigrationPlans } from 'pg-boss';

/** The schema version the installed pg-boss expects (its package.json says). */
function expectedVersion(): number {
  const manifest = JSON.parse(readFileSync(require.resolve('pg-boss/package.json'), 'utf8')) as {
    pgboss: { schema: number };
  };
  return manifest.pgboss.schema;
}

/** The schema pg-boss's tables live in, beside (not inside) the application's. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

type RunSql = (sql: string) => Promise<unknown[]>;

/**
 * Installs pg-boss's schema, or brings an older one up to the installed pg-boss, as the owner.
 * The serving role has no CREATE on the database, so pg-boss itself starts with `migrate: false`
 * and only checks the version; this runs from the migrations instead (and again from a later
 * migration after pg-boss is upgraded: it installs on a fresh database and migrates an old one).
 * The plans carry their own BEGIN/COMMIT and advisory lock, so run them outside a transaction.
 */
export async function ensureJobQueueSchema(run: RunSql): Promise<void> {
  const [table] = (await run(
    `SELECT to_regclass('${JOB_QUEUE_SCHEMA}.version') IS NOT NULL AS installed`,
  )) as { installed: boolean }[];
  if (!table.installed) {
    await run(getConstructionPlans(JOB_QUEUE_SCHEMA));
    return;
  }
  const [row] = (await run(`SELECT version FROM ${JOB_QUEUE_SCHEMA}.version`)) as {
    version: number;
  }[];
  const current = Number(row.version);
  if (current < expectedVersion()) await run(getMigrationPlans(JOB_QUEUE_SCHEMA, current));
}

/** Removes pg-boss's schema and every job in it (a migration's `down`). */
export async function dropJobQueueSchema(run: RunSql): Promise<void> {
  await run(`DROP SCHEMA IF EXISTS ${JOB_QUEUE_SCHEMA} CASCADE`);
}
