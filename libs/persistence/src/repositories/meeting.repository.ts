import type { EntityManager } from 'typeorm';

export interface MeetingRow {
  id: string;
  body_code: string;
  body_name: string;
  sequence: number;
  title: string;
  title_ru: string | null;
  starts_on: string;
  ends_on: string;
  venue: string | null;
  venue_ru: string | null;
  format: string;
  chair: string | null;
  co_chairs: string[];
  status: string;
  note: string | null;
  version: number;
}

export interface AgendaRow {
  id: string;
  number: number;
  title: string;
  title_ru: string | null;
  annotation: string | null;
  annotation_ru: string | null;
  draft_ids: string[];
}

export interface NewMeeting {
  bodyId: string;
  sequence: number;
  title: string;
  titleRu: string | null;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  venueRu: string | null;
  format: string;
  chair: string | null;
  coChairs: string[];
  status: string;
  note: string | null;
}

export interface NewAgendaItem {
  meetingId: string;
  number: number;
  title: string;
  titleRu: string | null;
  annotation: string | null;
  annotationRu: string | null;
}

const MEETING_SELECT = `
  SELECT m.id, b.code AS body_code, b.name AS body_name, m.sequence, m.title, m.title_ru,
         to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(m.ends_on, 'YYYY-MM-DD') AS ends_on,
         m.venue, m.venue_ru, m.format, m.chair, m.co_chairs, m.status, m.note, m.version
    FROM meetings m JOIN bodies b ON b.id = m.body_id`;

const AGENDA_SELECT = `
  SELECT i.id, i.number, i.title, i.title_ru, i.annotation, i.annotation_ru,
         coalesce(array_agg(d.draft_id ORDER BY d.draft_id) FILTER (WHERE d.draft_id IS NOT NULL), '{}') AS draft_ids
    FROM agenda_items i LEFT JOIN agenda_item_drafts d ON d.agenda_item_id = i.id`;

/** The columns a meeting or agenda item update may set, by the API's field name. */
const COLUMNS: Record<string, string> = {
  title: 'title',
  titleRu: 'title_ru',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  venue: 'venue',
  venueRu: 'venue_ru',
  format: 'format',
  chair: 'chair',
  coChairs: 'co_chairs',
  status: 'status',
  note: 'note',
  annotation: 'annotation',
  annotationRu: 'annotation_ru',
};

function assignments(fields: object): { sets: string[]; values: unknown[] } {
  const entries = Object.entries(fields as Record<string, unknown>).filter(
    ([field, value]) => value !== undefined && field in COLUMNS,
  );
  return {
    sets: entries.map(([field], index) => `${COLUMNS[field]} = $${index + 2}`),
    values: entries.map(([, value]) => value),
  };
}

/** Queries only: meetings and their agendas. */
export class MeetingRepository {
  list(
    manager: EntityManager,
    filter: { bodyCode?: string; status?: string },
  ): Promise<MeetingRow[]> {
    return manager.query<MeetingRow[]>(
      `${MEETING_SELECT}
        WHERE ($1::text IS NULL OR b.code = upper($1)) AND ($2::text IS NULL OR m.status = $2)
        ORDER BY m.starts_on DESC, b.level, m.sequence DESC`,
      [filter.bodyCode ?? null, filter.status ?? null],
    );
  }

  async find(manager: EntityManager, id: string): Promise<MeetingRow | null> {
    const [row] = await manager.query<MeetingRow[]>(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
    return row ?? null;
  }

  agenda(manager: EntityManager, meetingId: string): Promise<AgendaRow[]> {
    return manager.query<AgendaRow[]>(
      `${AGENDA_SELECT} WHERE i.meeting_id = $1 GROUP BY i.id ORDER BY i.number`,
      [meetingId],
    );
  }

  async item(manager: EntityManager, meetingId: string, itemId: string): Promise<AgendaRow | null> {
    const [row] = await manager.query<AgendaRow[]>(
      `${AGENDA_SELECT} WHERE i.id = $1 AND i.meeting_id = $2 GROUP BY i.id`,
      [itemId, meetingId],
    );
    return row ?? null;
  }

  /** The body, locked so that two meetings cannot take the same sequence number. */
  async lockBody(manager: EntityManager, code: string): Promise<{ id: string } | null> {
    const [row] = await manager.query<{ id: string }[]>(
      'SELECT id FROM bodies WHERE code = upper($1) FOR UPDATE',
      [code],
    );
    return row ?? null;
  }

  async nextSequence(manager: EntityManager, bodyId: string): Promise<number> {
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(sequence), 0) + 1 AS next FROM meetings WHERE body_id = $1',
      [bodyId],
    );
    return next;
  }

  async sequenceTaken(manager: EntityManager, bodyId: string, sequence: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM meetings WHERE body_id = $1 AND sequence = $2',
      [bodyId, sequence],
    );
    return rows.length > 0;
  }

  async insert(manager: EntityManager, meeting: NewMeeting): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO meetings (body_id, sequence, title, title_ru, starts_on, ends_on, venue, venue_ru, format, chair,
                             co_chairs, status, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        meeting.bodyId,
        meeting.sequence,
        meeting.title,
        meeting.titleRu,
        meeting.startsOn,
        meeting.endsOn,
        meeting.venue,
        meeting.venueRu,
        meeting.format,
        meeting.chair,
        meeting.coChairs,
        meeting.status,
        meeting.note,
      ],
    );
    return id;
  }

  /** The meeting's row, locked until the transaction ends. */
  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; version: number; starts_on: string; ends_on: string } | null> {
    const [row] = await manager.query<
      { id: string; version: number; starts_on: string; ends_on: string }[]
    >(
      `SELECT id, version, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
         FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Sets the fields given and moves the meeting's ETag. */
  async update(manager: EntityManager, id: string, fields: object): Promise<void> {
    const { sets, values } = assignments(fields);
    await manager.query(
      `UPDATE meetings SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [id, ...values],
    );
  }

  async itemCount(manager: EntityManager, meetingId: string): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    return count;
  }

  async itemIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    return rows.map((row) => row.id);
  }

  /** Inserts an item at its number, moving the later ones down. */
  async insertItem(manager: EntityManager, item: NewAgendaItem): Promise<string> {
    await manager.query(
      'UPDATE agenda_items SET number = number + 1 WHERE meeting_id = $1 AND number >= $2',
      [item.meetingId, item.number],
    );
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO agenda_items (meeting_id, number, title, title_ru, annotation, annotation_ru)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [item.meetingId, item.number, item.title, item.titleRu, item.annotation, item.annotationRu],
    );
    return id;
  }

  async updateItem(manager: EntityManager, itemId: string, fields: object): Promise<void> {
    const { sets, values } = assignments(fields);
    if (sets.length === 0) return;
    await manager.query(
      `UPDATE agenda_items SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [itemId, ...values],
    );
  }

  /** Removes an item, moving the later ones up. */
  async deleteItem(
    manager: EntityManager,
    meetingId: string,
    itemId: string,
    number: number,
  ): Promise<void> {
    await manager.query('DELETE FROM agenda_items WHERE id = $1', [itemId]);
    await manager.query(
      'UPDATE agenda_items SET number = number - 1 WHERE meeting_id = $1 AND number > $2',
      [meetingId, number],
    );
  }

  /**
   * Numbers the items in the order given. The unique (meeting, number) constraint is
   * deferred to commit, so the permutation can be written in one statement.
   */
  async renumber(manager: EntityManager, meetingId: string, itemIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE agenda_items i SET number = o.ordinality, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ordinality)
        WHERE i.id = o.id AND i.meeting_id = $1`,
      [meetingId, itemIds],
    );
  }

  async existingDrafts(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM drafts WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** The item considers exactly these drafts. */
  async setItemDrafts(manager: EntityManager, itemId: string, draftIds: string[]): Promise<void> {
    await manager.query('DELETE FROM agenda_item_drafts WHERE agenda_item_id = $1', [itemId]);
    await manager.query(
      'INSERT INTO agenda_item_drafts (agenda_item_id, draft_id) SELECT $1, unnest($2::uuid[])',
      [itemId, draftIds],
    );
  }

  /** Any agenda change is a change of the meeting: its ETag moves. */
  async touch(manager: EntityManager, meetingId: string): Promise<void> {
    await manager.query(
      'UPDATE meetings SET version = version + 1, updated_at = now() WHERE id = $1',
      [meetingId],
    );
  }
}
