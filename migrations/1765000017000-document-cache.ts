import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered Word files by the content hash of their inputs, shared by every replica, and the
 * claims through which one replica renders a content while the others wait for its row.
 */
export class DocumentCache1765000017000 implements MigrationInterface {
  name = 'DocumentCache1765000017000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_cache (
        key text PRIMARY KEY CONSTRAINT document_cache_key_check CHECK (key ~ '^[0-9a-f]{64}$'),
        document text NOT NULL,
        content bytea NOT NULL,
        bytes integer NOT NULL CONSTRAINT document_cache_bytes_check CHECK (bytes = octet_length(content)),
        sha256 text NOT NULL CONSTRAINT document_cache_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        renders integer NOT NULL DEFAULT 1 CONSTRAINT document_cache_renders_check CHECK (renders > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A .docx is a zip already: compressing it again costs time and saves nothing.
    await db.query(`ALTER TABLE document_cache ALTER COLUMN content SET STORAGE EXTERNAL`);
    await db.query(`CREATE INDEX document_cache_last_used_at ON document_cache (last_used_at)`);
    await db.query(`
      CREATE TABLE document_render_claims (
        key text PRIMARY KEY,
        owner uuid NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS document_render_claims`);
    await db.query(`DROP TABLE IF EXISTS document_cache`);
  }
}
