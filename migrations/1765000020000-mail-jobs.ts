import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail is delivered by a job per notice (pg-boss, `mail-notice`), which keeps its own schedule
 * of retries: the notice no longer says when it is next due. Pending notices from before this
 * migration get their jobs when the service starts (it enqueues every pending notice's job,
 * harmlessly for those that have one).
 */
export class MailJobs1765000020000 implements MigrationInterface {
  name = 'MailJobs1765000020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notices_due`);
    await db.query(`ALTER TABLE notices DROP CONSTRAINT notices_check`);
    await db.query(`ALTER TABLE notices DROP COLUMN next_attempt_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notices ADD COLUMN next_attempt_at timestamptz`);
    await db.query(`UPDATE notices SET next_attempt_at = created_at WHERE delivery = 'pending'`);
    await db.query(
      `ALTER TABLE notices ADD CONSTRAINT notices_check CHECK ((delivery = 'pending') = (next_attempt_at IS NOT NULL))`,
    );
    await db.query(
      `CREATE INDEX notices_due ON notices (next_attempt_at) WHERE delivery = 'pending'`,
    );
  }
}
