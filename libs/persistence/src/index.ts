export { buildDataSourceOptions } from './data-source-options';
export type { DatabaseConnectionSettings } from './data-source-options';
export { migrate, openDatabase } from './database';
export type { OpenDatabase, OpenDatabaseOptions } from './database';
export { startEmbeddedDatabase } from './embedded-database';
export type { EmbeddedDatabase, EmbeddedDatabaseOptions } from './embedded-database';
export * from './entities';
export { seedDemo } from './seed/seed-demo';
export type { SeedHooks, SeedIds, SeedResult } from './seed/seed-demo';
