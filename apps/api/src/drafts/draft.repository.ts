import { Inject, Injectable } from '@nestjs/common';
import type {
  DraftFacts,
  DraftStatus,
  MemberState,
  PositionRecord,
  RevisionContent,
  Stance,
} from '@chancery/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';

export interface DraftRow {
  id: string;
  symbol: string;
  document_number: number;
  type: string;
  title: string;
  language: string;
  status: DraftStatus;
  current_revision: number;
  version: number;
  adopting_body_code: string;
  adopting_body_name: string;
  reviewing_body_code: string;
  meeting_id: string | null;
  meeting_sequence: number | null;
  penholder: string;
  penholder_name: string;
  consensus_method: 'explicit' | 'silence' | null;
  consensus_revision: number | null;
  consensus_at: Date | null;
  consensus_by: string | null;
  adopted_at: Date | null;
  adopted_meeting_id: string | null;
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface RevisionRow {
  number: number;
  title: string;
  content: RevisionContent;
  note: string | null;
  created_at: Date;
  created_by: string;
  author: string;
}

export interface PositionRow {
  state_code: string;
  stance: Stance;
  text: string | null;
  paragraphs: string[];
  on_behalf: boolean;
  recorded_at: Date;
  recorded_by: string;
  superseded_at: Date | null;
}

export interface SilenceRow {
  id: string;
  revision_number: number;
  deadline: Date;
  status: 'running' | 'held' | 'broken' | 'cancelled';
  started_by: string;
  started_at: Date;
  concluded_at: Date | null;
  objectors: string[];
}

const DRAFT_SELECT = `
  SELECT d.id, d.symbol, d.document_number, d.type, d.title, d.language, d.status, d.current_revision, d.version,
         ab.code AS adopting_body_code, ab.name AS adopting_body_name,
         coalesce((SELECT code FROM bodies WHERE reviews_drafts), ab.code) AS reviewing_body_code,
         d.meeting_id, m.sequence AS meeting_sequence, p.code AS penholder, p.name AS penholder_name,
         d.consensus_method, d.consensus_revision, d.consensus_at, cu.display_name AS consensus_by,
         d.adopted_at, d.adopted_meeting_id, d.withdrawn_at, d.created_at, d.updated_at
    FROM drafts d
    JOIN bodies ab ON ab.id = d.adopting_body_id
    JOIN participants p ON p.id = d.penholder_id
    LEFT JOIN meetings m ON m.id = d.meeting_id
    LEFT JOIN users cu ON cu.id = d.consensus_by`;

/** UN practice: the first circulation has no suffix, the next ones are /Rev.1, /Rev.2… */
export function revisionSymbol(symbol: string, revision: number): string {
  return revision >= 2 ? `${symbol}/Rev.${revision - 1}` : symbol;
}

export function draftFacts(row: DraftRow): DraftFacts {
  return {
    status: row.status,
    penholder: row.penholder,
    adoptingBodyCode: row.adopting_body_code,
    reviewingBodyCode: row.reviewing_body_code,
    currentRevision: row.current_revision,
  };
}

export function toPositionRecord(row: PositionRow): PositionRecord {
  return {
    stateCode: row.state_code,
    stance: row.stance,
    text: row.text,
    paragraphs: row.paragraphs,
    recordedAt: new Date(row.recorded_at),
  };
}

/** Queries only: what the drafts use cases read and lock. Decisions are the domain's. */
@Injectable()
export class DraftRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<DraftRow> {
    const [row] = await manager.query<DraftRow[]>(
      `${DRAFT_SELECT} WHERE d.id = $1 ${options.lock ? 'FOR UPDATE OF d' : ''}`,
      [id],
    );
    if (!row) throw notFound('Draft', id, 'id');
    return row;
  }

  list(
    manager: EntityManager,
    filter: { status?: string; meetingId?: string; bodyCode?: string },
  ): Promise<DraftRow[]> {
    return manager.query<DraftRow[]>(
      `${DRAFT_SELECT}
        WHERE ($1::text IS NULL OR d.status = $1)
          AND ($2::uuid IS NULL OR d.meeting_id = $2)
          AND ($3::text IS NULL OR ab.code = upper($3))
        ORDER BY d.updated_at DESC, d.symbol`,
      [filter.status ?? null, filter.meetingId ?? null, filter.bodyCode ?? null],
    );
  }

  async revision(
    manager: EntityManager,
    draftId: string,
    number: number,
  ): Promise<RevisionRow | null> {
    const [row] = await manager.query<RevisionRow[]>(
      `SELECT r.number, r.title, r.content, r.note, r.created_at, r.created_by, u.display_name AS author
         FROM revisions r JOIN users u ON u.id = r.created_by
        WHERE r.draft_id = $1 AND r.number = $2`,
      [draftId, number],
    );
    return row ?? null;
  }

  revisions(manager: EntityManager, draftId: string): Promise<RevisionRow[]> {
    return manager.query<RevisionRow[]>(
      `SELECT r.number, r.title, r.content, r.note, r.created_at, r.created_by, u.display_name AS author
         FROM revisions r JOIN users u ON u.id = r.created_by
        WHERE r.draft_id = $1 ORDER BY r.number`,
      [draftId],
    );
  }

  /** Member states with the dates that decide whether they count on a given day. */
  async memberStates(
    manager: EntityManager,
  ): Promise<(MemberState & { id: string; name: string })[]> {
    const rows = await manager.query<
      { id: string; code: string; name: string; joined: string | null; left_on: string | null }[]
    >(
      `SELECT id, code, name, to_char(joined, 'YYYY-MM-DD') AS joined, to_char(left_on, 'YYYY-MM-DD') AS left_on
         FROM participants WHERE kind = 'member-state' ORDER BY code`,
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      joined: row.joined,
      left: row.left_on,
    }));
  }

  /** Standing positions on one revision (history excluded), or every one with `history`. */
  positions(
    manager: EntityManager,
    draftId: string,
    revision: number,
    history = false,
  ): Promise<PositionRow[]> {
    return manager.query<PositionRow[]>(
      `SELECT p.code AS state_code, x.stance, x.text, x.paragraphs, x.on_behalf, x.recorded_at,
              u.display_name AS recorded_by, x.superseded_at
         FROM positions x JOIN participants p ON p.id = x.participant_id JOIN users u ON u.id = x.recorded_by
        WHERE x.draft_id = $1 AND x.revision_number = $2 ${history ? '' : 'AND x.superseded_at IS NULL'}
        ORDER BY p.code, x.recorded_at`,
      [draftId, revision],
    );
  }

  async silence(
    manager: EntityManager,
    draftId: string,
    options: { lock?: boolean } = {},
  ): Promise<SilenceRow | null> {
    const [row] = await manager.query<SilenceRow[]>(
      `SELECT id, revision_number, deadline, status, started_by, started_at, concluded_at, objectors
         FROM silence_procedures WHERE draft_id = $1
        ORDER BY (status = 'running') DESC, started_at DESC LIMIT 1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [draftId],
    );
    return row ?? null;
  }

  dataSourceManager(): EntityManager {
    return this.dataSource.manager;
  }
}
