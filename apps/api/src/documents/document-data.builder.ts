import type {
  AgendaDocumentData,
  ConcordanceData,
  ParagraphData,
  VersionData,
  ConsensusDraftData,
  ConsensusReportData,
  DocumentHeaderData,
  DocumentLanguage,
  ListOfDocumentsData,
  MeetingData,
  OutcomeDocumentData,
  PositionData,
  PositionStance,
  RedlineData,
  RevisionSnapshot,
} from '@chancery/documents';
import {
  AGENDA_STATUSES,
  REPORTED_STATUSES,
  type RevisionContent,
  type TranslationContent,
  carriesDraftMark,
  evaluateConsensus,
  paragraphIndex,
  revisionSymbol,
  translationState,
} from '@chancery/domain';
import {
  AmendmentRepository,
  DocumentRepository,
  type DraftRepository,
  LanguageRepository,
  type TranslationRow,
  type DraftRow,
  type MeetingDocumentRow,
  type RevisionRow,
  draftFacts,
  localized,
  localizedOrNull,
  toPositionRecord,
} from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';
import { amendmentRounds } from './compilation-data';

// A reference row's name in the document's language (see localized: `name_<code>` columns).
const pick = (row: object, column: string, language: DocumentLanguage): string =>
  localized(row, column, language);

const day = (value: Date | string): string => new Date(value).toISOString().slice(0, 10);

/** A language's name in another's words ("английский"), from the platform (Intl), not a list. */
function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
}

const contentOf = (row: TranslationRow | null): TranslationContent | null =>
  row ? { title: row.title, titleOutdated: row.titleOutdated, paragraphs: row.paragraphs } : null;

/** A revision as a document prints it in one language: the original, or its version there. */
interface TextInLanguage {
  version: VersionData;
  title: string;
  preamble: ParagraphData[];
  operative: ParagraphData[];
}

const NO_VERSION: VersionData = { status: 'original', original: '', outdated: 0 };

/**
 * Turns database rows into the plain data the templates receive (libs/documents'
 * document-data.ts). Pure reads; the caller renders and audits.
 */
export class DocumentDataBuilder {
  constructor(
    private readonly manager: EntityManager,
    private readonly drafts: DraftRepository,
    private readonly documents: DocumentRepository = new DocumentRepository(),
    private readonly amendments: AmendmentRepository = new AmendmentRepository(),
    private readonly languages: LanguageRepository = new LanguageRepository(),
  ) {}

  /**
   * The revision in the document's language: the original when the draft was negotiated in it,
   * else its version there, paragraph by paragraph (outdated ones marked, missing ones empty);
   * a version nobody entered prints no text at all. `original-text` keeps the original on
   * purpose (a compilation: the amendments are in the original language) and says so.
   */
  private async textIn(
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
  private async versionKey(draft: DraftRow, numbers: number[], language: DocumentLanguage) {
    if (language === draft.language) return null;
    const versions: (number | null)[] = [];
    for (const number of numbers) {
      const row = await this.languages.translation(this.manager, draft.id, number, language);
      versions.push(row ? row.version : null);
    }
    return { original: draft.language, versions };
  }

  private async forum(language: DocumentLanguage) {
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

  private async header(
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

  private async meeting(
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

  private meetingSymbol(prefix: string, row: MeetingDocumentRow, suffix: string): string {
    return `${prefix}/${row.body_code}/${row.sequence}/${suffix}`;
  }

  /** Provisional agenda (`…/1`) and annotated agenda (`…/1/Add.1`, as the UN numbers annotations). */
  async agenda(
    meetingId: string,
    language: DocumentLanguage,
    annotated: boolean,
  ): Promise<{ symbol: string; data: AgendaDocumentData }> {
    const { row, data: meeting } = await this.meeting(meetingId, language);
    const forum = await this.forum(language);
    const items = await this.documents.agenda(this.manager, meetingId, AGENDA_STATUSES);
    const symbol = this.meetingSymbol(forum.symbolPrefix, row, annotated ? '1/Add.1' : '1');
    return {
      symbol,
      data: {
        header: await this.header(language, symbol, 'General', false, row.starts_on),
        meeting,
        items: items.map((item) => ({
          number: item.number,
          title: pick(item, 'title', language),
          annotation: annotated ? localizedOrNull(item, 'annotation', language) : null,
          documents: item.documents.map((d) => ({
            symbol: revisionSymbol(d.symbol, d.revision),
            title: d.title,
          })),
        })),
      },
    };
  }

  async listOfDocuments(
    meetingId: string,
    language: DocumentLanguage,
  ): Promise<{ symbol: string; data: ListOfDocumentsData }> {
    const { row, data: meeting } = await this.meeting(meetingId, language);
    const forum = await this.forum(language);
    const documents = await this.documents.listOfDocuments(this.manager, meetingId);
    const symbol = this.meetingSymbol(forum.symbolPrefix, row, 'INF.1');
    return {
      symbol,
      data: {
        header: await this.header(language, symbol, 'General', false, row.starts_on),
        meeting,
        documents: documents.map((d) => ({
          symbol: revisionSymbol(d.symbol, d.revision),
          title: d.title,
          type: d.type,
          status: d.status,
          revision: d.revision,
          agendaItem: d.agenda_item,
        })),
      },
    };
  }

  private async revisionOf(draft: DraftRow, number: number): Promise<RevisionRow> {
    const revision = await this.drafts.revision(this.manager, draft.id, number);
    if (!revision) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
    return revision;
  }

  private async draft(draftId: string): Promise<DraftRow> {
    const draft = await this.drafts.find(this.manager, draftId);
    if (!draft) throw notFound('Draft', draftId, 'id');
    return draft;
  }

  async outcome(
    draftId: string,
    language: DocumentLanguage,
    revisionNumber?: number,
    mode: 'version' | 'original-text' = 'version',
  ): Promise<{ symbol: string; draft: DraftRow; data: OutcomeDocumentData }> {
    const draft = await this.draft(draftId);
    const number = revisionNumber ?? draft.current_revision;
    if (number < 1) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
    const revision = await this.revisionOf(draft, number);
    const text = await this.textIn(draft, revision, language, mode);
    const symbol = revisionSymbol(draft.symbol, number);
    const adoptedText = !carriesDraftMark(draftFacts(draft), number);
    let adoption: OutcomeDocumentData['adoption'] = null;
    if (adoptedText && draft.adopted_meeting_id && draft.adopted_at) {
      const { data: meeting } = await this.meeting(draft.adopted_meeting_id, language);
      adoption = { meeting: meeting.title, date: day(draft.adopted_at) };
    }
    return {
      symbol,
      draft,
      data: {
        header: await this.header(
          language,
          symbol,
          adoptedText ? 'General' : 'Restricted',
          !adoptedText,
          day(revision.created_at),
          text.version,
        ),
        draft: {
          symbol,
          type: draft.type,
          title: text.title,
          status: draft.status,
          penholder: draft.penholder,
        },
        revision: {
          number,
          date: day(revision.created_at),
          title: text.title,
          preamble: text.preamble,
          operative: text.operative,
        },
        adoption,
      },
    };
  }

  /**
   * What an outcome document's content depends on, read without its paragraphs (a revision
   * never changes once written): the parts of its cache key, so that a cached file is found,
   * and a busy renderer refused, before the text itself is loaded.
   */
  async outcomeKey(
    draftId: string,
    language: DocumentLanguage,
    revisionNumber?: number,
  ): Promise<{ symbol: string; parts: unknown[] }> {
    const draft = await this.draft(draftId);
    const number = revisionNumber ?? draft.current_revision;
    await this.revisionAuthors(draft, [number]);
    const adoptedText = !carriesDraftMark(draftFacts(draft), number);
    const adoption =
      adoptedText && draft.adopted_meeting_id
        ? (await this.meeting(draft.adopted_meeting_id, language)).data.title
        : null;
    const { id, symbol, type, status, penholder, adopted_at } = draft;
    // The forum's own names are printed in the header.
    const forum = await this.forum(language);
    return {
      symbol: revisionSymbol(symbol, number),
      parts: [
        id,
        number,
        symbol,
        type,
        status,
        penholder,
        adoptedText,
        adoption,
        adopted_at,
        forum,
        // A new or corrected version changes the document (and its ETag).
        await this.versionKey(draft, [number], language),
      ],
    };
  }

  /** What a redline depends on, read without the paragraphs of either revision. */
  async redlineKey(
    draftId: string,
    language: DocumentLanguage,
    from: number,
    to: number,
  ): Promise<{ parts: unknown[] }> {
    const draft = await this.draft(draftId);
    const authors = await this.revisionAuthors(draft, [from, to]);
    const forum = await this.forum(language);
    const mark = carriesDraftMark(draftFacts(draft), to);
    const versions = await this.versionKey(draft, [from, to], language);
    return {
      parts: [draft.id, draft.symbol, draft.status, mark, from, to, authors, forum, versions],
    };
  }

  /** The authors' names of revisions that must exist (404 for the first one that does not). */
  private async revisionAuthors(draft: DraftRow, numbers: number[]): Promise<string[]> {
    const rows = await this.documents.revisionAuthors(this.manager, draft.id, numbers);
    return numbers.map((number) => {
      const row = rows.find((candidate) => candidate.number === number);
      if (!row) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
      return row.author;
    });
  }

  async redline(
    draftId: string,
    language: DocumentLanguage,
    from: number,
    to: number,
  ): Promise<{ symbol: string; draft: DraftRow; data: RedlineData }> {
    const draft = await this.draft(draftId);
    const [older, newer] = [await this.revisionOf(draft, from), await this.revisionOf(draft, to)];
    const [olderText, newerText] = [
      await this.textIn(draft, older, language),
      await this.textIn(draft, newer, language),
    ];
    // Without both versions there is nothing to compare in this language: said, not replaced.
    const missing =
      olderText.version.status === 'missing' || newerText.version.status === 'missing';
    const translated = (list: ParagraphData[]) =>
      missing
        ? []
        : list.filter((p) => p.status !== 'missing').map(({ id, text }) => ({ id, text }));
    const snapshot = (revision: RevisionRow, text: TextInLanguage): RevisionSnapshot => ({
      number: revision.number,
      author: revision.author,
      date: new Date(revision.created_at).toISOString(),
      title: missing ? '' : text.title,
      preamble: translated(text.preamble),
      operative: translated(text.operative),
    });
    const version: VersionData = missing
      ? { ...newerText.version, status: 'missing' }
      : newerText.version.status === 'outdated'
        ? newerText.version
        : olderText.version.status === 'outdated'
          ? olderText.version
          : newerText.version;
    const symbol = revisionSymbol(draft.symbol, to);
    return {
      symbol,
      draft,
      data: {
        header: await this.header(
          language,
          symbol,
          'Restricted',
          carriesDraftMark(draftFacts(draft), to),
          day(newer.created_at),
          version,
        ),
        draft: { symbol, title: missing ? newer.title : newerText.title },
        from: snapshot(older, olderText),
        to: snapshot(newer, newerText),
      },
    };
  }

  /**
   * The concordance of a revision: the original and every other working language side by side,
   * one row per paragraph (the title first), outdated and missing versions marked.
   */
  async concordance(
    draftId: string,
    language: DocumentLanguage,
    revisionNumber?: number,
  ): Promise<{ symbol: string; draft: DraftRow; data: ConcordanceData }> {
    const draft = await this.draft(draftId);
    const number = revisionNumber ?? draft.current_revision;
    if (number < 1) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
    const revision = await this.revisionOf(draft, number);
    const { locale } = await this.forum(language);
    const working = (await this.languages.languages(this.manager)).map((l) => l.code);
    const others = working.filter((code) => code !== draft.language);
    const rows = await this.languages.translations(this.manager, draft.id, number);
    const versions = others.map((code) => {
      const content = contentOf(rows.find((row) => row.language === code) ?? null);
      return { code, content, state: translationState(revision.content, content) };
    });
    const { content } = revision;
    const cellsFor = (id: string | null, original: string) => {
      const cells = [{ text: original, outdated: false, missing: false }];
      for (const { content: version } of versions) {
        if (id === null) {
          cells.push({
            text: version?.title ?? '',
            outdated: version === null || version.titleOutdated,
            missing: version?.title == null,
          });
          continue;
        }
        const paragraph = version?.paragraphs.find((p) => p.id === id);
        cells.push({
          text: paragraph?.text ?? '',
          outdated: paragraph?.outdated ?? true,
          missing: paragraph === undefined,
        });
      }
      return cells;
    };
    const labels = paragraphLabels(content);
    const row = (id: string | null, label: string, original: string) => {
      const cells = cellsFor(id, original);
      return { id: id ?? 'title', label, cells, outdated: cells.some((c) => c.outdated) };
    };
    const symbol = revisionSymbol(draft.symbol, number);
    return {
      symbol: `${symbol}/concordance`,
      draft,
      data: {
        header: await this.header(
          language,
          symbol,
          'Restricted',
          carriesDraftMark(draftFacts(draft), number),
          day(revision.created_at),
        ),
        draft: { symbol, title: content.title, revision: number },
        languages: [
          {
            code: draft.language,
            name: languageName(draft.language, locale),
            original: true,
            status: 'original',
          },
          ...versions.map((v) => ({
            code: v.code,
            name: languageName(v.code, locale),
            original: false,
            status: v.state.status,
          })),
        ],
        rows: [
          row(null, 'title', content.title),
          ...[...content.preamble, ...content.operative].map((p) =>
            row(p.id, labels.get(p.id) ?? p.id, p.text),
          ),
        ],
      },
    };
  }

  /** Per draft: every member state's stance on the current revision, reservations, silence. */
  async consensusReport(
    draftIds: string[] | 'open',
    language: DocumentLanguage,
    now: Date,
  ): Promise<{ symbol: string; data: ConsensusReportData }> {
    const forum = await this.forum(language);
    const rows =
      draftIds === 'open'
        ? await this.drafts.list(this.manager, { statuses: REPORTED_STATUSES })
        : [await this.draft(draftIds[0])];
    const names = new Map(
      (await this.documents.participantNames(this.manager)).map((p) => [
        p.code,
        pick(p, 'name', language),
      ]),
    );
    const sorted = [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol));
    const collator = new Intl.Collator(forum.locale);
    const drafts: ConsensusDraftData[] = [];
    for (const snapshot of await this.drafts.snapshots(this.manager, sorted)) {
      const { draft, revision, positions, silence } = snapshot;
      const status = evaluateConsensus({
        members: snapshot.members,
        positions: positions.map(toPositionRecord),
        content: revision?.content ?? null,
        onDate: now,
      });
      const byState = new Map(positions.map((p) => [p.state_code, p]));
      const text = revision ? await this.textIn(draft, revision, language) : null;
      const titleCurrent = text !== null && text.version.status !== 'missing' && text.title !== '';
      const labels = revision ? paragraphLabels(revision.content) : new Map<string, string>();
      const counts = { concur: 0, reservation: 0, objection: 0, none: 0 };
      const statePositions = status.memberStates.map((code): PositionData => {
        const position = byState.get(code);
        const stance: PositionStance = position?.stance ?? 'none';
        counts[stance] += 1;
        return {
          stateCode: code,
          stateName: names.get(code) ?? code,
          stance,
          text: position?.text ?? null,
          paragraphs: (position?.paragraphs ?? []).map((id) => labels.get(id) ?? id),
          recordedAt: position ? new Date(position.recorded_at).toISOString() : null,
          onBehalf: position?.on_behalf ?? false,
        };
      });
      // Member states in the order of their names in the report's language.
      statePositions.sort((a, b) => collator.compare(a.stateName, b.stateName));
      drafts.push({
        symbol: revisionSymbol(draft.symbol, draft.current_revision),
        title: titleCurrent ? text.title : draft.title,
        version: text?.version.status ?? 'original',
        status: draft.status,
        revision: draft.current_revision,
        consensus:
          draft.consensus_method && draft.consensus_at
            ? {
                method: draft.consensus_method,
                declaredAt: new Date(draft.consensus_at).toISOString(),
              }
            : null,
        silence: silence
          ? { deadline: new Date(silence.deadline).toISOString(), status: silence.status }
          : null,
        counts,
        positions: statePositions,
        amendmentRounds: await amendmentRounds(this.manager, this.amendments, draft.id, language),
      });
    }
    const symbol =
      draftIds === 'open'
        ? `${forum.symbolPrefix}/CONSENSUS/${day(now)}`
        : `${rows[0].symbol}/CONSENSUS`;
    return {
      symbol,
      data: {
        header: await this.header(language, symbol, 'Restricted', false, day(now)),
        generatedAt: now.toISOString(),
        drafts,
      },
    };
  }
}

/** "PP 2", "OP 3": how negotiators name paragraphs in a report, in either working language. */
function paragraphLabels(content: RevisionContent): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [id, place] of paragraphIndex(content)) {
    labels.set(id, `${place.part === 'preamble' ? 'PP' : 'OP'} ${place.number}`);
  }
  return labels;
}
