import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  type CheckpointProblem,
  type StoredCheckpoint,
  auditKeyOf,
  checkpointBeyond,
  checkpointProblem,
  writeCheckpoints,
} from './audit-checkpoint';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
// Any constant; it serialises appends so that the chain stays a line, not a tree.
const AUDIT_LOCK_KEY = 7_243_003;

export interface AuditRecord {
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  draftId: string | null;
  action: string;
  details: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level, so that jsonb's reordering cannot change a hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(prevHash: string, record: AuditRecord): string {
  return createHash('sha256')
    .update(
      canonical({
        prevHash,
        occurredAt: record.occurredAt.toISOString(),
        actorId: record.actorId,
        actorLabel: record.actorLabel,
        draftId: record.draftId,
        action: record.action,
        details: record.details,
      }),
    )
    .digest('hex');
}

/**
 * Appends one entry inside the caller's transaction, so the change and its record commit or
 * fail together. The advisory lock is held until that transaction ends.
 */
export async function appendAudit(
  manager: EntityManager,
  record: AuditRecord,
): Promise<StoredAuditEntry> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const [last] = await manager.query<{ seq: string; hash: string }[]>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Milliseconds only: what JavaScript's Date can carry must be what is hashed and stored.
  const occurredAt = new Date(Math.floor(record.occurredAt.getTime()));
  const entry = { ...record, occurredAt };
  const hash = auditHash(prevHash, entry);
  const [{ seq }] = await manager.query<{ seq: string }[]>(
    `INSERT INTO audit_log (occurred_at, actor_id, actor_label, draft_id, action, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq`,
    [
      occurredAt,
      entry.actorId,
      entry.actorLabel,
      entry.draftId,
      entry.action,
      entry.details,
      prevHash,
      hash,
    ],
  );
  const key = auditKeyOf(manager);
  if (key)
    await writeCheckpoints(
      manager,
      key,
      [{ seq: Number(seq), hash }],
      last ? Number(last.seq) : null,
    );
  return { ...entry, seq: Number(seq), prevHash, hash };
}

/**
 * Appends several entries, in order, inside the caller's transaction: one lock, one read of the
 * chain's head and one insert however many there are (deliveries of documents come in bursts).
 */
export async function appendAudits(manager: EntityManager, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const [last] = await manager.query<{ seq: string; hash: string }[]>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = records.map((record) => {
    const entry = { ...record, occurredAt: new Date(Math.floor(record.occurredAt.getTime())) };
    const hash = auditHash(prevHash, entry);
    const row = { entry, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Identity values follow the order the rows are produced in: the chain's order.
  const inserted = await manager.query<{ seq: string; hash: string }[]>(
    `INSERT INTO audit_log (occurred_at, actor_id, actor_label, draft_id, action, details, prev_hash, hash)
     SELECT occurred_at, actor_id, actor_label, draft_id, action, details::jsonb, prev_hash, hash
       FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
            WITH ORDINALITY AS t(occurred_at, actor_id, actor_label, draft_id, action, details, prev_hash, hash, n)
      ORDER BY n
     RETURNING seq, hash`,
    [
      rows.map((r) => r.entry.occurredAt),
      rows.map((r) => r.entry.actorId),
      rows.map((r) => r.entry.actorLabel),
      rows.map((r) => r.entry.draftId),
      rows.map((r) => r.entry.action),
      rows.map((r) => JSON.stringify(r.entry.details)),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
  // Every append is vouched for by a keyed checkpoint, a batch's entries included: the
  // verifier treats a gap after the first checkpoint as one removed.
  const key = auditKeyOf(manager);
  if (!key) return;
  const heads = inserted
    .map(({ seq, hash }) => ({ seq: Number(seq), hash }))
    .sort((a, b) => a.seq - b.seq);
  await writeCheckpoints(manager, key, heads, last ? Number(last.seq) : null);
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** The first entry that does not verify, and why. */
  brokenAt: { seq: number; reason: 'hash-mismatch' | 'link-mismatch' | CheckpointProblem } | null;
  /** The last entry a keyed checkpoint vouches for (null without AUDIT_KEY or checkpoints). */
  checkpointedThrough: number | null;
}

interface AuditRow extends Partial<Record<`cp_${keyof StoredCheckpoint}`, string | null>> {
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

/** Recomputes the whole chain in pages, reporting the first entry that was altered or removed. */
export async function verifyAuditChain(
  manager: EntityManager,
  pageSize = 5000,
): Promise<ChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let afterSeq = 0;
  let entries = 0;
  let checkpointedThrough: number | null = null;
  const key = auditKeyOf(manager);
  const broken = (seq: number, reason: NonNullable<ChainVerification['brokenAt']>['reason']) => ({
    valid: false,
    entries,
    brokenAt: { seq, reason },
    checkpointedThrough,
  });
  for (;;) {
    const rows = await manager.query<AuditRow[]>(
      `SELECT a.seq, a.occurred_at, a.actor_id, a.actor_label, a.draft_id, a.action, a.details,
              a.prev_hash, a.hash, c.seq AS cp_seq, c.hash AS cp_hash, c.entries AS cp_entries,
              c.mac AS cp_mac
         FROM audit_log a LEFT JOIN audit_checkpoints c ON c.seq = a.seq
        WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
      [afterSeq, pageSize],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (row.prev_hash !== expectedPrev) return broken(seq, 'link-mismatch');
      const recomputed = auditHash(row.prev_hash, {
        occurredAt: new Date(row.occurred_at),
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        draftId: row.draft_id,
        action: row.action,
        details: row.details,
      });
      if (recomputed !== row.hash) return broken(seq, 'hash-mismatch');
      expectedPrev = row.hash;
      afterSeq = seq;
      entries += 1;
      if (key && row.cp_seq) {
        const problem = checkpointProblem(
          key,
          { seq, hash: row.hash, entries },
          { seq: row.cp_seq, hash: row.cp_hash!, entries: row.cp_entries!, mac: row.cp_mac! },
        );
        if (problem) return broken(seq, problem);
        checkpointedThrough = seq;
      } else if (key && checkpointedThrough !== null) {
        // Once checkpoints begin, every append writes one: a gap is a checkpoint removed.
        return broken(seq, 'checkpoint-missing');
      }
    }
    if (rows.length < pageSize) break;
  }
  if (key) {
    const beyond = await checkpointBeyond(manager, key, afterSeq);
    if (beyond !== null) return broken(beyond, 'truncated');
  }
  return { valid: true, entries, brokenAt: null, checkpointedThrough };
}
