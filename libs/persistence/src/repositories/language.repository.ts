import type { TranslationContent } from '@chancery/domain';
import type { EntityManager } from 'typeorm';

/** One working language of the forum, with the forum's names in it. */
export interface LanguageRow {
  code: string;
  name: string;
  native_name: string;
  locale: string;
  forum_name: string;
  forum_acronym: string;
  position: number;
}

export interface TranslationRow extends TranslationContent {
  draft_id: string;
  revision_number: number;
  language: string;
  version: number;
  updated_at: Date;
  updated_by_name: string;
}

export interface TranslationToStore extends TranslationContent {
  draftId: string;
  revisionNumber: number;
  language: string;
  updatedBy: string;
  updatedAt: Date;
}

const TRANSLATION_SELECT = `
  SELECT t.draft_id, t.revision_number, t.language, t.title, t.title_outdated AS "titleOutdated",
         t.paragraphs, t.version, t.updated_at, u.display_name AS updated_by_name
    FROM translations t JOIN users u ON u.id = t.updated_by`;

/** The forum's working languages and the revisions' versions in them: queries only. */
export class LanguageRepository {
  languages(manager: EntityManager): Promise<LanguageRow[]> {
    return manager.query<LanguageRow[]>(
      `SELECT code, name, native_name, locale, forum_name, forum_acronym, position
         FROM languages ORDER BY position`,
    );
  }

  async adoptionRule(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ adoption_rule: string }[]>(
      'SELECT adoption_rule FROM forum',
    );
    return row?.adoption_rule ?? 'original';
  }

  async translation(
    manager: EntityManager,
    draftId: string,
    revision: number,
    language: string,
  ): Promise<TranslationRow | null> {
    const [row] = await manager.query<TranslationRow[]>(
      `${TRANSLATION_SELECT} WHERE t.draft_id = $1 AND t.revision_number = $2 AND t.language = $3`,
      [draftId, revision, language],
    );
    return row ?? null;
  }

  /**
   * The version numbers of revisions in one language (a revision without that version is
   * absent): what a document's cache key needs, without reading the paragraphs.
   */
  async translationVersions(
    manager: EntityManager,
    draftId: string,
    revisions: number[],
    language: string,
  ): Promise<Map<number, number>> {
    const rows = await manager.query<{ revision_number: number; version: number }[]>(
      `SELECT revision_number, version FROM translations
        WHERE draft_id = $1 AND revision_number = ANY($2::int[]) AND language = $3`,
      [draftId, revisions, language],
    );
    return new Map(rows.map((row) => [row.revision_number, row.version]));
  }

  /** Every version of one revision, by language. */
  translations(
    manager: EntityManager,
    draftId: string,
    revision: number,
  ): Promise<TranslationRow[]> {
    return manager.query<TranslationRow[]>(
      `${TRANSLATION_SELECT} WHERE t.draft_id = $1 AND t.revision_number = $2 ORDER BY t.language`,
      [draftId, revision],
    );
  }

  /** Writes a revision's version in one language; its version number moves with every change. */
  async store(manager: EntityManager, t: TranslationToStore): Promise<number> {
    const [row] = await manager.query<{ version: number }[]>(
      `INSERT INTO translations (draft_id, revision_number, language, title, title_outdated, paragraphs,
                                 updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (draft_id, revision_number, language) DO UPDATE
         SET title = EXCLUDED.title, title_outdated = EXCLUDED.title_outdated,
             paragraphs = EXCLUDED.paragraphs, updated_by = EXCLUDED.updated_by,
             updated_at = EXCLUDED.updated_at, version = translations.version + 1
       RETURNING version`,
      [
        t.draftId,
        t.revisionNumber,
        t.language,
        t.title,
        t.titleOutdated,
        JSON.stringify(t.paragraphs),
        t.updatedBy,
        t.updatedAt,
      ],
    );
    return row.version;
  }
}
