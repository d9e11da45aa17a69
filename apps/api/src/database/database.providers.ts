import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const OPEN_DATABASE = Symbol('OPEN_DATABASE');
export const DATABASE_ENGINE = Symbol('DATABASE_ENGINE');

/** The app is handed an open, migrated database; it does not open one itself (see main.ts). */
export function databaseProviders(
  dataSource: DataSource,
  engine: 'server' | 'embedded',
): Provider[] {
  return [
    { provide: DataSource, useValue: dataSource },
    { provide: DATABASE_ENGINE, useValue: engine },
  ];
}
