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
 * Records the chain's head after each of the entries an append just wrote (in seq order), in the
 * append's transaction (the caller holds the audit lock): one read and one insert however many
 * there are. `prevSeq` is the entry before the first; the count follows from the previous
 * checkpoint when it is that entry's, and is counted otherwise.
 */
export async function writeCheckpoints(
  manager: EntityManager,
  key: Buffer,
  heads: { seq: number; hash: string }[],
  prevSeq: number | null,
): Promise<void> {
  if (heads.length === 0) return;
  const [previous] = await manager.query<{ seq: string; entries: string }[]>(
    'SELECT seq, entries FROM audit_checkpoints ORDER BY seq DESC LIMIT 1',
  );
  let entries: number;
  if (previous && prevSeq !== null && Number(previous.seq) === prevSeq) {
    entries = Number(previous.entries);
  } else {
    const [{ count }] = await manager.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM audit_log WHERE seq < $1',
      [heads[0].seq],
    );
    entries = Number(count);
  }
  const checkpoints = heads.map((head) => {
    entries += 1;
    const checkpoint = { seq: head.seq, hash: head.hash, entries };
    return { ...checkpoint, mac: checkpointMac(key, checkpoint) };
  });
  await manager.query(
    `INSERT INTO audit_checkpoints (seq, hash, entries, mac)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[])`,
    [
      checkpoints.map((c) => c.seq),
      checkpoints.map((c) => c.hash),
      checkpoints.map((c) => c.entries),
      checkpoints.map((c) => c.mac),
    ],
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
