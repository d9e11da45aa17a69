import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditProtection, openDatabase, useAuditKey } from '@chancery/persistence';
import pino from 'pino';
import { seedDemoData } from './seed/seed-demo-data';
import { ConfigError, databaseTimeouts, loadConfig, type AppConfig } from './config/config';
import { createApp } from './create-app';

/**
 * Without JWT_SECRET or AUDIT_KEY (development, demo) a secret is generated once and kept in
 * DATA_DIR, so tokens and audit checkpoints survive a restart; production must set both so
 * that replicas share them (and the audit key stays out of the database).
 */
async function resolveSecret(
  config: AppConfig,
  given: string | undefined | null,
  fileName: string,
): Promise<string> {
  if (given) return given;
  const file = join(config.DATA_DIR, fileName);
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
    migrationUrl: config.MIGRATION_DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    poolSize: config.DATABASE_POOL_SIZE,
    timeouts: databaseTimeouts(config),
    // Below: requests finish and connections close before the database stops.
    ownsShutdown: true,
    onPoolError: (error) => {
      // Shutting down closes the pool: connections ending then are expected, not an incident.
      if (closing) log.debug({ err: error }, 'database connection closed during shutdown');
      else
        log.error({ err: error }, 'database connection lost; requests will fail until it is back');
    },
  });
  let app: Awaited<ReturnType<typeof createApp>> | undefined = undefined;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    await app?.close();
    await database.close();
    process.exit(0);
  };
  // From here on a signal stops the embedded database too, even while starting.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const applied = await database.migrate();
  if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
  const protection = await auditProtection(database.dataSource);
  if (protection.protected)
    log.info(`serving as the database role "${protection.role}": it cannot rewrite the audit log`);
  else
    log.warn(
      `serving as the database role "${protection.role}", which could rewrite the audit log (${protection.reason}): ` +
        'set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role with the grants the README lists',
    );
  const auditKey = await resolveSecret(config, config.AUDIT_KEY, 'audit-key');
  useAuditKey(database.dataSource, auditKey);
  if (config.NODE_ENV === 'production') {
    log.info('NODE_ENV=production: the demo is never seeded (no demo accounts, no demo password)');
  } else if (config.SEED_DEMO) {
    const seeded = await seedDemoData(database.dataSource);
    if (seeded.seeded) log.info(seeded, 'demo data seeded (accounts use the password "demo")');
  }
  app = await createApp({
    config,
    jwtSecret: await resolveSecret(config, config.jwtSecret, 'jwt-secret'),
    auditKey,
    dataSource: database.dataSource,
    engine: database.engine,
  });
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
