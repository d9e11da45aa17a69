import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import type { EmbeddedDatabase } from '../../libs/persistence/src/embedded-database';
import { TEST_ENV, testDatabasePrefix } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_ENV.serverUrl];
  const runId = process.env[TEST_ENV.runId];
  const started = (globalThis as Record<string, unknown>).__chanceryEmbedded as
    { embedded: EmbeddedDatabase; dataDir: string } | undefined;
  if (started) {
    await started.embedded.stop();
    await rm(started.dataDir, { recursive: true, force: true });
    return;
  }
  if (!serverUrl || !runId) return;
  // On a shared server, leave nothing behind but the database CI handed us.
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [testDatabasePrefix(runId)],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
