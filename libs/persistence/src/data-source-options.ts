import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { entities } from './entities';

export interface DatabaseConnectionSettings {
  url: string;
  /** Pool size per service instance. */
  poolSize?: number;
  logging?: boolean;
}

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
    extra: { max: settings.poolSize ?? 10 },
  };
}
