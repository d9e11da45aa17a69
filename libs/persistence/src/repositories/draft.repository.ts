import type { DraftStatus, MeetingFacts } from '@chancery/domain';
import type { EntityManager } from 'typeorm';
import type {
  AuditEntryRow,
  DraftRow,
  DraftSnapshot,
  MatrixRow,
  MemberStateRow,
  PositionRow,
  RevisionRow,
  SilenceRow,
} from './draft-rows';

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

const REVISION_SELECT = `
  SELECT r.number, r.title, r.content, r.note, r.created_at, r.created_by, u.display_name AS author
    FROM revisions r JOIN users u ON u.id = r.created_by`;

const SILENCE_SELECT = `
  SELECT id, revision_number, deadline, status, started_by, started_at, concluded_at, objectors
    FROM silence_procedures WHERE draft_id = $1
   ORDER BY (status = 'running') DESC, started_at DESC LIMIT 1`;

export interface DraftListFilter {
  status?: string;
  meetingId?: string;
  bodyCode?: string;
  /** Only drafts in one of these statuses. */
  statuses?: readonly DraftStatus[];
}

/** Queries only: what the drafts use cases and pages read and lock. Decisions are the domain's. */
export class DraftRepository {
  async find(
    manager: EntityManager,
    id: string,
    options: { lock?: 'wait' | 'skip' } = {},
  ): Promise<DraftRow | null> {
    const lock = { wait: 'FOR UPDATE OF d', skip: 'FOR UPDATE OF d SKIP LOCKED' };
    const [row] = await manager.query<DraftRow[]>(
      `${DRAFT_SELECT} WHERE d.id = $1 ${options.lock ? lock[options.lock] : ''}`,
      [id],
    );
    return row ?? null;
  }

  list(manager: EntityManager, filter: DraftListFilter): Promise<DraftRow[]> {
    return manager.query<DraftRow[]>(
      `${DRAFT_SELECT}
        WHERE ($1::text IS NULL OR d.status = $1)
          AND ($2::uuid IS NULL OR d.meeting_id = $2)
          AND ($3::text IS NULL OR ab.code = upper($3))
          AND ($4::text[] IS NULL OR d.status = ANY($4))
        ORDER BY d.updated_at DESC, d.symbol`,
      [
        filter.status ?? null,
        filter.meetingId ?? null,
        filter.bodyCode ?? null,
        filter.statuses ?? null,
      ],
    );
  }

  async version(manager: EntityManager, id: string): Promise<number> {
    const [row] = await manager.query<{ version: number }[]>(
      'SELECT version FROM drafts WHERE id = $1',
      [id],
    );
    return row.version;
  }

  async revision(
    manager: EntityManager,
    draftId: string,
    number: number,
  ): Promise<RevisionRow | null> {
    const [row] = await manager.query<RevisionRow[]>(
      `${REVISION_SELECT} WHERE r.draft_id = $1 AND r.number = $2`,
      [draftId, number],
    );
    return row ?? null;
  }

  revisions(manager: EntityManager, draftId: string): Promise<RevisionRow[]> {
    return manager.query<RevisionRow[]>(
      `${REVISION_SELECT} WHERE r.draft_id = $1 ORDER BY r.number`,
      [draftId],
    );
  }

  async memberStates(manager: EntityManager): Promise<MemberStateRow[]> {
    const rows = await manager.query<
      {
        id: string;
        code: string;
        name: string;
        name_ru: string;
        joined: string | null;
        left_on: string | null;
      }[]
    >(
      `SELECT id, code, name, name_ru, to_char(joined, 'YYYY-MM-DD') AS joined, to_char(left_on, 'YYYY-MM-DD') AS left_on
         FROM participants WHERE kind = 'member-state' ORDER BY code`,
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      nameRu: row.name_ru,
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

  /** The running procedure, else the latest; `lock` holds it until the transaction ends. */
  async silence(
    manager: EntityManager,
    draftId: string,
    options: { lock?: boolean } = {},
  ): Promise<SilenceRow | null> {
    const [row] = await manager.query<SilenceRow[]>(
      `${SILENCE_SELECT} ${options.lock ? 'FOR UPDATE' : ''}`,
      [draftId],
    );
    return row ?? null;
  }

  async meetingFacts(manager: EntityManager, meetingId: string): Promise<MeetingFacts | null> {
    const [row] = await manager.query<{ body_code: string; starts_on: string }[]>(
      `SELECT b.code AS body_code, to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on
         FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = $1`,
      [meetingId],
    );
    return row ? { bodyCode: row.body_code, opensOn: row.starts_on } : null;
  }

  /** The drafts in `statuses` with their standing positions, in two passes whatever their number. */
  matrix(manager: EntityManager, statuses: readonly DraftStatus[]): Promise<MatrixRow[]> {
    return manager.query<MatrixRow[]>(
      // Standing positions are aggregated per draft in one pass (a hash join, not a subquery
      // per draft) into "AZE:concur,KAZ:objection" — cheaper to build and parse than jsonb.
      `WITH open AS (
         SELECT id, current_revision FROM drafts WHERE status = ANY($1::text[])
       ), cells AS (
         SELECT x.draft_id, string_agg(p.code || ':' || x.stance, ',') AS cells
           FROM positions x
           JOIN open o ON o.id = x.draft_id AND x.revision_number = o.current_revision
           JOIN participants p ON p.id = x.participant_id
          WHERE x.superseded_at IS NULL
          GROUP BY x.draft_id
       )
       SELECT d.id, d.symbol, d.title, d.status, b.code AS adopting_body_code, d.meeting_id, d.current_revision,
              s.deadline AS silence_deadline, c.cells
         FROM drafts d
         JOIN open o ON o.id = d.id
         JOIN bodies b ON b.id = d.adopting_body_id
         LEFT JOIN silence_procedures s ON s.draft_id = d.id AND s.status = 'running'
         LEFT JOIN cells c ON c.draft_id = d.id
        ORDER BY d.status DESC, d.symbol`,
      [statuses],
    );
  }

  audit(manager: EntityManager, draftId: string): Promise<AuditEntryRow[]> {
    return manager.query<AuditEntryRow[]>(
      'SELECT seq, occurred_at, actor_label, action, details, hash FROM audit_log WHERE draft_id = $1 ORDER BY seq',
      [draftId],
    );
  }

  /** Drafts whose running silence procedure's deadline has passed, earliest first. */
  /** Every running silence procedure with its deadline (to re-enqueue a lost deadline job). */
  async runningSilences(
    manager: EntityManager,
  ): Promise<{ id: string; draft_id: string; deadline: Date }[]> {
    return manager.query(
      `SELECT id, draft_id, deadline FROM silence_procedures WHERE status = 'running' ORDER BY deadline`,
    );
  }

  /**
   * The snapshot of one draft: its row, current revision, standing positions, member states,
   * silence procedure and meeting. Call it inside one transaction (read-only for pages) so
   * that every part is of the same moment; null if there is no such draft.
   */
  async snapshot(
    manager: EntityManager,
    id: string,
    draft?: DraftRow,
  ): Promise<DraftSnapshot | null> {
    const row = draft ?? (await this.find(manager, id));
    if (!row) return null;
    const [snapshot] = await this.snapshots(manager, [row]);
    return snapshot;
  }

  /** Snapshots of many drafts in a fixed number of queries, whatever their number. */
  async snapshots(manager: EntityManager, rows: DraftRow[]): Promise<DraftSnapshot[]> {
    const ids = rows.map((row) => row.id);
    const meetingIds = [
      ...new Set(rows.flatMap((row) => (row.meeting_id ? [row.meeting_id] : []))),
    ];
    // One after another: a transaction is one connection, which runs one query at a time.
    const revisions = await manager.query<(RevisionRow & { draft_id: string })[]>(
      `SELECT r.draft_id, r.number, r.title, r.content, r.note, r.created_at, r.created_by, u.display_name AS author
         FROM revisions r JOIN users u ON u.id = r.created_by
         JOIN drafts d ON d.id = r.draft_id AND r.number = d.current_revision
        WHERE r.draft_id = ANY($1::uuid[])`,
      [ids],
    );
    const positions = await manager.query<(PositionRow & { draft_id: string })[]>(
      `SELECT x.draft_id, p.code AS state_code, x.stance, x.text, x.paragraphs, x.on_behalf, x.recorded_at,
              u.display_name AS recorded_by, x.superseded_at
         FROM positions x JOIN participants p ON p.id = x.participant_id JOIN users u ON u.id = x.recorded_by
         JOIN drafts d ON d.id = x.draft_id AND x.revision_number = d.current_revision
        WHERE x.draft_id = ANY($1::uuid[]) AND x.superseded_at IS NULL
        ORDER BY p.code, x.recorded_at`,
      [ids],
    );
    const silences = await manager.query<(SilenceRow & { draft_id: string })[]>(
      `SELECT DISTINCT ON (draft_id) draft_id, id, revision_number, deadline, status, started_by, started_at,
              concluded_at, objectors
         FROM silence_procedures WHERE draft_id = ANY($1::uuid[])
        ORDER BY draft_id, (status = 'running') DESC, started_at DESC`,
      [ids],
    );
    const meetings =
      meetingIds.length === 0
        ? []
        : await manager.query<{ id: string; body_code: string; starts_on: string }[]>(
            `SELECT m.id, b.code AS body_code, to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on
               FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ANY($1::uuid[])`,
            [meetingIds],
          );
    const members = await this.memberStates(manager);
    const strip = <T extends { draft_id: string }>({ draft_id: _id, ...rest }: T) => rest;
    const byDraft = <T extends { draft_id: string }>(list: T[]) =>
      new Map(list.map((item) => [item.draft_id, item]));
    const revisionOf = byDraft(revisions);
    const silenceOf = byDraft(silences);
    const meetingOf = new Map(meetings.map((m) => [m.id, m]));
    const positionsOf = new Map<string, PositionRow[]>();
    for (const position of positions) {
      const list = positionsOf.get(position.draft_id) ?? [];
      list.push(strip(position));
      positionsOf.set(position.draft_id, list);
    }
    return rows.map((row) => {
      const revision = revisionOf.get(row.id);
      const silence = silenceOf.get(row.id);
      const meeting = row.meeting_id ? meetingOf.get(row.meeting_id) : undefined;
      return {
        draft: row,
        revision: revision ? strip(revision) : null,
        positions: positionsOf.get(row.id) ?? [],
        members,
        silence: silence ? strip(silence) : null,
        meeting: meeting ? { bodyCode: meeting.body_code, opensOn: meeting.starts_on } : null,
      };
    });
  }
}
