import type {
  DocumentHeaderData,
  DocumentLanguage,
  MeetingData,
  ParagraphData,
  VersionData,
} from '@chancery/documents';
import {
  type RevisionContent,
  type TranslationContent,
  paragraphIndex,
  translationState,
} from '@chancery/domain';
import {
  AmendmentRepository,
  DocumentRepository,
  type DraftRepository,
  type DraftRow,
  LanguageRepository,
  type MeetingDocumentRow,
  type RevisionRow,
  type TranslationRow,
  localized,
  localizedOrNull,
} from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';

// A reference row's name in the document's language (see localized: `name_<code>` columns).
export const pick = (row: object, column: string, language: DocumentLanguage): string =>
  localized(row, column, language);

export const day = (value: Date | string): string => new Date(value).toISOString().slice(0, 10);

/** A language's name in another's words ("английский"), from the platform (Intl), not a list. */
export function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
}

export const contentOf = (row: TranslationRow | null): TranslationContent | null =>
  row ? { title: row.title, titleOutdated: row.titleOutdated, paragraphs: row.paragraphs } : null;

/** "PP 2", "OP 3": how negotiators name paragraphs in a report, in either working language. */
export function paragraphLabels(content: RevisionContent): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [id, place] of paragraphIndex(content)) {
    labels.set(id, `${place.part === 'preamble' ? 'PP' : 'OP'} ${place.number}`);
  }
  return labels;
}

/** A revision as a document prints it in one language: the original, or its version there. */
export interface TextInLanguage {
  version: VersionData;
  title: string;
  preamble: ParagraphData[];
  operative: ParagraphData[];
}

const NO_VERSION: VersionData = { status: 'original', original: '', outdated: 0 };

/**
 * The reads every document shares: the forum and its header, the meeting, the draft and its
 * revisions, and a revision's text in the document's language. Pure reads.
 */
export class DocumentReads {
  constructor(
    readonly manager: EntityManager,
    readonly drafts: DraftRepository,
    readonly documents: DocumentRepository = new DocumentRepository(),
    readonly amendments: AmendmentRepository = new AmendmentRepository(),
    readonly languages: LanguageRepository = new LanguageRepository(),
  ) {}

  /**
   * The revision in the document's language: the original when the draft was negotiated in it,
   * else its version there, paragraph by paragraph (outdated ones marked, missing ones empty);
   * a version nobody entered prints no text at all. `original-text` keeps the original on
   * purpose (a compilation: the amendments are in the original language) and says so.
   */
  async textIn(
    draft: DraftRow,
    revision: RevisionRow,
    language: DocumentLanguage,
    mode: 'version' | 'original-text' = 'version',
  ): Promise<TextInLanguage> {
    const { content } = revision;
    const original = {
      title: content.title,
      preamble: content.preamble,
      operative: content.operative,
    };
    if (language === draft.language) return { version: NO_VERSION, ...original };
    const { locale } = await this.forum(language);
    const originalName = languageName(draft.language, locale);
    if (mode === 'original-text')
      return {
        version: { status: 'original-text', original: originalName, outdated: 0 },
        ...original,
      };
    const translation = contentOf(
      await this.languages.translation(this.manager, draft.id, revision.number, language),
    );
    const state = translationState(content, translation);
    const version: VersionData = {
      status: state.status,
      original: originalName,
      outdated: state.outdatedParagraphs.length + (state.titleOutdated ? 1 : 0),
    };
    if (translation === null) return { version, title: '', preamble: [], operative: [] };
    const byId = new Map(translation.paragraphs.map((p) => [p.id, p]));
    const inLanguage = (list: RevisionContent['preamble']): ParagraphData[] =>
      list.map((p) => {
        const translated = byId.get(p.id);
        if (!translated) return { id: p.id, text: '', status: 'missing' };
        return {
          id: p.id,
          text: translated.text,
          status: translated.outdated ? 'outdated' : 'current',
        };
      });
    return {
      version,
      title: translation.title ?? '',
      preamble: inLanguage(content.preamble),
      operative: inLanguage(content.operative),
    };
  }

  /** What a text's version adds to a document's cache key: the version's own counter. */
  async versionKey(draft: DraftRow, numbers: number[], language: DocumentLanguage) {
    if (language === draft.language) return null;
    const stored = await this.languages.translationVersions(
      this.manager,
      draft.id,
      numbers,
      language,
    );
    return { original: draft.language, versions: numbers.map((n) => stored.get(n) ?? null) };
  }

  async forum(language: DocumentLanguage) {
    const forum = await this.documents.forum(this.manager, language);
    if (!forum)
      throw new Error(
        `The forum is not set up in ${language}: seed it, or add the language to the languages table`,
      );
    return {
      acronym: forum.forum_acronym,
      name: forum.forum_name,
      locale: forum.locale,
      symbolPrefix: forum.acronym,
    };
  }

  async header(
    language: DocumentLanguage,
    symbol: string,
    distribution: string,
    draft: boolean,
    date: string,
    version: VersionData = NO_VERSION,
  ) {
    const forum = await this.forum(language);
    const header: DocumentHeaderData = {
      forum: { acronym: forum.acronym, name: forum.name },
      symbol,
      distribution,
      date,
      language,
      draft,
      version,
      originalLanguage: version.status === 'original' ? null : version.original,
    };
    return header;
  }

  async meeting(
    meetingId: string,
    language: DocumentLanguage,
  ): Promise<{ row: MeetingDocumentRow; data: MeetingData }> {
    const row = await this.documents.meeting(this.manager, meetingId);
    if (!row) throw notFound('Meeting', meetingId, 'id');
    return {
      row,
      data: {
        bodyCode: row.body_code,
        bodyName: pick(row, 'body_name', language),
        sequence: row.sequence,
        title: pick(row, 'title', language),
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        venue: localizedOrNull(row, 'venue', language),
        format: row.format as MeetingData['format'],
        chair: row.chair,
        coChairs: row.co_chairs,
      },
    };
  }

  async draft(draftId: string): Promise<DraftRow> {
    const draft = await this.drafts.find(this.manager, draftId);
    if (!draft) throw notFound('Draft', draftId, 'id');
    return draft;
  }

  async revisionOf(draft: DraftRow, number: number): Promise<RevisionRow> {
    const revision = await this.drafts.revision(this.manager, draft.id, number);
    if (!revision) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
    return revision;
  }

  /** The authors' names of revisions that must exist (404 for the first one that does not). */
  async revisionAuthors(draft: DraftRow, numbers: number[]): Promise<string[]> {
    const rows = await this.documents.revisionAuthors(this.manager, draft.id, numbers);
    return numbers.map((number) => {
      const row = rows.find((candidate) => candidate.number === number);
      if (!row) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
      return row.author;
    });
  }
}
