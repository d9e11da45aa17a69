import type {
  AgendaDocumentData,
  ConcordanceData,
  ConsensusReportData,
  DocumentLanguage,
  ListOfDocumentsData,
  OutcomeDocumentData,
  ParagraphData,
  RedlineData,
  RevisionSnapshot,
  VersionData,
} from '@chancery/documents';
import { AGENDA_STATUSES, carriesDraftMark, revisionSymbol } from '@chancery/domain';
import {
  type DraftRepository,
  type DraftRow,
  type MeetingDocumentRow,
  type RevisionRow,
  draftFacts,
  localizedOrNull,
} from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';
import { buildConcordanceData } from './concordance-data';
import { buildConsensusReportData } from './consensus-report-data';
import { DocumentReads, type TextInLanguage, day, pick } from './document-reads';

function meetingSymbol(prefix: string, row: MeetingDocumentRow, suffix: string): string {
  return `${prefix}/${row.body_code}/${row.sequence}/${suffix}`;
}

/**
 * Turns database rows into the plain data the templates receive (libs/documents'
 * document-data.ts): here the meeting's documents and a draft's text and redline, the
 * concordance and the consensus report in their own modules. Pure reads; the caller renders
 * and audits.
 */
export class DocumentDataBuilder {
  private readonly reads: DocumentReads;

  constructor(manager: EntityManager, drafts: DraftRepository) {
    this.reads = new DocumentReads(manager, drafts);
  }

  /** Provisional agenda (`…/1`) and annotated agenda (`…/1/Add.1`, as the UN numbers annotations). */
  async agenda(
    meetingId: string,
    language: DocumentLanguage,
    annotated: boolean,
  ): Promise<{ symbol: string; data: AgendaDocumentData }> {
    const { row, data: meeting } = await this.reads.meeting(meetingId, language);
    const forum = await this.reads.forum(language);
    const items = await this.reads.documents.agenda(this.reads.manager, meetingId, AGENDA_STATUSES);
    const symbol = meetingSymbol(forum.symbolPrefix, row, annotated ? '1/Add.1' : '1');
    return {
      symbol,
      data: {
        header: await this.reads.header(language, symbol, 'General', false, row.starts_on),
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
    const { row, data: meeting } = await this.reads.meeting(meetingId, language);
    const forum = await this.reads.forum(language);
    const documents = await this.reads.documents.listOfDocuments(this.reads.manager, meetingId);
    const symbol = meetingSymbol(forum.symbolPrefix, row, 'INF.1');
    return {
      symbol,
      data: {
        header: await this.reads.header(language, symbol, 'General', false, row.starts_on),
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

  async outcome(
    draftId: string,
    language: DocumentLanguage,
    revisionNumber?: number,
    mode: 'version' | 'original-text' = 'version',
  ): Promise<{ symbol: string; draft: DraftRow; data: OutcomeDocumentData }> {
    const draft = await this.reads.draft(draftId);
    const number = revisionNumber ?? draft.current_revision;
    if (number < 1) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
    const revision = await this.reads.revisionOf(draft, number);
    const text = await this.reads.textIn(draft, revision, language, mode);
    const symbol = revisionSymbol(draft.symbol, number);
    const adoptedText = !carriesDraftMark(draftFacts(draft), number);
    let adoption: OutcomeDocumentData['adoption'] = null;
    if (adoptedText && draft.adopted_meeting_id && draft.adopted_at) {
      const { data: meeting } = await this.reads.meeting(draft.adopted_meeting_id, language);
      adoption = { meeting: meeting.title, date: day(draft.adopted_at) };
    }
    return {
      symbol,
      draft,
      data: {
        header: await this.reads.header(
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
    const draft = await this.reads.draft(draftId);
    const number = revisionNumber ?? draft.current_revision;
    await this.reads.revisionAuthors(draft, [number]);
    const adoptedText = !carriesDraftMark(draftFacts(draft), number);
    const adoption =
      adoptedText && draft.adopted_meeting_id
        ? (await this.reads.meeting(draft.adopted_meeting_id, language)).data.title
        : null;
    const { id, symbol, type, status, penholder, adopted_at } = draft;
    // The forum's own names are printed in the header.
    const forum = await this.reads.forum(language);
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
        await this.reads.versionKey(draft, [number], language),
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
    const draft = await this.reads.draft(draftId);
    const authors = await this.reads.revisionAuthors(draft, [from, to]);
    const forum = await this.reads.forum(language);
    const mark = carriesDraftMark(draftFacts(draft), to);
    const versions = await this.reads.versionKey(draft, [from, to], language);
    return {
      parts: [draft.id, draft.symbol, draft.status, mark, from, to, authors, forum, versions],
    };
  }

  async redline(
    draftId: string,
    language: DocumentLanguage,
    from: number,
    to: number,
  ): Promise<{ symbol: string; draft: DraftRow; data: RedlineData }> {
    const draft = await this.reads.draft(draftId);
    const [older, newer] = [
      await this.reads.revisionOf(draft, from),
      await this.reads.revisionOf(draft, to),
    ];
    const [olderText, newerText] = [
      await this.reads.textIn(draft, older, language),
      await this.reads.textIn(draft, newer, language),
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
        header: await this.reads.header(
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

  concordance(
    draftId: string,
    language: DocumentLanguage,
    revisionNumber?: number,
  ): Promise<{ symbol: string; draft: DraftRow; data: ConcordanceData }> {
    return buildConcordanceData(this.reads, draftId, language, revisionNumber);
  }

  consensusReport(
    draftIds: string[] | 'open',
    language: DocumentLanguage,
    now: Date,
  ): Promise<{ symbol: string; data: ConsensusReportData }> {
    return buildConsensusReportData(this.reads, draftIds, language, now);
  }
}
