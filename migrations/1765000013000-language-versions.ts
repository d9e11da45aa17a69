import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forum's working languages become data (one row each, with the forum's name in that
 * language), a draft's original language is one of them, each revision may have a version in
 * every other working language paragraph for paragraph, and the forum says whether adoption
 * waits for every version.
 */
export class LanguageVersions1765000013000 implements MigrationInterface {
  name = 'LanguageVersions1765000013000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE languages (
        code varchar(8) PRIMARY KEY CONSTRAINT languages_code_check CHECK (code ~ '^[a-z]{2,3}$'),
        -- Its name in English and in itself: "Russian", "русский".
        name text NOT NULL CONSTRAINT languages_name_check CHECK (btrim(name) <> ''),
        native_name text NOT NULL CONSTRAINT languages_native_name_check CHECK (btrim(native_name) <> ''),
        -- The BCP 47 tag dates and sorting follow (Intl): en-GB writes "17 December 2024".
        locale text NOT NULL CONSTRAINT languages_locale_check CHECK (btrim(locale) <> ''),
        -- The forum's own name and acronym in this language (CICA, СВМДА).
        forum_name text NOT NULL CONSTRAINT languages_forum_name_check CHECK (btrim(forum_name) <> ''),
        forum_acronym text NOT NULL CONSTRAINT languages_forum_acronym_check CHECK (btrim(forum_acronym) <> ''),
        position smallint NOT NULL CONSTRAINT languages_position_key UNIQUE
      )`);
    // An installation that predates this table worked in the two languages the code then knew;
    // its forum row holds both names, which move here.
    await db.query(`
      INSERT INTO languages (code, name, native_name, locale, forum_name, forum_acronym, position)
      SELECT 'en', 'English', 'English', 'en-GB', name, acronym, 1 FROM forum
      UNION ALL
      SELECT 'ru', 'Russian', 'русский', 'ru-RU', name_ru, acronym_ru, 2 FROM forum`);
    await db.query(`
      ALTER TABLE forum
        DROP CONSTRAINT forum_name_ru_check,
        DROP COLUMN acronym_ru,
        DROP COLUMN name_ru,
        ADD COLUMN adoption_rule varchar(16) NOT NULL DEFAULT 'original'
          CONSTRAINT forum_adoption_rule_check CHECK (adoption_rule IN ('original', 'strict'))`);
    await db.query(`
      ALTER TABLE drafts
        DROP CONSTRAINT drafts_language_check,
        ALTER COLUMN language TYPE varchar(8),
        ADD CONSTRAINT drafts_language_fkey FOREIGN KEY (language) REFERENCES languages (code) ON DELETE RESTRICT`);
    // users.language (the language of a user's notices) comes with a later migration of its
    // own (1765000015000) and is left to the desk's language choice.
    await db.query(`
      CREATE TABLE translations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL,
        revision_number integer NOT NULL,
        language varchar(8) NOT NULL CONSTRAINT translations_language_fkey REFERENCES languages (code) ON DELETE RESTRICT,
        title text,
        title_outdated boolean NOT NULL DEFAULT false,
        -- [{id, text, outdated}] in the original's order; a paragraph not yet translated is absent.
        paragraphs jsonb NOT NULL CONSTRAINT translations_paragraphs_check CHECK (jsonb_typeof(paragraphs) = 'array'),
        -- Moves with every change: part of the documents' cache keys.
        version integer NOT NULL DEFAULT 1 CONSTRAINT translations_version_check CHECK (version > 0),
        updated_by uuid NOT NULL CONSTRAINT translations_updated_by_fkey REFERENCES users (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT translations_draft_id_revision_number_language_key UNIQUE (draft_id, revision_number, language),
        CONSTRAINT translations_draft_id_revision_number_fkey FOREIGN KEY (draft_id, revision_number)
          REFERENCES revisions (draft_id, number) ON DELETE RESTRICT
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS translations`);
    await db.query(`
      ALTER TABLE drafts
        DROP CONSTRAINT drafts_language_fkey,
        ALTER COLUMN language TYPE varchar(2),
        ADD CONSTRAINT drafts_language_check CHECK (language IN ('en', 'ru'))`);
    await db.query(`
      ALTER TABLE forum
        DROP COLUMN adoption_rule,
        ADD COLUMN acronym_ru varchar(16),
        ADD COLUMN name_ru text`);
    await db.query(`
      UPDATE forum SET acronym_ru = l.forum_acronym, name_ru = l.forum_name
        FROM languages l WHERE l.code = 'ru'`);
    await db.query(`UPDATE forum SET acronym_ru = acronym, name_ru = name WHERE name_ru IS NULL`);
    await db.query(`
      ALTER TABLE forum
        ALTER COLUMN acronym_ru SET NOT NULL,
        ALTER COLUMN name_ru SET NOT NULL,
        ADD CONSTRAINT forum_name_ru_check CHECK (btrim(name_ru) <> '')`);
    await db.query(`DROP TABLE IF EXISTS languages`);
  }
}
