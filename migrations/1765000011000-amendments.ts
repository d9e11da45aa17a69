import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments by delegations to a revision, their co-sponsors, and the outcome each receives
 * when the next revision disposes of the round. An amendment is history: it is never deleted,
 * and the one change it undergoes is being withdrawn; an outcome is written once.
 */
export class Amendments1765000011000 implements MigrationInterface {
  name = 'Amendments1765000011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL,
        number integer NOT NULL CONSTRAINT amendments_number_check CHECK (number > 0),
        revision_number integer NOT NULL,
        participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
        changes jsonb NOT NULL CONSTRAINT amendments_changes_check
          CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
        note text,
        on_behalf boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        FOREIGN KEY (draft_id, revision_number) REFERENCES revisions (draft_id, number) ON DELETE RESTRICT,
        CONSTRAINT amendments_draft_id_number_key UNIQUE (draft_id, number),
        CONSTRAINT amendments_withdrawn_check CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
      )`);
    await db.query(
      `CREATE INDEX amendments_revision ON amendments (draft_id, revision_number, number)`,
    );

    await db.query(`
      CREATE TABLE amendment_sponsors (
        amendment_id uuid NOT NULL REFERENCES amendments (id) ON DELETE RESTRICT,
        participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
        on_behalf boolean NOT NULL DEFAULT false,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (amendment_id, participant_id)
      )`);

    await db.query(`
      CREATE TABLE amendment_outcomes (
        amendment_id uuid PRIMARY KEY REFERENCES amendments (id) ON DELETE RESTRICT,
        draft_id uuid NOT NULL,
        revision_number integer NOT NULL,
        outcome varchar(16) NOT NULL CONSTRAINT amendment_outcomes_outcome_check
          CHECK (outcome IN ('accepted', 'bracketed', 'not-retained', 'withdrawn')),
        decided_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        decided_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (draft_id, revision_number) REFERENCES revisions (draft_id, number) ON DELETE RESTRICT
      )`);
    await db.query(
      `CREATE INDEX amendment_outcomes_revision ON amendment_outcomes (draft_id, revision_number)`,
    );

    await db.query(`
      CREATE FUNCTION chancery_amendments_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'amendments are kept as history: DELETE refused' USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- The only change an amendment ever undergoes is being withdrawn, once.
        IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
           OR (to_jsonb(NEW) - 'withdrawn_at' - 'withdrawn_by') <> (to_jsonb(OLD) - 'withdrawn_at' - 'withdrawn_by') THEN
          RAISE EXCEPTION 'amendments are kept as history: only withdrawal is allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER amendments_history BEFORE UPDATE OR DELETE ON amendments
      FOR EACH ROW EXECUTE FUNCTION chancery_amendments_history()`);
    await db.query(`CREATE TRIGGER amendment_outcomes_append_only BEFORE UPDATE OR DELETE ON amendment_outcomes
      FOR EACH ROW EXECUTE FUNCTION chancery_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['amendment_outcomes', 'amendment_sponsors', 'amendments'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`DROP FUNCTION IF EXISTS chancery_amendments_history()`);
  }
}
