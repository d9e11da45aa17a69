import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'under-review', 'revision', 'silence-started', 'silence-broken', 'consensus', 'adopted', 'amendment'`;

/**
 * The notices outbox (written in the change's transaction, delivered after commit), each user's
 * opt-outs, the language and time zone notices are printed in, and the live desk's event log
 * (ids that a reconnecting page resumes from).
 */
export class NoticesAndDeskEvents1765000015000 implements MigrationInterface {
  name = 'NoticesAndDeskEvents1765000015000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru')),
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC' CHECK (btrim(time_zone) <> '')`);
    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        opt_out text[] NOT NULL DEFAULT '{}' CHECK (opt_out <@ ARRAY[${KINDS}]::text[]),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL CHECK (kind IN (${KINDS})),
        draft_id uuid REFERENCES drafts (id) ON DELETE CASCADE,
        facts jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- inbox: no mail server configured; pending → sent, or failed for good.
        delivery varchar(16) NOT NULL CHECK (delivery IN ('inbox', 'pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz,
        sent_at timestamptz,
        last_error text,
        -- The mail's Message-ID, fixed when the notice is written: a retry sends the same one.
        message_id text NOT NULL UNIQUE,
        CHECK ((delivery = 'pending') = (next_attempt_at IS NOT NULL)),
        CHECK ((delivery = 'sent') = (sent_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX notices_recipient ON notices (recipient_id, created_at)`);
    await db.query(
      `CREATE INDEX notices_due ON notices (next_attempt_at) WHERE delivery = 'pending'`,
    );
    await db.query(`CREATE INDEX notices_draft_id ON notices (draft_id)`);
    await db.query(`
      CREATE TABLE desk_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type varchar(32) NOT NULL CHECK (btrim(type) <> ''),
        draft_id uuid REFERENCES drafts (id) ON DELETE CASCADE,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX desk_events_created_at ON desk_events (created_at)`);
    await db.query(`CREATE INDEX desk_events_draft_id ON desk_events (draft_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS desk_events`);
    await db.query(`DROP TABLE IF EXISTS notices`);
    await db.query(`DROP TABLE IF EXISTS notification_settings`);
    await db.query(
      `ALTER TABLE users DROP COLUMN IF EXISTS time_zone, DROP COLUMN IF EXISTS language`,
    );
  }
}
