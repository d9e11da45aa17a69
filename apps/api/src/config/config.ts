import { availableParallelism } from 'node:os';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const milliseconds = (fallback: number) =>
  z.coerce.number().int().min(10).max(600_000).default(fallback);

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(15000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(30000),
  HEALTH_TIMEOUT_MS: milliseconds(1000),
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(30),
  SIGN_IN_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  SEED_DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  TEMPLATES_DIR: z.string().min(1).optional(),
  RENDER_THREADS: z.coerce.number().int().min(1).max(16).default(2),
  DOCUMENT_CACHE_MB: z.coerce.number().int().min(1).max(65536).default(256),
  // pg-boss polls no faster than every 500 ms; with LISTEN/NOTIFY a job sent now starts at once.
  JOB_POLL_MS: z.coerce.number().int().min(500).max(60000).default(2000),
  JOB_POOL_SIZE: z.coerce.number().int().min(2).max(50).default(4),
  JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // "off" makes meeting packs Word only.
  LIBREOFFICE_PATH: z.string().min(1).default('soffice'),
  PDF_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  PDF_TIMEOUT_PER_FILE_MS: z.coerce.number().int().min(500).max(600000).default(60000),
  PDF_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(2),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Chancery <chancery@localhost>'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http:// or https:// URL')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3600000).default(30000),
});

export type AppConfig = Omit<z.infer<typeof configSchema>, 'SEED_DEMO' | 'DATABASE_POOL_SIZE'> & {
  SEED_DEMO: boolean;
  DATABASE_POOL_SIZE: number;
  jwtSecret: string | null;
};

export class ConfigError extends Error {}

/**
 * Reads the environment once at start-up; a wrong value stops the service with a message
 * that names the variable, rather than failing later in an unrelated place.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production (replicas must share it)',
    );
  }
  if (config.NODE_ENV === 'production' && config.SEED_DEMO) {
    // Demo accounts with the published password "demo" must never reach production, whichever
    // database it runs on (the embedded one included).
    throw new ConfigError(
      'Invalid configuration:\n  SEED_DEMO: the demo is never seeded when NODE_ENV=production',
    );
  }
  if (config.NODE_ENV === 'production' && !config.AUDIT_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  AUDIT_KEY: required when NODE_ENV=production (replicas must share it, and it must not live in the database)',
    );
  }
  return {
    ...config,
    SEED_DEMO: config.SEED_DEMO ?? config.NODE_ENV !== 'production',
    DATABASE_POOL_SIZE: config.DATABASE_POOL_SIZE ?? defaultPoolSize(config.DATABASE_URL),
    jwtSecret: config.JWT_SECRET ?? null,
  };
}

/**
 * A server elsewhere gets 10 connections per instance. The embedded server runs on this
 * machine's cores beside the service: more queries at once than about twice its cores only
 * make each one wait for the CPU (with 10 on 2 cores, /health's p99 under 50 concurrent
 * downloads was 45-75 ms; with 4 it was 30-38 ms, for 10 % fewer downloads a second).
 */
function defaultPoolSize(databaseUrl: string | undefined): number {
  return databaseUrl ? 10 : Math.max(4, 2 * availableParallelism());
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The serving pool's timeouts, as the data source takes them. */
export function databaseTimeouts(config: AppConfig) {
  return {
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}
