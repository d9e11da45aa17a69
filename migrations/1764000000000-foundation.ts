import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data, meetings with their agendas, users and their roles. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await db.query(`
      CREATE TABLE forum (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        acronym varchar(16) NOT NULL CHECK (acronym ~ '^[A-Z][A-Z0-9]{1,15}$'),
        acronym_ru varchar(16) NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_ru text NOT NULL CHECK (btrim(name_ru) <> ''),
        seat text
      )`);
    await db.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9-]{1,15}$'),
        kind varchar(32) NOT NULL
          CHECK (kind IN ('member-state', 'observer-state', 'observer-organisation', 'partner-organisation')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_ru text NOT NULL CHECK (btrim(name_ru) <> ''),
        joined date,
        left_on date,
        uncertain boolean NOT NULL DEFAULT false,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- States are named by their ISO 3166 alpha-3 code; organisations by an acronym.
        CHECK (kind NOT IN ('member-state', 'observer-state') OR code ~ '^[A-Z]{3}$'),
        CHECK (left_on IS NULL OR joined IS NULL OR left_on > joined)
      )`);
    await db.query(`
      CREATE TABLE bodies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_ru text NOT NULL CHECK (btrim(name_ru) <> ''),
        level integer NOT NULL CHECK (level > 0),
        adopts text[] NOT NULL DEFAULT '{}' CHECK (adopts <@ ARRAY['statement', 'declaration', 'concept-paper',
          'action-plan', 'calendar', 'budget', 'decision', 'report']::text[]),
        reviews_drafts boolean NOT NULL DEFAULT false,
        meets_every_years integer CHECK (meets_every_years > 0),
        note text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX bodies_one_reviewing_body ON bodies (reviews_drafts) WHERE reviews_drafts`,
    );
    await db.query(`
      CREATE TABLE chairmanships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
        starts_on date NOT NULL,
        ends_on date,
        uncertain boolean NOT NULL DEFAULT false,
        note text,
        CHECK (ends_on IS NULL OR ends_on > starts_on)
      )`);
    await db.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES bodies (id) ON DELETE RESTRICT,
        sequence integer NOT NULL CHECK (sequence > 0),
        title text NOT NULL CHECK (btrim(title) <> ''),
        title_ru text,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        venue text,
        venue_ru text,
        format varchar(16) NOT NULL CHECK (format IN ('in-person', 'videoconference', 'hybrid')),
        chair text,
        co_chairs text[] NOT NULL DEFAULT '{}',
        status varchar(16) NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'convened', 'closed', 'cancelled')),
        note text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (body_id, sequence),
        CHECK (ends_on >= starts_on)
      )`);
    await db.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        title text NOT NULL CHECK (btrim(title) <> ''),
        title_ru text,
        annotation text,
        annotation_ru text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Deferred so that a reorder can renumber every item inside one transaction.
        CONSTRAINT agenda_items_number_unique UNIQUE (meeting_id, number) DEFERRABLE INITIALLY DEFERRED
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        display_name text NOT NULL CHECK (btrim(display_name) <> ''),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE user_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'secretariat', 'chair', 'delegate', 'observer')),
        body_id uuid REFERENCES bodies (id) ON DELETE RESTRICT,
        participant_id uuid REFERENCES participants (id) ON DELETE RESTRICT,
        -- A chair chairs a body; a delegate belongs to a state; no other role names either.
        CHECK ((role = 'chair') = (body_id IS NOT NULL)),
        CHECK ((role = 'delegate') = (participant_id IS NOT NULL)),
        UNIQUE NULLS NOT DISTINCT (user_id, role, body_id, participant_id)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX user_roles_one_state_per_delegate ON user_roles (user_id) WHERE role = 'delegate'`,
    );
    await db.query(`CREATE INDEX meetings_body_id ON meetings (body_id)`);
    await db.query(`CREATE INDEX chairmanships_participant_id ON chairmanships (participant_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'user_roles',
      'users',
      'agenda_items',
      'meetings',
      'chairmanships',
      'bodies',
      'participants',
      'forum',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
