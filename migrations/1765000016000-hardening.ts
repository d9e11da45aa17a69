import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions (a token is only as good as its row), stored answers to idempotent
 * POSTs, and keyed checkpoints of the audit chain's head.
 */
export class Hardening1765000016000 implements MigrationInterface {
  name = 'Hardening1765000016000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_id ON sessions (user_id)`);
    // Whoever changes a password or disables an account (the service, an admin with psql), every
    // session of that user ends with it.
    await db.query(`
      CREATE FUNCTION chancery_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR (OLD.active AND NOT NEW.active) THEN
          UPDATE sessions SET revoked_at = now() WHERE user_id = NEW.id AND revoked_at IS NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER users_revoke_sessions AFTER UPDATE OF password_hash, active ON users
      FOR EACH ROW EXECUTE FUNCTION chancery_revoke_sessions()`);

    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_headers jsonb,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);

    await db.query(`
      CREATE TABLE audit_checkpoints (
        seq bigint PRIMARY KEY,
        hash text NOT NULL,
        entries bigint NOT NULL,
        mac text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION chancery_refuse_change()`);
    await db.query(`CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION chancery_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS audit_checkpoints`);
    await db.query(`DROP TABLE IF EXISTS idempotency_keys`);
    await db.query(`DROP TRIGGER IF EXISTS users_revoke_sessions ON users`);
    await db.query(`DROP FUNCTION IF EXISTS chancery_revoke_sessions()`);
    await db.query(`DROP TABLE IF EXISTS sessions`);
  }
}
