import {
  type AmendmentChange,
  type AmendmentFacts,
  type AmendmentOutcome,
  type AmendmentRecord,
  type AmendmentStatus,
  amendmentStatusOf,
} from '@chancery/domain';
import type { EntityManager } from 'typeorm';

export interface AmendmentRow {
  id: string;
  draft_id: string;
  number: number;
  revision_number: number;
  state_code: string;
  state_name: string;
  state_name_ru: string;
  changes: AmendmentChange[];
  note: string | null;
  on_behalf: boolean;
  created_at: Date;
  created_by: string;
  withdrawn_at: Date | null;
  /** Co-sponsors in the order they joined: codes, and names in both languages. */
  sponsors: string[];
  sponsor_names: string[];
  sponsor_names_ru: string[];
  outcome: AmendmentOutcome | null;
  outcome_revision: number | null;
  decided_at: Date | null;
}

export interface AmendmentOutcomeRow {
  revision: number;
  outcome: AmendmentOutcome;
  number: number;
  name: string;
  name_ru: string | null;
}

const AMENDMENT_SELECT = `
  SELECT a.id, a.draft_id, a.number, a.revision_number, p.code AS state_code, p.name AS state_name,
         p.name_ru AS state_name_ru, a.changes, a.note, a.on_behalf, a.created_at,
         u.display_name AS created_by, a.withdrawn_at,
         coalesce(s.codes, '{}') AS sponsors, coalesce(s.names, '{}') AS sponsor_names,
         coalesce(s.names_ru, '{}') AS sponsor_names_ru,
         o.outcome, o.revision_number AS outcome_revision, o.decided_at
    FROM amendments a
    JOIN participants p ON p.id = a.participant_id
    JOIN users u ON u.id = a.created_by
    LEFT JOIN amendment_outcomes o ON o.amendment_id = a.id
    LEFT JOIN LATERAL (
      SELECT array_agg(sp.code ORDER BY x.joined_at, sp.code) AS codes,
             array_agg(sp.name ORDER BY x.joined_at, sp.code) AS names,
             array_agg(sp.name_ru ORDER BY x.joined_at, sp.code) AS names_ru
        FROM amendment_sponsors x JOIN participants sp ON sp.id = x.participant_id
       WHERE x.amendment_id = a.id
    ) s ON true`;

export function amendmentStatus(row: AmendmentRow): AmendmentStatus {
  return amendmentStatusOf({ outcome: row.outcome, withdrawn: row.withdrawn_at !== null });
}

export function amendmentFacts(row: AmendmentRow): AmendmentFacts {
  return {
    number: row.number,
    stateCode: row.state_code,
    sponsors: row.sponsors,
    status: amendmentStatus(row),
    revision: row.revision_number,
  };
}

export function amendmentRecord(row: AmendmentRow): AmendmentRecord {
  return {
    id: row.id,
    number: row.number,
    stateCode: row.state_code,
    status: amendmentStatus(row),
    changes: row.changes,
  };
}

/** Queries only: what the amendment use cases read and write. Decisions are the domain's. */
export class AmendmentRepository {
  /** Amendments of a draft in number order; of one revision when it is given. */
  list(manager: EntityManager, draftId: string, revision?: number): Promise<AmendmentRow[]> {
    return manager.query<AmendmentRow[]>(
      `${AMENDMENT_SELECT} WHERE a.draft_id = $1 AND ($2::integer IS NULL OR a.revision_number = $2)
        ORDER BY a.number`,
      [draftId, revision ?? null],
    );
  }

  async find(
    manager: EntityManager,
    draftId: string,
    amendmentId: string,
  ): Promise<AmendmentRow | null> {
    const [row] = await manager.query<AmendmentRow[]>(
      `${AMENDMENT_SELECT} WHERE a.draft_id = $1 AND a.id = $2`,
      [draftId, amendmentId],
    );
    return row ?? null;
  }

  /** Per revision of a draft, the outcome of each amendment it disposed of. */
  outcomes(manager: EntityManager, draftId: string): Promise<AmendmentOutcomeRow[]> {
    return manager.query<AmendmentOutcomeRow[]>(
      `SELECT o.revision_number AS revision, o.outcome, a.number, p.name, p.name_ru
         FROM amendment_outcomes o JOIN amendments a ON a.id = o.amendment_id
         JOIN participants p ON p.id = a.participant_id
        WHERE o.draft_id = $1 ORDER BY o.revision_number, a.number`,
      [draftId],
    );
  }

  /** The next number of the draft; the caller holds the draft's row lock, so it is its own. */
  async insert(
    manager: EntityManager,
    values: {
      draftId: string;
      revision: number;
      participantId: string;
      changes: AmendmentChange[];
      note: string | null;
      onBehalf: boolean;
      userId: string;
      now: Date;
    },
  ): Promise<{ id: string; number: number }> {
    const [row] = await manager.query<{ id: string; number: number }[]>(
      `INSERT INTO amendments (draft_id, number, revision_number, participant_id, changes, note, on_behalf, created_by, created_at)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7, $8 FROM amendments WHERE draft_id = $1
       RETURNING id, number`,
      [
        values.draftId,
        values.revision,
        values.participantId,
        JSON.stringify(values.changes),
        values.note,
        values.onBehalf,
        values.userId,
        values.now,
      ],
    );
    return row;
  }

  async addSponsor(
    manager: EntityManager,
    amendmentId: string,
    participantId: string,
    onBehalf: boolean,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO amendment_sponsors (amendment_id, participant_id, on_behalf, joined_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [amendmentId, participantId, onBehalf, now],
    );
  }

  async removeSponsor(
    manager: EntityManager,
    amendmentId: string,
    participantId: string,
  ): Promise<void> {
    await manager.query(
      'DELETE FROM amendment_sponsors WHERE amendment_id = $1 AND participant_id = $2',
      [amendmentId, participantId],
    );
  }

  async withdraw(
    manager: EntityManager,
    amendmentId: string,
    userId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      'UPDATE amendments SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1 AND withdrawn_at IS NULL',
      [amendmentId, now, userId],
    );
  }

  async recordOutcomes(
    manager: EntityManager,
    draftId: string,
    revision: number,
    outcomes: readonly { amendmentId: string; outcome: AmendmentOutcome }[],
    userId: string,
    now: Date,
  ): Promise<void> {
    if (outcomes.length === 0) return;
    await manager.query(
      `INSERT INTO amendment_outcomes (amendment_id, draft_id, revision_number, outcome, decided_by, decided_at)
       SELECT o.id, $1, $2, o.outcome, $3, $4
         FROM unnest($5::uuid[], $6::text[]) AS o(id, outcome)`,
      [
        draftId,
        revision,
        userId,
        now,
        outcomes.map((o) => o.amendmentId),
        outcomes.map((o) => o.outcome),
      ],
    );
  }
}
