import type { EntityManager } from 'typeorm';

/** What a meeting document is about, read in the document's language. */
export interface MeetingDocumentRow {
  id: string;
  body_code: string;
  body_name: string;
  body_name_ru: string;
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
}

/** The forum's names in one language (from `languages`) and its symbol prefix. */
export interface ForumRow {
  /** The acronym documents' symbols begin with (Latin in every language: CICA/SOC/…). */
  acronym: string;
  forum_acronym: string;
  forum_name: string;
  locale: string;
}

export interface AgendaDocumentRow {
  number: number;
  title: string;
  title_ru: string | null;
  annotation: string | null;
  annotation_ru: string | null;
  documents: { symbol: string; title: string; revision: number }[];
}

export interface ListedDocumentRow {
  symbol: string;
  title: string;
  type: string;
  status: string;
  revision: number;
  agenda_item: number | null;
}

/** Queries only: what the meeting's Word documents print besides a draft's snapshot. */
export class DocumentRepository {
  async forum(manager: EntityManager, language: string): Promise<ForumRow | null> {
    const [row] = await manager.query<ForumRow[]>(
      `SELECT f.acronym, l.forum_acronym, l.forum_name, l.locale
         FROM forum f JOIN languages l ON l.code = $1`,
      [language],
    );
    return row ?? null;
  }

  async meeting(manager: EntityManager, meetingId: string): Promise<MeetingDocumentRow | null> {
    const [row] = await manager.query<MeetingDocumentRow[]>(
      `SELECT m.id, b.code AS body_code, b.name AS body_name, b.name_ru AS body_name_ru, m.sequence, m.title, m.title_ru,
              to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(m.ends_on, 'YYYY-MM-DD') AS ends_on,
              m.venue, m.venue_ru, m.format, m.chair, m.co_chairs
         FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = $1`,
      [meetingId],
    );
    return row ?? null;
  }

  /** The agenda with the drafts each item considers, of the statuses given. */
  agenda(
    manager: EntityManager,
    meetingId: string,
    listedStatuses: readonly string[],
  ): Promise<AgendaDocumentRow[]> {
    return manager.query<AgendaDocumentRow[]>(
      `SELECT i.number, i.title, i.title_ru, i.annotation, i.annotation_ru,
              coalesce(jsonb_agg(jsonb_build_object('symbol', d.symbol, 'title', d.title, 'revision', d.current_revision)
                                 ORDER BY d.symbol) FILTER (WHERE d.id IS NOT NULL), '[]') AS documents
         FROM agenda_items i
         LEFT JOIN agenda_item_drafts l ON l.agenda_item_id = i.id
         LEFT JOIN drafts d ON d.id = l.draft_id AND d.status = ANY($2::text[])
        WHERE i.meeting_id = $1 GROUP BY i.id ORDER BY i.number`,
      [meetingId, listedStatuses],
    );
  }

  /** The drafts down for the meeting or considered under one of its agenda items. */
  listOfDocuments(manager: EntityManager, meetingId: string): Promise<ListedDocumentRow[]> {
    return manager.query<ListedDocumentRow[]>(
      `SELECT d.symbol, d.title, d.type, d.status, d.current_revision AS revision, min(i.number) AS agenda_item
         FROM drafts d
         LEFT JOIN agenda_item_drafts l ON l.draft_id = d.id
         LEFT JOIN agenda_items i ON i.id = l.agenda_item_id AND i.meeting_id = $1
        WHERE d.meeting_id = $1
           OR d.id IN (SELECT l2.draft_id FROM agenda_item_drafts l2 JOIN agenda_items i2 ON i2.id = l2.agenda_item_id WHERE i2.meeting_id = $1)
        GROUP BY d.id ORDER BY d.symbol`,
      [meetingId],
    );
  }

  /** The authors' names of those of the revisions that exist. */
  revisionAuthors(
    manager: EntityManager,
    draftId: string,
    numbers: readonly number[],
  ): Promise<{ number: number; author: string }[]> {
    return manager.query<{ number: number; author: string }[]>(
      `SELECT r.number, u.display_name AS author FROM revisions r JOIN users u ON u.id = r.created_by
        WHERE r.draft_id = $1 AND r.number = ANY($2::int[])`,
      [draftId, numbers],
    );
  }

  participantNames(
    manager: EntityManager,
  ): Promise<{ code: string; name: string; name_ru: string }[]> {
    return manager.query<{ code: string; name: string; name_ru: string }[]>(
      'SELECT code, name, name_ru FROM participants',
    );
  }
}
