import { Inject, Injectable } from '@nestjs/common';
import { type AgendaRow, MeetingRepository, type MeetingRow } from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../application/transaction-runner';
import { AppError, invalid, notFound } from '../common/app-error';
import { checkIfMatch, versionEtag } from '../common/etag';
import type {
  CreateAgendaItemDto,
  CreateMeetingDto,
  ReorderAgendaDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './meetings.dto';

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

/** Meetings and their agendas. Agenda changes lock the meeting row, so numbering stays 1..n. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(MeetingRepository) private readonly meetings: MeetingRepository,
  ) {}

  /** In the caller's read transaction when given one (a desk page), else in its own. */
  async list(filter: { bodyCode?: string; status?: string }, manager?: EntityManager) {
    const read = async (m: EntityManager) => (await this.meetings.list(m, filter)).map(toMeeting);
    return manager ? read(manager) : this.transactions.read(read);
  }

  async get(id: string, manager?: EntityManager) {
    const read = async (m: EntityManager) => {
      const row = await this.meetings.find(m, id);
      if (!row) throw notFound('Meeting', id, 'id');
      return { ...toMeeting(row), agenda: (await this.meetings.agenda(m, id)).map(toAgendaItem) };
    };
    return manager ? read(manager) : this.transactions.read(read);
  }

  agenda(meetingId: string) {
    return this.transactions.read(async (m) => {
      if (!(await this.meetings.find(m, meetingId))) throw notFound('Meeting', meetingId, 'id');
      return (await this.meetings.agenda(m, meetingId)).map(toAgendaItem);
    });
  }

  async create(input: CreateMeetingDto) {
    return this.transactions.write(null, async ({ manager }) => {
      const body = await this.meetings.lockBody(manager, input.bodyCode);
      if (!body)
        throw invalid(
          'bodyCode',
          `There is no body with the code ${JSON.stringify(input.bodyCode)}.`,
          'UNKNOWN_BODY',
        );
      let sequence = input.sequence;
      if (sequence === undefined) {
        sequence = await this.meetings.nextSequence(manager, body.id);
      } else if (await this.meetings.sequenceTaken(manager, body.id, sequence)) {
        throw new AppError(
          'DUPLICATE_MEETING',
          `The ${input.bodyCode.toUpperCase()} already has a meeting number ${sequence}.`,
          { field: 'sequence' },
        );
      }
      const id = await this.meetings.insert(manager, {
        bodyId: body.id,
        sequence,
        title: input.title,
        titleRu: input.titleRu ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        venue: input.venue ?? null,
        venueRu: input.venueRu ?? null,
        format: input.format,
        chair: input.chair ?? null,
        coChairs: input.coChairs ?? [],
        status: input.status ?? 'planned',
        note: input.note ?? null,
      });
      return this.get(id, manager);
    });
  }

  async update(id: string, input: UpdateMeetingDto, ifMatch: string | undefined) {
    return this.transactions.write(null, async ({ manager }) => {
      const current = await this.lockMeeting(manager, id, ifMatch);
      const startsOn = input.startsOn ?? current.starts_on;
      const endsOn = input.endsOn ?? current.ends_on;
      if (endsOn < startsOn)
        throw invalid('endsOn', 'The meeting cannot end before it starts.', 'DATES_OUT_OF_ORDER');
      await this.meetings.update(manager, id, input);
      return this.get(id, manager);
    });
  }

  async addAgendaItem(meetingId: string, input: CreateAgendaItemDto) {
    return this.transactions.write(null, async ({ manager }) => {
      await this.lockMeeting(manager, meetingId);
      const count = await this.meetings.itemCount(manager, meetingId);
      const number = input.number ?? count + 1;
      if (number > count + 1) {
        throw invalid(
          'number',
          `The agenda has ${count} items: a new item can take a number from 1 to ${count + 1}.`,
          'NUMBER_OUT_OF_RANGE',
        );
      }
      const id = await this.meetings.insertItem(manager, {
        meetingId,
        number,
        title: input.title,
        titleRu: input.titleRu ?? null,
        annotation: input.annotation ?? null,
        annotationRu: input.annotationRu ?? null,
      });
      if (input.draftIds) await this.linkDrafts(manager, id, input.draftIds);
      await this.meetings.touch(manager, meetingId);
      return this.item(manager, meetingId, id);
    });
  }

  async updateAgendaItem(meetingId: string, itemId: string, input: UpdateAgendaItemDto) {
    return this.transactions.write(null, async ({ manager }) => {
      await this.lockMeeting(manager, meetingId);
      await this.item(manager, meetingId, itemId);
      await this.meetings.updateItem(manager, itemId, input);
      if (input.draftIds) await this.linkDrafts(manager, itemId, input.draftIds);
      await this.meetings.touch(manager, meetingId);
      return this.item(manager, meetingId, itemId);
    });
  }

  async removeAgendaItem(meetingId: string, itemId: string) {
    await this.transactions.write(null, async ({ manager }) => {
      await this.lockMeeting(manager, meetingId);
      const item = await this.item(manager, meetingId, itemId);
      await this.meetings.deleteItem(manager, meetingId, itemId, item.number);
      await this.meetings.touch(manager, meetingId);
    });
  }

  async reorderAgenda(meetingId: string, input: ReorderAgendaDto, ifMatch: string | undefined) {
    return this.transactions.write(null, async ({ manager }) => {
      await this.lockMeeting(manager, meetingId, ifMatch);
      const known = new Set(await this.meetings.itemIds(manager, meetingId));
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
      await this.meetings.renumber(manager, meetingId, wanted);
      await this.meetings.touch(manager, meetingId);
      return this.get(meetingId, manager);
    });
  }

  private async lockMeeting(manager: EntityManager, id: string, ifMatch?: string) {
    const row = await this.meetings.lock(manager, id);
    if (!row) throw notFound('Meeting', id, 'id');
    checkIfMatch(ifMatch, versionEtag(row.id, row.version), false);
    return row;
  }

  private async item(manager: EntityManager, meetingId: string, itemId: string) {
    const row = await this.meetings.item(manager, meetingId, itemId);
    if (!row) throw notFound('Agenda item', itemId, 'itemId');
    return toAgendaItem(row);
  }

  private async linkDrafts(manager: EntityManager, itemId: string, draftIds: string[]) {
    const unique = [...new Set(draftIds.map((id) => id.toLowerCase()))];
    const found = new Set(await this.meetings.existingDrafts(manager, unique));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError('UNKNOWN_DRAFT', `No draft has the id ${missing.join(', ')}.`, {
        field: 'draftIds',
        facts: { unknown: missing },
      });
    }
    await this.meetings.setItemDrafts(manager, itemId, unique);
  }
}
