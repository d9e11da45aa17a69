import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, invalid, notFound } from '../common/app-error';
import { checkIfMatch, versionEtag } from '../common/etag';
import type {
  CreateAgendaItemDto,
  CreateMeetingDto,
  ReorderAgendaDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './meetings.dto';

interface MeetingRow {
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

interface AgendaRow {
  id: string;
  number: number;
  title: string;
  title_ru: string | null;
  annotation: string | null;
  annotation_ru: string | null;
  draft_ids: string[];
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

function toMeeting(row: MeetingRow) {
  return {
    id: row.id,
    bodyCode: row.body_code,
    bodyName: row.body_name,
    sequence: row.sequence,
    title: row.title,
    titleRu: row.title_ru,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: row.venue,
    venueRu: row.venue_ru,
    format: row.format,
    chair: row.chair,
    coChairs: row.co_chairs,
    status: row.status,
    note: row.note,
    version: row.version,
    etag: versionEtag(row.id, row.version),
  };
}

function toAgendaItem(row: AgendaRow) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    titleRu: row.title_ru,
    annotation: row.annotation,
    annotationRu: row.annotation_ru,
    draftIds: row.draft_ids,
  };
}

export type MeetingView = ReturnType<typeof toMeeting>;
export type AgendaItemView = ReturnType<typeof toAgendaItem>;

const FIELD_COLUMNS: Record<string, string> = {
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

/** Meetings and their agendas. Agenda changes lock the meeting row, so numbering stays 1..n. */
@Injectable()
export class MeetingsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(
    filter: { bodyCode?: string; status?: string },
    manager: EntityManager = this.dataSource.manager,
  ) {
    const rows = await manager.query<MeetingRow[]>(
      `${MEETING_SELECT}
        WHERE ($1::text IS NULL OR b.code = upper($1)) AND ($2::text IS NULL OR m.status = $2)
        ORDER BY m.starts_on DESC, b.level, m.sequence DESC`,
      [filter.bodyCode ?? null, filter.status ?? null],
    );
    return rows.map(toMeeting);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query<MeetingRow[]>(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
    if (!row) throw notFound('Meeting', id, 'id');
    return { ...toMeeting(row), agenda: await this.agenda(id, manager) };
  }

  async agenda(meetingId: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query<AgendaRow[]>(
      `${AGENDA_SELECT} WHERE i.meeting_id = $1 GROUP BY i.id ORDER BY i.number`,
      [meetingId],
    );
    return rows.map(toAgendaItem);
  }

  async create(input: CreateMeetingDto) {
    return this.dataSource.transaction(async (manager) => {
      const [body] = await manager.query<{ id: string }[]>(
        'SELECT id FROM bodies WHERE code = upper($1) FOR UPDATE',
        [input.bodyCode],
      );
      if (!body)
        throw invalid(
          'bodyCode',
          `There is no body with the code ${JSON.stringify(input.bodyCode)}.`,
          'UNKNOWN_BODY',
        );
      let sequence = input.sequence;
      if (sequence === undefined) {
        const [{ next }] = await manager.query<{ next: number }[]>(
          'SELECT coalesce(max(sequence), 0) + 1 AS next FROM meetings WHERE body_id = $1',
          [body.id],
        );
        sequence = next;
      } else {
        const taken = await manager.query<unknown[]>(
          'SELECT 1 FROM meetings WHERE body_id = $1 AND sequence = $2',
          [body.id, sequence],
        );
        if (taken.length > 0) {
          throw new AppError(
            'DUPLICATE_MEETING',
            `The ${input.bodyCode.toUpperCase()} already has a meeting number ${sequence}.`,
            {
              field: 'sequence',
            },
          );
        }
      }
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO meetings (body_id, sequence, title, title_ru, starts_on, ends_on, venue, venue_ru, format, chair,
                               co_chairs, status, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          body.id,
          sequence,
          input.title,
          input.titleRu ?? null,
          input.startsOn,
          input.endsOn,
          input.venue ?? null,
          input.venueRu ?? null,
          input.format,
          input.chair ?? null,
          input.coChairs ?? [],
          input.status ?? 'planned',
          input.note ?? null,
        ],
      );
      return this.get(id, manager);
    });
  }

  async update(id: string, input: UpdateMeetingDto, ifMatch: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockMeeting(manager, id, ifMatch);
      const startsOn = input.startsOn ?? current.starts_on;
      const endsOn = input.endsOn ?? current.ends_on;
      if (endsOn < startsOn)
        throw invalid('endsOn', 'The meeting cannot end before it starts.', 'DATES_OUT_OF_ORDER');
      const entries = Object.entries(input).filter(([, value]) => value !== undefined);
      const sets = entries.map(([field], index) => `${FIELD_COLUMNS[field]} = $${index + 2}`);
      await manager.query(
        `UPDATE meetings SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...entries.map(([, value]) => value as unknown)],
      );
      return this.get(id, manager);
    });
  }

  async addAgendaItem(meetingId: string, input: CreateAgendaItemDto) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockMeeting(manager, meetingId);
      const [{ count }] = await manager.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM agenda_items WHERE meeting_id = $1',
        [meetingId],
      );
      const number = input.number ?? count + 1;
      if (number > count + 1) {
        throw invalid(
          'number',
          `The agenda has ${count} items: a new item can take a number from 1 to ${count + 1}.`,
          'NUMBER_OUT_OF_RANGE',
        );
      }
      await manager.query(
        'UPDATE agenda_items SET number = number + 1 WHERE meeting_id = $1 AND number >= $2',
        [meetingId, number],
      );
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO agenda_items (meeting_id, number, title, title_ru, annotation, annotation_ru)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          meetingId,
          number,
          input.title,
          input.titleRu ?? null,
          input.annotation ?? null,
          input.annotationRu ?? null,
        ],
      );
      if (input.draftIds) await this.linkDrafts(manager, id, input.draftIds);
      await this.touch(manager, meetingId);
      return this.item(manager, meetingId, id);
    });
  }

  async updateAgendaItem(meetingId: string, itemId: string, input: UpdateAgendaItemDto) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockMeeting(manager, meetingId);
      await this.item(manager, meetingId, itemId);
      const entries = Object.entries(input).filter(
        ([field, value]) => value !== undefined && field !== 'draftIds',
      );
      if (entries.length > 0) {
        const sets = entries.map(([field], index) => `${FIELD_COLUMNS[field]} = $${index + 2}`);
        await manager.query(
          `UPDATE agenda_items SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
          [itemId, ...entries.map(([, value]) => value as unknown)],
        );
      }
      if (input.draftIds) {
        await manager.query('DELETE FROM agenda_item_drafts WHERE agenda_item_id = $1', [itemId]);
        await this.linkDrafts(manager, itemId, input.draftIds);
      }
      await this.touch(manager, meetingId);
      return this.item(manager, meetingId, itemId);
    });
  }

  async removeAgendaItem(meetingId: string, itemId: string) {
    await this.dataSource.transaction(async (manager) => {
      await this.lockMeeting(manager, meetingId);
      const item = await this.item(manager, meetingId, itemId);
      await manager.query('DELETE FROM agenda_items WHERE id = $1', [itemId]);
      await manager.query(
        'UPDATE agenda_items SET number = number - 1 WHERE meeting_id = $1 AND number > $2',
        [meetingId, item.number],
      );
      await this.touch(manager, meetingId);
    });
  }

  async reorderAgenda(meetingId: string, input: ReorderAgendaDto, ifMatch: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockMeeting(manager, meetingId, ifMatch);
      const existing = await manager.query<{ id: string }[]>(
        'SELECT id FROM agenda_items WHERE meeting_id = $1',
        [meetingId],
      );
      const known = new Set(existing.map((row) => row.id));
      const wanted = input.itemIds.map((id) => id.toLowerCase());
      const distinct = new Set(wanted);
      const strangers = wanted.filter((id) => !known.has(id));
      if (distinct.size !== wanted.length || strangers.length > 0 || distinct.size !== known.size) {
        throw new AppError(
          'AGENDA_MISMATCH',
          `List every item of this agenda exactly once (${known.size} items); ${strangers.length} unknown, ${
            wanted.length - distinct.size
          } repeated, ${[...known].filter((id) => !distinct.has(id)).length} missing.`,
          { field: 'itemIds', facts: { unknown: strangers } },
        );
      }
      // The unique (meeting, number) constraint is deferred to commit, so the permutation can
      // be written in one statement.
      await manager.query(
        `UPDATE agenda_items i SET number = o.ordinality, updated_at = now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ordinality)
          WHERE i.id = o.id AND i.meeting_id = $1`,
        [meetingId, wanted],
      );
      await this.touch(manager, meetingId);
      return this.get(meetingId, manager);
    });
  }

  private async lockMeeting(
    manager: EntityManager,
    id: string,
    ifMatch?: string,
  ): Promise<MeetingRow> {
    const [row] = await manager.query<MeetingRow[]>(
      `SELECT id, version, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
         FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound('Meeting', id, 'id');
    checkIfMatch(ifMatch, versionEtag(row.id, row.version), false);
    return row;
  }

  /** Any agenda change is a change of the meeting: its ETag moves. */
  private async touch(manager: EntityManager, meetingId: string): Promise<void> {
    await manager.query(
      'UPDATE meetings SET version = version + 1, updated_at = now() WHERE id = $1',
      [meetingId],
    );
  }

  private async item(manager: EntityManager, meetingId: string, itemId: string) {
    const [row] = await manager.query<AgendaRow[]>(
      `${AGENDA_SELECT} WHERE i.id = $1 AND i.meeting_id = $2 GROUP BY i.id`,
      [itemId, meetingId],
    );
    if (!row) throw notFound('Agenda item', itemId, 'itemId');
    return toAgendaItem(row);
  }

  private async linkDrafts(
    manager: EntityManager,
    itemId: string,
    draftIds: string[],
  ): Promise<void> {
    const unique = [...new Set(draftIds.map((id) => id.toLowerCase()))];
    const found = await manager.query<{ id: string }[]>(
      'SELECT id FROM drafts WHERE id = ANY($1::uuid[])',
      [unique],
    );
    const missing = unique.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) {
      throw new AppError('UNKNOWN_DRAFT', `No draft has the id ${missing.join(', ')}.`, {
        field: 'draftIds',
        facts: { unknown: missing },
      });
    }
    await manager.query(
      'INSERT INTO agenda_item_drafts (agenda_item_id, draft_id) SELECT $1, unnest($2::uuid[])',
      [itemId, unique],
    );
  }
}
