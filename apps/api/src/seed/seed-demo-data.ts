import { type SeedResult, seedDemo } from '@chancery/persistence';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password-hasher';

/** The whole demo: reference data, meetings, accounts (and, as features land, their data). */
export function seedDemoData(dataSource: DataSource): Promise<SeedResult> {
  return seedDemo(dataSource, { hashPassword });
}
