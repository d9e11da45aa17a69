import type { EntityManager } from 'typeorm';

export type PackStatus = 'queued' | 'running' | 'done' | 'failed';

export interface MeetingPackRow {
  id: string;
  meeting_id: string;
  input_hash: string;
  languages: string[];
  formats: string[];
  status: PackStatus;
  done: number;
  total: number;
  error: string | null;
  manifest: Record<string, unknown> | null;
  bytes: string | null;
  sha256: string | null;
  requested_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface PackDraftRow {
  id: string;
  symbol: string;
  title: string;
  amendments: number;
}

const COLUMNS = `id, meeting_id, input_hash, languages, formats, status, done, total, error, manifest,
  bytes, sha256, requested_by, created_at, finished_at`;

/** Queries only: meeting packs, their progress, and their archives in chunks. */
export class MeetingPackRepository {
  async insert(
    manager: EntityManager,
    pack: {
      meetingId: string;
      inputHash: string;
      languages: string[];
      formats: string[];
      requestedBy: string | null;
      now: Date;
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO meeting_packs (meeting_id, input_hash, languages, formats, requested_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [pack.meetingId, pack.inputHash, pack.languages, pack.formats, pack.requestedBy, pack.now],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<MeetingPackRow | null> {
    const [row] = await manager.query<MeetingPackRow[]>(
      `SELECT ${COLUMNS} FROM meeting_packs WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The newest pack of these inputs that is built or being built (the cache). */
  async reusable(
    manager: EntityManager,
    meetingId: string,
    inputHash: string,
  ): Promise<MeetingPackRow | null> {
    const [row] = await manager.query<MeetingPackRow[]>(
      `SELECT ${COLUMNS} FROM meeting_packs
        WHERE meeting_id = $1 AND input_hash = $2 AND status <> 'failed'
        ORDER BY created_at DESC LIMIT 1`,
      [meetingId, inputHash],
    );
    return row ?? null;
  }

  /** The meeting's newest pack, whatever its state (the desk shows it). */
  async latest(manager: EntityManager, meetingId: string): Promise<MeetingPackRow | null> {
    const [row] = await manager.query<MeetingPackRow[]>(
      `SELECT ${COLUMNS} FROM meeting_packs WHERE meeting_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [meetingId],
    );
    return row ?? null;
  }

  /** A (new) attempt begins: progress from zero, an earlier attempt's chunks gone. */
  async start(manager: EntityManager, id: string, total: number): Promise<void> {
    await manager.query(`DELETE FROM meeting_pack_chunks WHERE pack_id = $1`, [id]);
    await manager.query(
      `UPDATE meeting_packs SET status = 'running', done = 0, total = $2, error = NULL WHERE id = $1`,
      [id, total],
    );
  }

  async progress(manager: EntityManager, id: string, done: number): Promise<void> {
    await manager.query(`UPDATE meeting_packs SET done = $2 WHERE id = $1`, [id, done]);
  }

  async appendChunk(manager: EntityManager, id: string, seq: number, data: Buffer): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_pack_chunks (pack_id, seq, data) VALUES ($1, $2, $3)`,
      [id, seq, data],
    );
  }

  async finish(
    manager: EntityManager,
    id: string,
    result: { manifest: object; bytes: number; sha256: string; now: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE meeting_packs SET status = 'done', done = total, manifest = $2, bytes = $3, sha256 = $4,
              finished_at = $5, error = NULL
        WHERE id = $1`,
      [id, JSON.stringify(result.manifest), result.bytes, result.sha256, result.now],
    );
  }

  /** An attempt failed: queued again (a retry follows) or failed for good. */
  async failed(
    manager: EntityManager,
    id: string,
    failure: { error: string; final: boolean; now: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE meeting_packs SET status = $2, error = $3, finished_at = $4 WHERE id = $1`,
      [id, failure.final ? 'failed' : 'queued', failure.error, failure.final ? failure.now : null],
    );
  }

  /** A retried job starts over as queued. */
  async requeue(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE meeting_packs SET status = 'queued', error = NULL, finished_at = NULL WHERE id = $1`,
      [id],
    );
  }

  async chunk(manager: EntityManager, id: string, seq: number): Promise<Buffer | null> {
    const [row] = await manager.query<{ data: Buffer }[]>(
      `SELECT data FROM meeting_pack_chunks WHERE pack_id = $1 AND seq = $2`,
      [id, seq],
    );
    return row?.data ?? null;
  }

  /** The drafts a meeting's pack carries: down for it, or considered under its agenda. */
  async drafts(manager: EntityManager, meetingId: string): Promise<PackDraftRow[]> {
    return manager.query<PackDraftRow[]>(
      `SELECT d.id, d.symbol, d.title,
              (SELECT count(*)::int FROM amendments a
                WHERE a.draft_id = d.id AND a.revision_number = d.current_revision) AS amendments
         FROM drafts d
        WHERE d.current_revision >= 1
          AND (d.meeting_id = $1
           OR d.id IN (SELECT l.draft_id FROM agenda_item_drafts l
                         JOIN agenda_items i ON i.id = l.agenda_item_id WHERE i.meeting_id = $1))
        ORDER BY d.symbol`,
      [meetingId],
    );
  }
}
