import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, migrate, startEmbeddedDatabase } from '@chancery/persistence';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';

export interface BenchDatabase {
  dataSource: DataSource;
  /** Drops the benchmark's database and stops the embedded server if one was started. */
  close: () => Promise<void>;
}

/**
 * A fresh database with the demo forum for one benchmark run: on DATABASE_URL's server, or on
 * an embedded PostgreSQL started for the run (as `npm start` would without one).
 */
export async function openBenchDatabase(poolSize = 4): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'chancery-bench-'));
    const embedded = await startEmbeddedDatabase({
      dataDir: dir,
      port: 54000 + Math.floor(Math.random() * 900),
    });
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const database = `chancery_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const dataSource = new DataSource(buildDataSourceOptions({ url: url.toString(), poolSize }));
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await stopServer();
  };
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    await seedDemoData(dataSource);
  } catch (error) {
    await close();
    throw error;
  }
  return { dataSource, close };
}
