import { buildDataSourceOptions, migrate } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../apps/api/src/seed/seed-demo-data';
import { createTestDatabase, testEngine } from './support/database';

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

describe(`migrations on the ${testEngine()} PostgreSQL`, () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(
      buildDataSourceOptions({ url: await createTestDatabase({ empty: true }), poolSize: 2 }),
    );
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('apply on an empty database, revert completely and apply again', async () => {
    expect(await tables(dataSource)).toEqual([]);
    const applied = await migrate(dataSource);
    expect(applied.length).toBe(dataSource.migrations.length);
    expect(await tables(dataSource)).toEqual(
      expect.arrayContaining([
        'participants',
        'bodies',
        'meetings',
        'agenda_items',
        'users',
        'drafts',
        'audit_log',
      ]),
    );
    expect(await migrate(dataSource)).toEqual([]);

    for (let i = 0; i < applied.length; i += 1) await dataSource.undoLastMigration();
    expect(await tables(dataSource)).toEqual([]);
    expect(await migrate(dataSource)).toHaveLength(applied.length);
  });

  it('seed the complete demo forum once, however often it is asked', async () => {
    const first = await seedDemoData(dataSource);
    const again = await Promise.all([seedDemoData(dataSource), seedDemoData(dataSource)]);
    expect(first.seeded).toBe(true);
    expect(again.map((result) => result.seeded)).toEqual([false, false]);

    const [{ members }]: { members: number }[] = await dataSource.query(
      `SELECT count(*)::int AS members FROM participants WHERE kind = 'member-state'`,
    );
    expect(members).toBe(28);
    const [{ accounts }]: { accounts: number }[] = await dataSource.query(
      `SELECT count(*)::int AS accounts FROM users`,
    );
    expect(accounts).toBe(first.users);
    const delegates: { email: string }[] = await dataSource.query(
      `SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'delegate'`,
    );
    expect(delegates).toHaveLength(28);
    expect(delegates.map((row) => row.email)).toContain('delegate.aze@demo.local');

    const drafts: { symbol: string; status: string }[] = await dataSource.query(
      `SELECT symbol, status FROM drafts ORDER BY symbol`,
    );
    expect(drafts).toHaveLength(first.drafts);
    expect(drafts).toEqual(
      expect.arrayContaining([{ symbol: 'CICA/CFM/7/DOC.1', status: 'ADOPTED' }]),
    );
    expect(drafts.map((d) => d.status)).toEqual(
      expect.arrayContaining(['UNDER_SOC_REVIEW', 'PROPOSED']),
    );
    const [{ running }]: { running: number }[] = await dataSource.query(
      `SELECT count(*)::int AS running FROM silence_procedures WHERE status = 'running'`,
    );
    expect(running).toBeGreaterThanOrEqual(1);
  });
});
