import './register-paths';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { startEmbeddedDatabase } from '../../libs/persistence/src/embedded-database';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';
import { TEST_ENV, databaseUrl, testDatabasePrefix } from './test-env';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Tests run against a real PostgreSQL: the one DATABASE_URL names, or an embedded server
 * started here for this run. Each test file gets its own database cloned from a migrated
 * and seeded template, so files run in parallel without seeing each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'chancery-test-'));
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedDatabase({ dataDir, port: await freePort() });
    (globalThis as Record<string, unknown>).__chanceryEmbedded = { embedded, dataDir };
    serverUrl = embedded.url;
  }
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  process.env[TEST_ENV.serverUrl] = serverUrl;
  process.env[TEST_ENV.runId] = runId;
  process.env[TEST_ENV.engine] = process.env.DATABASE_URL ? 'server' : 'embedded';

  const template = `${testDatabasePrefix(runId)}template`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource(
    buildDataSourceOptions({ url: databaseUrl(serverUrl, template), poolSize: 2 }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    // Every test database starts as a copy of the seeded demo forum.
    await seedDemoData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
