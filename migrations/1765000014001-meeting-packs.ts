import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting packs: one row per built (or building) archive, found again by the content hash of
 * its inputs, with its progress; the archive itself in 1 MiB rows, so that every replica can
 * serve it and none holds it whole in memory.
 */
export class MeetingPacks1765000014001 implements MigrationInterface {
  name = 'MeetingPacks1765000014001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE meeting_packs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        input_hash text NOT NULL CHECK (input_hash ~ '^[0-9a-f]{64}$'),
        languages text[] NOT NULL,
        formats text[] NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
        total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
        error text,
        manifest jsonb,
        bytes bigint,
        sha256 text,
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX meeting_packs_meeting_id ON meeting_packs (meeting_id, input_hash, created_at)`,
    );
    await db.query(`
      CREATE TABLE meeting_pack_chunks (
        pack_id uuid NOT NULL REFERENCES meeting_packs (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (pack_id, seq)
      )`);
    // A zip of Word files and PDFs is compressed already.
    await db.query(`ALTER TABLE meeting_pack_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS meeting_pack_chunks`);
    await db.query(`DROP TABLE IF EXISTS meeting_packs`);
  }
}
