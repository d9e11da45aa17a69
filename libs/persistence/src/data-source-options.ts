import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { entities } from './entities';

export interface DatabaseConnectionSettings {
  url: string;
  /** Pool size per service instance. */
  poolSize?: number;
  logging?: boolean;
  /** How long to wait for a connection, new or from a full pool, before giving up. */
  connectTimeoutMs?: number;
  /**
   * Longest statement: PostgreSQL cancels it (statement_timeout), and the client stops waiting
   * shortly after in case the server itself does not answer.
   */
  statementTimeoutMs?: number;
  /** A transaction left idle this long is ended by PostgreSQL and its locks released. */
  idleInTransactionTimeoutMs?: number;
}

/** Margin for the client-side wait over the server's own statement_timeout. */
const CLIENT_TIMEOUT_MARGIN_MS = 250;

/** The one description of how Chancery talks to PostgreSQL: the app, the CLI and tests share it. */
export function buildDataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    // The schema changes only through migrations; `synchronize` would let an entity edit
    // silently alter a production database.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    logging: settings.logging ?? false,
    extra: {
      max: settings.poolSize ?? 10,
      ...(settings.connectTimeoutMs !== undefined && {
        connectionTimeoutMillis: settings.connectTimeoutMs,
      }),
      ...(settings.statementTimeoutMs !== undefined && {
        statement_timeout: settings.statementTimeoutMs,
        query_timeout: settings.statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
      }),
      ...(settings.idleInTransactionTimeoutMs !== undefined && {
        idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
      }),
      // A server that vanishes without closing the socket is noticed by the operating system.
      keepAlive: true,
    },
  };
}

/**
 * The connection string a data source was opened with: the pools and clients beside TypeORM's
 * (the job queue, LISTEN, /health) connect as it does.
 */
export function connectionUrl(dataSource: { options: DataSourceOptions }): string {
  const { url } = dataSource.options as { url?: string };
  if (!url) throw new Error('the data source was not opened from a connection string');
  return url;
}
