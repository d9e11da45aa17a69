import type { DraftChange, RevisionContent, Stance } from '@chancery/domain';
import type { EntityManager } from 'typeorm';

export interface NewDraft {
  symbol: string;
  documentNumber: number;
  type: string;
  title: string;
  language: string;
  adoptingBodyId: string;
  meetingId: string | null;
  penholderId: string;
  createdBy: string;
}

export interface NewPosition {
  draftId: string;
  revision: number;
  participantId: string;
  stance: Stance;
  text: string | null;
  paragraphs: string[];
  onBehalf: boolean;
  recordedBy: string;
  recordedAt: Date;
}

/** What applying a change needs besides the change: when, by whom, on what. */
export interface ChangeContext {
  now: Date;
  /** Who the change is attributed to (a held silence: the chair who started it). */
  actorId: string | null;
  /** The revision a consensus is recorded on. */
  revision: number;
  /** The meeting an adoption is recorded at. */
  meetingId?: string | null;
}

export interface AppliedChange {
  /** The procedure a 'cancel-silence' effect ended, if one was running. */
  cancelledSilence: { id: string; revision: number } | null;
}

/** Queries only: every write on drafts, revisions, positions and silence procedures. */
export class DraftWriteRepository {
  async body(
    manager: EntityManager,
    code: string,
  ): Promise<{ id: string; code: string; adopts: string[] } | null> {
    const [row] = await manager.query<{ id: string; code: string; adopts: string[] }[]>(
      'SELECT id, code, adopts FROM bodies WHERE code = upper($1)',
      [code],
    );
    return row ?? null;
  }

  async meeting(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; sequence: number; body_code: string } | null> {
    const [row] = await manager.query<{ id: string; sequence: number; body_code: string }[]>(
      'SELECT m.id, m.sequence, b.code AS body_code FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = $1',
      [id],
    );
    return row ?? null;
  }

  async forumAcronym(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ acronym: string }[]>('SELECT acronym FROM forum');
    return row.acronym;
  }

  /**
   * The next document number of a body (and meeting). The advisory lock, held until the
   * transaction ends, keeps two registrations from taking the same one.
   */
  async nextDocumentNumber(
    manager: EntityManager,
    bodyId: string,
    meetingId: string | null,
  ): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `draft-number:${bodyId}:${meetingId ?? ''}`,
    ]);
    const [{ next }] = await manager.query<{ next: number }[]>(
      `SELECT coalesce(max(document_number), 0) + 1 AS next FROM drafts
        WHERE adopting_body_id = $1 AND meeting_id IS NOT DISTINCT FROM $2`,
      [bodyId, meetingId],
    );
    return next;
  }

  async insertDraft(manager: EntityManager, draft: NewDraft): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO drafts (symbol, document_number, type, title, language, adopting_body_id, meeting_id, penholder_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        draft.symbol,
        draft.documentNumber,
        draft.type,
        draft.title,
        draft.language,
        draft.adoptingBodyId,
        draft.meetingId,
        draft.penholderId,
        draft.createdBy,
      ],
    );
    return id;
  }

  /** Stores a revision and makes it the draft's current text. */
  async insertRevision(
    manager: EntityManager,
    revision: {
      draftId: string;
      number: number;
      content: RevisionContent;
      note: string | null;
      createdBy: string;
      createdAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO revisions (draft_id, number, title, content, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        revision.draftId,
        revision.number,
        revision.content.title,
        revision.content,
        revision.note,
        revision.createdBy,
        revision.createdAt,
      ],
    );
    await manager.query('UPDATE drafts SET current_revision = $2, title = $3 WHERE id = $1', [
      revision.draftId,
      revision.number,
      revision.content.title,
    ]);
  }

  /**
   * Applies a decided change: the status and every effect the domain named. The one door
   * through which a draft's status moves (transitions, revisions that reopen, silence held).
   */
  async applyChange(
    manager: EntityManager,
    draftId: string,
    change: DraftChange,
    context: ChangeContext,
  ): Promise<AppliedChange> {
    const sets: string[] = ['status = $2'];
    const values: unknown[] = [draftId, change.to];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    let cancelledSilence: AppliedChange['cancelledSilence'] = null;
    for (const effect of change.effects) {
      switch (effect) {
        case 'record-consensus':
          set('consensus_method', change.method ?? 'explicit');
          set('consensus_revision', context.revision);
          set('consensus_at', context.now);
          set('consensus_by', context.actorId);
          break;
        case 'clear-consensus':
          sets.push(
            'consensus_method = NULL',
            'consensus_revision = NULL',
            'consensus_at = NULL',
            'consensus_by = NULL',
          );
          break;
        case 'record-adoption':
          set('adopted_at', context.now);
          set('adopted_meeting_id', context.meetingId ?? null);
          set('adopted_by', context.actorId);
          break;
        case 'record-withdrawal':
          set('withdrawn_at', context.now);
          break;
        case 'cancel-silence':
          cancelledSilence = await this.cancelSilence(manager, draftId, context.now);
          break;
      }
    }
    await manager.query(`UPDATE drafts SET ${sets.join(', ')} WHERE id = $1`, values);
    return { cancelledSilence };
  }

  /** Moves the draft's ETag: called by the transaction helper only, once per change. */
  async bumpVersion(manager: EntityManager, draftId: string, now: Date): Promise<number> {
    const [[row]] = await manager.query<[{ version: number }[], number]>(
      'UPDATE drafts SET version = version + 1, updated_at = $2 WHERE id = $1 RETURNING version',
      [draftId, now],
    );
    return row.version;
  }

  /** The state's standing position on the revision becomes history; the new one stands. */
  async recordPosition(manager: EntityManager, position: NewPosition): Promise<void> {
    await manager.query(
      `UPDATE positions SET superseded_at = $4
        WHERE draft_id = $1 AND revision_number = $2 AND participant_id = $3 AND superseded_at IS NULL`,
      [position.draftId, position.revision, position.participantId, position.recordedAt],
    );
    await manager.query(
      `INSERT INTO positions (draft_id, revision_number, participant_id, stance, text, paragraphs, on_behalf, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        position.draftId,
        position.revision,
        position.participantId,
        position.stance,
        position.text,
        position.paragraphs,
        position.onBehalf,
        position.recordedBy,
        position.recordedAt,
      ],
    );
  }

  async startSilence(
    manager: EntityManager,
    procedure: { draftId: string; revision: number; deadline: Date; startedBy: string; now: Date },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO silence_procedures (draft_id, revision_number, deadline, started_by, started_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        procedure.draftId,
        procedure.revision,
        procedure.deadline,
        procedure.startedBy,
        procedure.now,
      ],
    );
    return row.id;
  }

  async concludeSilence(
    manager: EntityManager,
    procedureId: string,
    outcome: { status: 'held' | 'broken'; objectors: string[]; now: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE silence_procedures SET status = $2, concluded_at = $3, objectors = $4 WHERE id = $1`,
      [procedureId, outcome.status, outcome.now, outcome.objectors],
    );
  }

  private async cancelSilence(
    manager: EntityManager,
    draftId: string,
    now: Date,
  ): Promise<{ id: string; revision: number } | null> {
    const [rows] = await manager.query<[{ id: string; revision_number: number }[], number]>(
      `UPDATE silence_procedures SET status = 'cancelled', concluded_at = $2
        WHERE draft_id = $1 AND status = 'running' RETURNING id, revision_number`,
      [draftId, now],
    );
    return rows[0] ? { id: rows[0].id, revision: rows[0].revision_number } : null;
  }
}
