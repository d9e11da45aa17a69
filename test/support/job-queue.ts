import type { DataSource } from 'typeorm';

/**
 * Tests move the application's clock rather than wait; the queue runs on the database's. This
 * brings forward the queued jobs whose start time the test clock has passed, as if that much
 * time had gone by (test-only SQL on pg-boss's table).
 */
export async function releaseDueJobs(dataSource: DataSource, now: Date, name?: string) {
  await dataSource.query(
    `UPDATE pgboss.job SET start_after = now()
      WHERE state IN ('created', 'retry') AND start_after <= $1 AND ($2::text IS NULL OR name = $2)`,
    [now, name ?? null],
  );
}

export interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  start_after: Date;
  data: Record<string, unknown>;
  output: Record<string, unknown> | null;
}

export async function jobById(dataSource: DataSource, id: string): Promise<JobRow | undefined> {
  const [row] = await dataSource.query<JobRow[]>(
    `SELECT id, name, state, retry_count, start_after, data, output FROM pgboss.job WHERE id = $1`,
    [id],
  );
  return row;
}
