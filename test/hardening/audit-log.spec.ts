import { randomBytes } from 'node:crypto';
import { appendAudits, applyServiceGrants, auditHash } from '@chancery/persistence';
import { Client } from 'pg';
import { AuditVerificationDto } from '../../apps/api/src/drafts/drafts.dto';
import { createTestDatabase } from '../support/database';
import { everyoneConcurs, registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';

interface AuditRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string;
  draft_id: string | null;
  action: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/**
 * The service connects as a role that owns nothing and may only read and append to the audit
 * log (the grants the owner gives after migrating); the chain's head is checkpointed under a
 * key the database does not hold.
 */
describe('an audit log the service cannot rewrite', () => {
  const role = `chancery_test_service_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  let ownerUrl: string;
  let owner: Client;
  let api: TestApp;

  beforeAll(async () => {
    ownerUrl = await createTestDatabase();
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER PASSWORD '${password}'`);
    const ownerApp = await startTestApp({ databaseUrl: ownerUrl });
    await applyServiceGrants(ownerApp.dataSource, role);
    await ownerApp.close();
    const serviceUrl = new URL(ownerUrl);
    serviceUrl.username = role;
    serviceUrl.password = password;
    // The whole API runs as the service role, so its grants are shown to be enough.
    api = await startTestApp({ databaseUrl: serviceUrl.toString() });
  });
  afterAll(async () => {
    await api?.close();
    await owner.query(`DROP OWNED BY ${role}`);
    await owner.end();
    const admin = new Client({ connectionString: ownerUrl });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  });

  const verify = async () =>
    (
      await api.request('GET', '/api/audit/verify', {
        token: await api.login('admin@demo.local'),
        as: AuditVerificationDto.schema,
      })
    ).body;

  it('serves as a role that can append but cannot alter, delete, truncate or unprotect', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    const [{ current_user: connectedAs }]: { current_user: string }[] =
      await api.dataSource.query('SELECT current_user');
    expect(connectedAs).toBe(role);

    for (const statement of [
      `UPDATE audit_log SET actor_label = 'someone else'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `DELETE FROM audit_checkpoints`,
      `UPDATE audit_checkpoints SET mac = 'x'`,
    ])
      await expect(api.dataSource.query(statement)).rejects.toThrow(/permission denied/);
    for (const statement of [
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`,
      `DROP TRIGGER audit_log_append_only ON audit_log`,
    ])
      await expect(api.dataSource.query(statement)).rejects.toThrow(/must be owner|permission/);
    await expect(api.dataSource.query(`SET session_replication_role = replica`)).rejects.toThrow(
      /permission denied/,
    );

    expect(await verify()).toMatchObject({ valid: true, brokenAt: null });
  });

  async function chainTail(count: number): Promise<AuditRow[]> {
    const { rows } = await owner.query<AuditRow>(
      `SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1`,
      [count],
    );
    return rows.reverse();
  }

  it('vouches for every entry of a batch with a checkpoint of its own, counting on', async () => {
    const records = ['first', 'second', 'third'].map((document) => ({
      occurredAt: new Date(),
      actorId: null,
      actorLabel: 'Chancery (test)',
      draftId: null,
      action: 'document.rendered',
      details: { document },
    }));
    await api.dataSource.transaction((manager) => appendAudits(manager, records));
    const { rows } = await owner.query<{ seq: string; entries: string; counted: string }>(
      `SELECT c.seq, c.entries, (SELECT count(*) FROM audit_log a WHERE a.seq <= c.seq) AS counted
         FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 3`,
    );
    const tail = await chainTail(3);
    expect(tail.map((row) => row.details.document)).toEqual(['first', 'second', 'third']);
    expect(rows.map((row) => row.seq).reverse()).toEqual(tail.map((row) => row.seq));
    for (const row of rows) expect(row.entries).toBe(row.counted);
    expect(await verify()).toMatchObject({
      valid: true,
      checkpointedThrough: Number(tail[2].seq),
    });
  });

  it('detects a truncated chain, and a rewritten entry with every later hash recomputed', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await everyoneConcurs(api, draft.id);
    const before = await verify();
    expect(before).toMatchObject({ valid: true });
    expect(before.checkpointedThrough).toBe(
      before.entries > 0 ? Number((await chainTail(1))[0].seq) : null,
    );

    // Whoever owns the table (not the service) switches the triggers off and cuts the tail.
    const tail = await chainTail(3);
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query(`DELETE FROM audit_log WHERE seq >= $1`, [tail[0].seq]);
    await owner.query('COMMIT');
    expect(await verify()).toMatchObject({
      valid: false,
      brokenAt: { reason: 'truncated', seq: Number(tail[0].seq) },
    });
    // Put the tail back as it was.
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    for (const row of tail)
      await owner.query(
        `INSERT INTO audit_log (seq, occurred_at, actor_id, actor_label, draft_id, action, details, prev_hash, hash)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.seq,
          row.occurred_at,
          row.actor_id,
          row.actor_label,
          row.draft_id,
          row.action,
          row.details,
          row.prev_hash,
          row.hash,
        ],
      );
    await owner.query('COMMIT');
    expect(await verify()).toMatchObject({ valid: true });

    // Rewrite one entry and recompute every later hash: the plain chain verifies again.
    const rows = await chainTail(10);
    const target = rows[0];
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    let prevHash = target.prev_hash;
    for (const [index, row] of rows.entries()) {
      const details = index === 0 ? { ...row.details, stance: 'objection' } : row.details;
      const hash = auditHash(prevHash, {
        occurredAt: new Date(row.occurred_at),
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        draftId: row.draft_id,
        action: row.action,
        details,
      });
      await owner.query(
        `UPDATE audit_log SET details = $2, prev_hash = $3, hash = $4 WHERE seq = $1`,
        [row.seq, details, prevHash, hash],
      );
      prevHash = hash;
    }
    await owner.query('COMMIT');
    expect(await verify()).toMatchObject({
      valid: false,
      brokenAt: { reason: 'checkpoint-mismatch', seq: Number(target.seq) },
    });
  });
});
