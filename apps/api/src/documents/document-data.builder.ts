import type {
  AgendaDocumentData,
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
  REPORTED_STATUSES,
  type RevisionContent,
  carriesDraftMark,
  evaluateConsensus,
  paragraphIndex,
  revisionSymbol,
} from '@chancery/domain';
import {
  type DraftRepository,
  type DraftRow,
  type RevisionRow,
  draftFacts,
  toPositionRecord,
} from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';

/** What a meeting document is about, read from the database in the document's language. */
interface MeetingRow {
  id: string;
  body_code: string;
  body_name: string;
  body_name_ru: string;
  sequence: number;
  title: string;
  title_ru: string | null;
  starts_on: string;
  ends_on: string;
  venue: string | null;
  venue_ru: string | null;
  format: MeetingData['format'];
  chair: string | null;
  co_chairs: string[];
}

interface ForumRow {
  acronym: string;
  acronym_ru: string;
  name: string;
  name_ru: string;
}

const pick = (language: DocumentLanguage, en: string, ru: string | null | undefined): string =>
  language === 'ru' && ru ? ru : en;

const day = (value: Date | string): string => new Date(value).toISOString().slice(0, 10);

/**
 * Turns database rows into the plain data the templates receive (libs/documents'
 * document-data.ts). Pure reads; the caller renders and audits.
 */
export class DocumentDataBuilder {
  constructor(
    private readonly manager: EntityManager,
    private readonly drafts: DraftRepository,
  ) {}

  private async forum(language: DocumentLanguage) {
    const [forum] = await this.manager.query<ForumRow[]>(
      'SELECT acronym, acronym_ru, name, name_ru FROM forum',
    );
    if (!forum) throw new Error('The forum is not set up: seed or configure it first');
    return {
      acronym: forum.acronym,
      name: pick(language, forum.name, forum.name_ru),
      symbolPrefix: forum.acronym,
    };
  }

  private async header(
    language: DocumentLanguage,
    symbol: string,
    distribution: string,
    draft: boolean,
    date: string,
  ) {
    const forum = await this.forum(language);
    const header: DocumentHeaderData = {
      forum: { acronym: forum.acronym, name: forum.name },
      symbol,
      distribution,
      date,
      language,
      draft,
    };
    return header;
  }

  private async meeting(
    meetingId: string,
    language: DocumentLanguage,
  ): Promise<{ row: MeetingRow; data: MeetingData }> {
    const [row] = await this.manager.query<MeetingRow[]>(
      `SELECT m.id, b.code AS body_code, b.name AS body_name, b.name_ru AS body_name_ru, m.sequence, m.title, m.title_ru,
              to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(m.ends_on, 'YYYY-MM-DD') AS ends_on,
              m.venue, m.venue_ru, m.format, m.chair, m.co_chairs
         FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = $1`,
      [meetingId],
    );
    if (!row) throw notFound('Meeting', meetingId, 'id');
    return {
      row,
      data: {
        bodyCode: row.body_code,
        bodyName: pick(language, row.body_name, row.body_name_ru),
        sequence: row.sequence,
        title: pick(language, row.title, row.title_ru),
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        venue: row.venue === null ? null : pick(language, row.venue, row.venue_ru),
        format: row.format,
        chair: row.chair,
        coChairs: row.co_chairs,
      },
    };
  }

  private meetingSymbol(prefix: string, row: MeetingRow, suffix: string): string {
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
    const items = await this.manager.query<
      {
        number: number;
        title: string;
        title_ru: string | null;
        annotation: string | null;
        annotation_ru: string | null;
        documents: { symbol: string; title: string; revision: number }[];
      }[]
    >(
      `SELECT i.number, i.title, i.title_ru, i.annotation, i.annotation_ru,
              coalesce(jsonb_agg(jsonb_build_object('symbol', d.symbol, 'title', d.title, 'revision', d.current_revision)
                                 ORDER BY d.symbol) FILTER (WHERE d.id IS NOT NULL), '[]') AS documents
         FROM agenda_items i
         LEFT JOIN agenda_item_drafts l ON l.agenda_item_id = i.id
         LEFT JOIN drafts d ON d.id = l.draft_id AND d.status <> 'WITHDRAWN'
        WHERE i.meeting_id = $1 GROUP BY i.id ORDER BY i.number`,
      [meetingId],
    );
    const symbol = this.meetingSymbol(forum.symbolPrefix, row, annotated ? '1/Add.1' : '1');
    return {
      symbol,
      data: {
        header: await this.header(language, symbol, 'General', false, row.starts_on),
        meeting,
        items: items.map((item) => ({
          number: item.number,
          title: pick(language, item.title, item.title_ru),
          annotation: annotated
            ? language === 'ru'
              ? (item.annotation_ru ?? item.annotation)
              : item.annotation
            : null,
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
    const documents = await this.manager.query<
      {
        symbol: string;
        title: string;
        type: string;
        status: string;
        revision: number;
        agenda_item: number | null;
      }[]
    >(
      `SELECT d.symbol, d.title, d.type, d.status, d.current_revision AS revision, min(i.number) AS agenda_item
         FROM drafts d
         LEFT JOIN agenda_item_drafts l ON l.draft_id = d.id
         LEFT JOIN agenda_items i ON i.id = l.agenda_item_id AND i.meeting_id = $1
        WHERE d.meeting_id = $1
           OR d.id IN (SELECT l2.draft_id FROM agenda_item_drafts l2 JOIN agenda_items i2 ON i2.id = l2.agenda_item_id WHERE i2.meeting_id = $1)
        GROUP BY d.id ORDER BY d.symbol`,
      [meetingId],
    );
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
  ): Promise<{ symbol: string; draft: DraftRow; data: OutcomeDocumentData }> {
    const draft = await this.draft(draftId);
    const number = revisionNumber ?? draft.current_revision;
    if (number < 1) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
    const revision = await this.revisionOf(draft, number);
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
        ),
        draft: {
          symbol,
          type: draft.type,
          title: revision.title,
          status: draft.status,
          penholder: draft.penholder,
        },
        revision: {
          number,
          date: day(revision.created_at),
          title: revision.title,
          preamble: revision.content.preamble,
          operative: revision.content.operative,
        },
        adoption,
      },
    };
  }

  async redline(
    draftId: string,
    language: DocumentLanguage,
    from: number,
    to: number,
  ): Promise<{ symbol: string; draft: DraftRow; data: RedlineData }> {
    const draft = await this.draft(draftId);
    const [older, newer] = [await this.revisionOf(draft, from), await this.revisionOf(draft, to)];
    const snapshot = (revision: RevisionRow): RevisionSnapshot => ({
      number: revision.number,
      author: revision.author,
      date: new Date(revision.created_at).toISOString(),
      title: revision.title,
      preamble: revision.content.preamble,
      operative: revision.content.operative,
    });
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
        ),
        draft: { symbol, title: newer.title },
        from: snapshot(older),
        to: snapshot(newer),
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
    const members = await this.drafts.memberStates(this.manager);
    const names = new Map(
      (
        await this.manager.query<{ code: string; name: string; name_ru: string }[]>(
          `SELECT code, name, name_ru FROM participants`,
        )
      ).map((p) => [p.code, pick(language, p.name, p.name_ru)]),
    );
    const drafts: ConsensusDraftData[] = [];
    for (const draft of rows.sort((a, b) => a.symbol.localeCompare(b.symbol))) {
      const revision =
        draft.current_revision > 0
          ? await this.drafts.revision(this.manager, draft.id, draft.current_revision)
          : null;
      const positions =
        draft.current_revision > 0
          ? await this.drafts.positions(this.manager, draft.id, draft.current_revision)
          : [];
      const status = evaluateConsensus({
        members,
        positions: positions.map(toPositionRecord),
        content: revision?.content ?? null,
        onDate: now,
      });
      const byState = new Map(positions.map((p) => [p.state_code, p]));
      const labels = revision ? paragraphLabels(revision.content) : new Map<string, string>();
      const silence = await this.drafts.silence(this.manager, draft.id);
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
      drafts.push({
        symbol: revisionSymbol(draft.symbol, draft.current_revision),
        title: draft.title,
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
