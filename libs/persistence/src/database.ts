import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';

export interface OpenDatabaseOptions {
  /** A PostgreSQL server to use; without it an embedded server is started under dataDir. */
  url?: string;
  dataDir: string;
  embeddedPort: number;
  poolSize?: number;
  onLog?: (message: string) => void;
  onPoolError?: (error: Error) => void;
}

export interface OpenDatabase {
  dataSource: DataSource;
  engine: 'server' | 'embedded';
  close(): Promise<void>;
}

// Any constant works; it only has to be the same in every replica.
const MIGRATION_LOCK_KEY = 7_243_001;

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedDatabase({
      dataDir: options.dataDir,
      port: options.embeddedPort,
      onLog: options.onLog,
    });
    url = embedded.url;
  }
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize: options.poolSize }));
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  watchPool(dataSource, options.onPoolError);
  return {
    dataSource,
    engine: embedded ? 'embedded' : 'server',
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/**
 * An idle client whose server goes away makes the pool emit `error`; with no listener
 * node-postgres would take the whole process down. Requests fail (503) instead.
 */
function watchPool(dataSource: DataSource, onPoolError?: (error: Error) => void): void {
  const pool = (
    dataSource.driver as unknown as {
      master?: { on(event: 'error', fn: (e: Error) => void): void };
    }
  ).master;
  pool?.on('error', (error) => onPoolError?.(error));
}

/** Runs pending migrations; replicas starting together take turns on an advisory lock. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}
