import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's language becomes a choice: NULL until they make one, so that the desk can follow
 * the browser's Accept-Language meanwhile (and mail, which has no browser, prints English).
 * No one could choose before this migration, so every 'en' so far was the default, not a
 * choice; a 'ru' was set on purpose and stays.
 */
export class UserLanguageChoice1765000019000 implements MigrationInterface {
  name = 'UserLanguageChoice1765000019000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE users ALTER COLUMN language DROP NOT NULL, ALTER COLUMN language DROP DEFAULT`,
    );
    await db.query(`UPDATE users SET language = NULL WHERE language = 'en'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE users SET language = 'en' WHERE language IS NULL`);
    await db.query(
      `ALTER TABLE users ALTER COLUMN language SET DEFAULT 'en', ALTER COLUMN language SET NOT NULL`,
    );
  }
}
