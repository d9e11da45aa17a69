import type { EntityManager } from 'typeorm';

/** Carries each committed desk event to every instance's EventHub. */
export const DESK_EVENTS_CHANNEL = 'chancery_desk_events';

export type DeskEventType = 'position' | 'status' | 'revision' | 'silence' | 'amendment';

/** What a live page is told: small, enough to know what to refresh. */
export interface DeskEventInput {
  type: DeskEventType;
  draftId: string;
  [fact: string]: string | number | boolean | null;
}

export interface DeskEvent extends DeskEventInput {
  id: string;
}

/**
 * Writes a desk event in the change's transaction: stored with an id (for Last-Event-ID), and
 * announced with NOTIFY, which PostgreSQL delivers only on commit — a rolled-back change is
 * never seen by a page.
 */
export class DeskEventLog {
  async publish(manager: EntityManager, event: DeskEventInput): Promise<void> {
    const { type, draftId, ...payload } = event;
    await manager.query(
      `WITH stored AS (
         INSERT INTO desk_events (type, draft_id, payload) VALUES ($1, $2, $3::jsonb)
         RETURNING id, type, draft_id, payload
       )
       SELECT pg_notify($4, (jsonb_build_object('id', id::text, 'type', type, 'draftId', draft_id) || payload)::text)
         FROM stored`,
      [type, draftId, JSON.stringify(payload), DESK_EVENTS_CHANNEL],
    );
  }

  /** Events after `afterId`, oldest first: what a reconnecting page missed. */
  async since(manager: EntityManager, afterId: string, limit: number): Promise<DeskEvent[]> {
    const rows = await manager.query<
      { id: string; type: DeskEventType; draft_id: string; payload: Record<string, never> }[]
    >(
      `SELECT id::text AS id, type, draft_id, payload FROM desk_events WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => ({
      ...row.payload,
      id: row.id,
      type: row.type,
      draftId: row.draft_id,
    }));
  }

  /** The newest event's id ('0' before the first): where a fresh instance starts listening. */
  async latestId(manager: EntityManager): Promise<string> {
    const [{ max }] = await manager.query<{ max: string }[]>(
      'SELECT coalesce(max(id), 0)::text AS max FROM desk_events',
    );
    return max;
  }

  /** Old events no page will ask for again. */
  async prune(manager: EntityManager, olderThan: Date): Promise<void> {
    await manager.query('DELETE FROM desk_events WHERE created_at < $1', [olderThan]);
  }
}
