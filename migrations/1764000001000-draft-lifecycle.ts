import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts, their immutable revisions, positions with full history, silence procedures, the
 * link from agenda items to drafts, and the append-only, hash-chained audit log.
 */
export class DraftLifecycle1764000001000 implements MigrationInterface {
  name = 'DraftLifecycle1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        symbol text NOT NULL UNIQUE,
        document_number integer NOT NULL CHECK (document_number > 0),
        type varchar(32) NOT NULL CHECK (type IN ('statement', 'declaration', 'concept-paper', 'action-plan',
          'calendar', 'budget', 'decision', 'report')),
        title text NOT NULL CHECK (btrim(title) <> ''),
        language varchar(2) NOT NULL CHECK (language IN ('en', 'ru')),
        adopting_body_id uuid NOT NULL REFERENCES bodies (id) ON DELETE RESTRICT,
        meeting_id uuid REFERENCES meetings (id) ON DELETE RESTRICT,
        penholder_id uuid NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
        status varchar(24) NOT NULL DEFAULT 'PROPOSED'
          CHECK (status IN ('PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS', 'ADOPTED', 'WITHDRAWN')),
        current_revision integer NOT NULL DEFAULT 0 CHECK (current_revision >= 0),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        consensus_method varchar(16) CHECK (consensus_method IN ('explicit', 'silence')),
        consensus_revision integer,
        consensus_at timestamptz,
        consensus_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        adopted_at timestamptz,
        adopted_meeting_id uuid REFERENCES meetings (id) ON DELETE RESTRICT,
        adopted_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        withdrawn_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (adopting_body_id, meeting_id, document_number),
        CHECK ((status IN ('CONSENSUS', 'ADOPTED')) = (consensus_method IS NOT NULL AND consensus_at IS NOT NULL
          AND consensus_revision IS NOT NULL)),
        CHECK ((status = 'ADOPTED') = (adopted_at IS NOT NULL AND adopted_meeting_id IS NOT NULL)),
        CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)),
        CHECK (status IN ('PROPOSED', 'WITHDRAWN') OR current_revision > 0),
        CHECK (consensus_revision IS NULL OR consensus_revision = current_revision)
      )`);
    await db.query(
      `CREATE INDEX drafts_open ON drafts (status) WHERE status IN ('PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS')`,
    );
    await db.query(`CREATE INDEX drafts_meeting_id ON drafts (meeting_id)`);

    await db.query(`
      CREATE TABLE revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL REFERENCES drafts (id) ON DELETE RESTRICT,
        number integer NOT NULL CHECK (number > 0),
        title text NOT NULL CHECK (btrim(title) <> ''),
        content jsonb NOT NULL CHECK (jsonb_typeof(content -> 'preamble') = 'array'
          AND jsonb_typeof(content -> 'operative') = 'array'),
        note text,
        created_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (draft_id, number)
      )`);

    await db.query(`
      CREATE TABLE positions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL,
        revision_number integer NOT NULL,
        participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
        stance varchar(16) NOT NULL CHECK (stance IN ('concur', 'reservation', 'objection')),
        text text,
        paragraphs text[] NOT NULL DEFAULT '{}',
        on_behalf boolean NOT NULL DEFAULT false,
        recorded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        FOREIGN KEY (draft_id, revision_number) REFERENCES revisions (draft_id, number) ON DELETE RESTRICT,
        CHECK (stance = 'concur' OR (text IS NOT NULL AND btrim(text) <> '')),
        CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
      )`);
    // One standing position per state and revision; earlier ones stay as history.
    await db.query(`CREATE UNIQUE INDEX positions_one_standing ON positions (draft_id, revision_number, participant_id)
      WHERE superseded_at IS NULL`);

    await db.query(`
      CREATE TABLE silence_procedures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL,
        revision_number integer NOT NULL,
        deadline timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'held', 'broken', 'cancelled')),
        started_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        started_at timestamptz NOT NULL DEFAULT now(),
        concluded_at timestamptz,
        objectors text[] NOT NULL DEFAULT '{}',
        FOREIGN KEY (draft_id, revision_number) REFERENCES revisions (draft_id, number) ON DELETE RESTRICT,
        CHECK ((status = 'running') = (concluded_at IS NULL)),
        CHECK (deadline > started_at)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX silence_one_running ON silence_procedures (draft_id) WHERE status = 'running'`,
    );
    await db.query(
      `CREATE INDEX silence_due ON silence_procedures (deadline) WHERE status = 'running'`,
    );

    await db.query(`
      CREATE TABLE agenda_item_drafts (
        agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
        draft_id uuid NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        PRIMARY KEY (agenda_item_id, draft_id)
      )`);
    await db.query(`CREATE INDEX agenda_item_drafts_draft_id ON agenda_item_drafts (draft_id)`);

    await db.query(`
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        actor_label text NOT NULL,
        draft_id uuid REFERENCES drafts (id) ON DELETE RESTRICT,
        action text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`);
    await db.query(`CREATE INDEX audit_log_draft_id ON audit_log (draft_id, seq)`);

    // What must never change is refused by the database itself, whoever connects.
    await db.query(`
      CREATE FUNCTION chancery_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION chancery_refuse_change()`);
    await db.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION chancery_refuse_change()`);
    await db.query(`CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON revisions
      FOR EACH ROW EXECUTE FUNCTION chancery_refuse_change()`);
    await db.query(`
      CREATE FUNCTION chancery_positions_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'positions are kept as history: DELETE refused' USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- The only change a position ever undergoes is being superseded, once.
        IF OLD.superseded_at IS NOT NULL OR NEW.superseded_at IS NULL
           OR (to_jsonb(NEW) - 'superseded_at') <> (to_jsonb(OLD) - 'superseded_at') THEN
          RAISE EXCEPTION 'positions are kept as history: only superseding is allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER positions_history BEFORE UPDATE OR DELETE ON positions
      FOR EACH ROW EXECUTE FUNCTION chancery_positions_history()`);
    await db.query(`
      CREATE FUNCTION chancery_revision_on_open_draft() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT status FROM drafts WHERE id = NEW.draft_id) IN ('ADOPTED', 'WITHDRAWN') THEN
          RAISE EXCEPTION 'an adopted or withdrawn draft is frozen' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER revisions_open_draft BEFORE INSERT ON revisions
      FOR EACH ROW EXECUTE FUNCTION chancery_revision_on_open_draft()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'agenda_item_drafts',
      'silence_procedures',
      'positions',
      'revisions',
      'drafts',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    for (const fn of [
      'chancery_refuse_change',
      'chancery_positions_history',
      'chancery_revision_on_open_draft',
    ]) {
      await db.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
  }
}
