import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The audit key of each open database. It is handed to the process (AUDIT_KEY, or a file in
 * DATA_DIR) and never stored in the database, so whoever can rewrite the audit table still
 * cannot write a checkpoint that vouches for the rewrite.
 */
const auditKeys = new WeakMap<object, Buffer>();

/** From now on every append to this database's audit log is checkpointed under `key`. */
export function useAuditKey(dataSource: DataSource, key: string): void {
  auditKeys.set(dataSource, Buffer.from(key, 'utf8'));
}

export function auditKeyOf(manager: EntityManager): Buffer | undefined {
  return auditKeys.get(manager.connection);
}

export interface ChainHead {
  seq: number;
  hash: string;
  /** How many entries the chain holds up to and including `seq`. */
  entries: number;
}

export function checkpointMac(key: Buffer, head: ChainHead): string {
  return createHmac('sha256', key)
    .update(`chancery-audit-checkpoint:${head.seq}:${head.hash}:${head.entries}`)
    .digest('hex');
}

export function checkpointMacMatches(key: Buffer, head: ChainHead, mac: string): boolean {
  const expected = Buffer.from(checkpointMac(key, head), 'hex');
  const offered = Buffer.from(mac, 'hex');
  return offered.length === expected.length && timingSafeEqual(offered, expected);
}

/**
 * Records the head after an append, in the append's transaction (the caller holds the audit
 * lock). The count follows from the previous checkpoint when it is the previous entry's.
 */
export async function writeCheckpoint(
  manager: EntityManager,
  key: Buffer,
  head: { seq: number; hash: string; prevSeq: number | null },
): Promise<void> {
  const [previous] = await manager.query<{ seq: string; entries: string }[]>(
    'SELECT seq, entries FROM audit_checkpoints ORDER BY seq DESC LIMIT 1',
  );
  let entries: number;
  if (previous && head.prevSeq !== null && Number(previous.seq) === head.prevSeq) {
    entries = Number(previous.entries) + 1;
  } else {
    const [{ count }] = await manager.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM audit_log WHERE seq <= $1',
      [head.seq],
    );
    entries = Number(count);
  }
  const checkpoint = { seq: head.seq, hash: head.hash, entries };
  await manager.query(
    'INSERT INTO audit_checkpoints (seq, hash, entries, mac) VALUES ($1, $2, $3, $4)',
    [checkpoint.seq, checkpoint.hash, checkpoint.entries, checkpointMac(key, checkpoint)],
  );
}

export type CheckpointProblem =
  'checkpoint-forged' | 'checkpoint-mismatch' | 'checkpoint-missing' | 'truncated';

export interface StoredCheckpoint {
  seq: string;
  hash: string;
  entries: string;
  mac: string;
}

/** What is wrong between one chain entry and the checkpoint stored for it, if anything. */
export function checkpointProblem(
  key: Buffer,
  entry: ChainHead,
  checkpoint: StoredCheckpoint,
): CheckpointProblem | null {
  const claimed = {
    seq: Number(checkpoint.seq),
    hash: checkpoint.hash,
    entries: Number(checkpoint.entries),
  };
  if (!checkpointMacMatches(key, claimed, checkpoint.mac)) return 'checkpoint-forged';
  if (claimed.hash !== entry.hash || claimed.entries !== entry.entries)
    return 'checkpoint-mismatch';
  return null;
}

/**
 * A genuine checkpoint beyond the chain's last entry means entries were removed from its end.
 * Returns its sequence number.
 */
export async function checkpointBeyond(
  manager: EntityManager,
  key: Buffer,
  lastSeq: number,
): Promise<number | null> {
  const rows = await manager.query<StoredCheckpoint[]>(
    'SELECT seq, hash, entries, mac FROM audit_checkpoints WHERE seq > $1 ORDER BY seq',
    [lastSeq],
  );
  const genuine = rows.find((row) =>
    checkpointMacMatches(
      key,
      { seq: Number(row.seq), hash: row.hash, entries: Number(row.entries) },
      row.mac,
    ),
  );
  return genuine ? Number(genuine.seq) : null;
}
