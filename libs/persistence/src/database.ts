import { DataSource } from 'typeorm';
import {
  type DatabaseConnectionSettings,
  buildDataSourceOptions,
  connectionUrl,
} from './data-source-options';
import { applyServiceGrants } from './database-roles';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';

export interface OpenDatabaseOptions {
  /** A PostgreSQL server to use; without it an embedded server is started under dataDir. */
  url?: string;
  /** The schema owner's connection string for migrations (server only); by default `url`. */
  migrationUrl?: string;
  dataDir: string;
  embeddedPort: number;
  poolSize?: number;
  /** Timeouts of the serving pool (migrations run without a statement timeout). */
  timeouts?: Pick<
    DatabaseConnectionSettings,
    'connectTimeoutMs' | 'statementTimeoutMs' | 'idleInTransactionTimeoutMs'
  >;
  /** The caller stops the embedded server on SIGINT/SIGTERM, after its own shutdown. */
  ownsShutdown?: boolean;
  onLog?: (message: string) => void;
  onPoolError?: (error: Error) => void;
}

export interface OpenDatabase {
  dataSource: DataSource;
  engine: 'server' | 'embedded';
  /** True when migrations run as another role than the one serving requests. */
  separateOwner: boolean;
  /**
   * Runs pending migrations as the owner, then grants the serving role what it needs (when it
   * is another role). Returns the names of the migrations applied.
   */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

// Any constant works; it only has to be the same in every replica.
const MIGRATION_LOCK_KEY = 7_243_001;

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = options.url;
  let migrationUrl = options.migrationUrl;
  if (!url) {
    embedded = await startEmbeddedDatabase({
      dataDir: options.dataDir,
      port: options.embeddedPort,
      withRoles: true,
      ownsShutdown: options.ownsShutdown,
      onLog: options.onLog,
    });
    url = embedded.roles!.serviceUrl;
    migrationUrl = embedded.roles!.ownerUrl;
  }
  const dataSource = new DataSource(
    buildDataSourceOptions({ url, poolSize: options.poolSize, ...options.timeouts }),
  );
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
    separateOwner: migrationUrl !== undefined && migrationUrl !== url,
    migrate: () => migrateAsOwner(dataSource, migrationUrl),
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

async function migrateAsOwner(service: DataSource, migrationUrl?: string): Promise<string[]> {
  if (!migrationUrl || migrationUrl === connectionUrl(service)) return migrate(service);
  const owner = new DataSource(buildDataSourceOptions({ url: migrationUrl, poolSize: 2 }));
  await owner.initialize();
  try {
    const applied = await migrate(owner);
    const [{ role }] = await service.query<{ role: string }[]>('SELECT current_user AS role');
    await applyServiceGrants(owner, role);
    return applied;
  } finally {
    await owner.destroy();
  }
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
