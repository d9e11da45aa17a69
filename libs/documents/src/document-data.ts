// The data each template receives. Plain JSON only (dates as ISO 8601 strings, no class
// instances) so that it crosses into a worker thread unchanged and a template sees exactly
// what the API sent. Field names are documented for template authors in templates/README.md.

import type { DocumentLanguage } from './document-kind';

/** The forum the document belongs to, named in the document's language. */
export interface ForumData {
  /** Short name, e.g. "CICA" / "СВМДА". */
  acronym: string;
  /** Full name, e.g. "Conference on Interaction and Confidence Building Measures in Asia". */
  name: string;
}

/**
 * Which text a document prints, said in its letterhead: `original` (the document is in the text's
 * own language, or has no negotiated text), `current` (a language version up to date),
 * `outdated` (a version whose paragraphs lag behind the original: they are marked), `missing`
 * (no version in this language: the text is not printed), `original-text` (the text is printed
 * in its original language on purpose, as in a compilation of amendments).
 */
export type VersionStatus = 'original' | 'current' | 'outdated' | 'missing' | 'original-text';

export interface VersionData {
  status: VersionStatus;
  /** The original language, named in the document's language ("английский"). */
  original: string;
  /** Paragraphs (and the title) whose version is outdated or missing. */
  outdated: number;
}

/** What every document prints in its masthead and page headers. */
export interface DocumentHeaderData {
  forum: ForumData;
  /** Document symbol, e.g. "CICA/CFM/7/DOC.1/Rev.2". Empty when the document has none. */
  symbol: string;
  /** Distribution: "General" or "Restricted" (the letterhead names it in its language). */
  distribution: string;
  /** Date of issue, ISO 8601 (`2024-12-17`). */
  date: string;
  language: DocumentLanguage;
  /** Prints the DRAFT mark on every page; false once the document is adopted. */
  draft: boolean;
  /** The language the text was negotiated in, already named in the document's language ("English"). */
  originalLanguage?: string | null;
  /** Which text the document prints (see VersionStatus). */
  version: VersionData;
}

export type MeetingFormat = 'in-person' | 'videoconference' | 'hybrid';

export interface MeetingData {
  /** Code of the body that meets, e.g. "CFM". */
  bodyCode: string;
  /** Name of the body in the document's language, e.g. "Council of Ministers of Foreign Affairs". */
  bodyName: string;
  /** The meeting's number in the body's series (7 for the 7th CFM). */
  sequence: number;
  /** Title of the meeting, e.g. "Seventh Meeting of the CICA Council of Ministers of Foreign Affairs". */
  title: string;
  /** Opening date, ISO 8601. */
  startsOn: string;
  /** Closing date, ISO 8601 (equal to `startsOn` for a one-day meeting). */
  endsOn: string;
  venue: string | null;
  format: MeetingFormat;
  chair: string | null;
  coChairs: string[];
}

export interface DocumentReference {
  symbol: string;
  title: string;
}

export interface AgendaItemData {
  /** The item's number on the agenda (1, 2, …), printed as given. */
  number: number;
  title: string;
  /** The annotation printed under the item in the annotated agenda. */
  annotation: string | null;
  /** Documents considered under the item. */
  documents: DocumentReference[];
}

/** Data of `provisional-agenda` and `annotated-agenda`. */
export interface AgendaDocumentData {
  header: DocumentHeaderData;
  meeting: MeetingData;
  items: AgendaItemData[];
}

export interface ListedDocumentData {
  symbol: string;
  title: string;
  /** Document type, e.g. "statement" (see the domain's DOCUMENT_TYPES). */
  type: string;
  /** Draft status, e.g. "UNDER_SOC_REVIEW" (see the domain's DRAFT_STATUSES). */
  status: string;
  /** Number of the current revision. */
  revision: number;
  /** Number of the agenda item the document is considered under, if any. */
  agendaItem: number | null;
}

/** Data of `list-of-documents`. */
export interface ListOfDocumentsData {
  header: DocumentHeaderData;
  meeting: MeetingData;
  documents: ListedDocumentData[];
}

/** A paragraph of a revision; the id is stable across revisions. */
export interface ParagraphData {
  id: string;
  text: string;
  /**
   * In a language version (outcome document): `outdated` when the original changed since it
   * was translated, `missing` when it has no translation (its text is empty).
   */
  status?: 'current' | 'outdated' | 'missing';
}

export interface OutcomeDraftData {
  symbol: string;
  /** Document type, e.g. "statement", "declaration", "concept-paper". */
  type: string;
  title: string;
  /** Draft status, e.g. "UNDER_SOC_REVIEW" or "ADOPTED". */
  status: string;
  /** Name of the member state holding the pen, in the document's language. */
  penholder: string | null;
}

export interface OutcomeRevisionData {
  number: number;
  /** Date of the revision, ISO 8601. */
  date: string;
  title: string;
  /** Preambular paragraphs, in order. */
  preamble: ParagraphData[];
  /** Operative paragraphs, in order; Word numbers them. */
  operative: ParagraphData[];
}

export interface AdoptionData {
  /** The meeting that adopted the document, e.g. "Seventh Meeting of the CFM". */
  meeting: string;
  /** Date of adoption, ISO 8601. */
  date: string;
}

/** Data of `outcome-document`: one revision of a statement, declaration, concept paper, … */
export interface OutcomeDocumentData {
  header: DocumentHeaderData;
  draft: OutcomeDraftData;
  revision: OutcomeRevisionData;
  adoption?: AdoptionData | null;
}

/** One revision as the redline compares it. */
export interface RevisionSnapshot {
  number: number;
  /** Who uploaded the revision; the tracked changes are attributed to the later revision's author. */
  author: string;
  /** When the revision was made, ISO 8601 (date or date-time). */
  date: string;
  title: string;
  preamble: ParagraphData[];
  operative: ParagraphData[];
}

/** Input of `renderRedline`: the changes from `from` to `to`. */
export interface RedlineData {
  header: DocumentHeaderData;
  draft: { symbol: string; title: string };
  from: RevisionSnapshot;
  to: RevisionSnapshot;
}

export type PositionStance = 'concur' | 'reservation' | 'objection' | 'none';

export interface PositionData {
  /** ISO 3166 alpha-3 code of the member state. */
  stateCode: string;
  /** Name of the member state in the document's language. */
  stateName: string;
  /** `none`: the state has not answered on this revision. */
  stance: PositionStance;
  /** The reservation or objection text, if any. */
  text: string | null;
  /** Labels of the paragraphs the position concerns, e.g. "PP 2", "OP 3". */
  paragraphs: string[];
  /** When the position was recorded, ISO 8601; null when the state has not answered. */
  recordedAt: string | null;
  /** Recorded by the secretariat on the state's behalf. */
  onBehalf: boolean;
}

export interface ConsensusDraftData {
  symbol: string;
  /** In the report's language when its version's title is current, else the original title. */
  title: string;
  /** Where the draft's version in the report's language stands (`original` for its own). */
  version: VersionStatus;
  status: string;
  /** The revision the positions are on. */
  revision: number;
  consensus: { method: 'explicit' | 'silence'; declaredAt: string } | null;
  /** The silence procedure on this revision, if one was started; status e.g. "running", "held", "broken". */
  silence: { deadline: string; status: string } | null;
  counts: { concur: number; reservation: number; objection: number; none: number };
  positions: PositionData[];
  /** Per revision that disposed of amendments, what it made of them: "1 (Kazakhstan)". */
  amendmentRounds: AmendmentRoundData[];
}

export interface AmendmentRoundData {
  /** The revision that disposed of the amendments to the one before it. */
  revision: number;
  accepted: string[];
  bracketed: string[];
  notRetained: string[];
  withdrawn: string[];
}

/** Data of `consensus-report`. */
export interface ConsensusReportData {
  header: DocumentHeaderData;
  /** When the report was produced, ISO 8601 date-time. */
  generatedAt: string;
  drafts: ConsensusDraftData[];
}

/** One change of an amendment, in the API's shape: replace, insert after, or delete. */
export type AmendmentChangeData =
  | { paragraphId: string; text: string }
  | { after: string; text: string }
  | { paragraphId: string; delete: true };

export interface CompilationAmendmentData {
  id: string;
  /** 1, 2, … per draft. */
  number: number;
  stateCode: string;
  /** The proposing state's name in the document's language: the author of its tracked changes. */
  stateName: string;
  /** Names of the co-sponsoring states, in the order they joined. */
  sponsors: string[];
  note: string | null;
  /** proposed | withdrawn | accepted | bracketed | not-retained */
  status: string;
  /** Entered by the secretariat on the state's behalf. */
  onBehalf: boolean;
  /** When it was proposed, ISO 8601 date-time: the date of its tracked changes. */
  createdAt: string;
  changes: AmendmentChangeData[];
}

/** Input of `renderCompilation`: one revision and every amendment proposed on it. */
export interface CompilationData {
  header: DocumentHeaderData;
  draft: { symbol: string; title: string };
  revision: OutcomeRevisionData;
  /** In number order. */
  amendments: CompilationAmendmentData[];
}

/** One paragraph of the concordance: the original and each version side by side. */
export interface ConcordanceRowData {
  id: string;
  /** "PP 1", "OP 3"; "title" for the title row. */
  label: string;
  /** One cell per language, in the order of `languages`. */
  cells: { text: string; outdated: boolean; missing: boolean }[];
  /** True when a version of this paragraph is outdated or missing. */
  outdated: boolean;
}

/** Data of `concordance`: the languages side by side, a translator's working document. */
export interface ConcordanceData {
  header: DocumentHeaderData;
  draft: { symbol: string; title: string; revision: number };
  /** The original first, named in the document's language; `status` of each version. */
  languages: { code: string; name: string; original: boolean; status: string }[];
  rows: ConcordanceRowData[];
}

/** The data type each document kind's template receives. */
export interface DocumentDataByKind {
  'provisional-agenda': AgendaDocumentData;
  'annotated-agenda': AgendaDocumentData;
  'list-of-documents': ListOfDocumentsData;
  'outcome-document': OutcomeDocumentData;
  'consensus-report': ConsensusReportData;
  concordance: ConcordanceData;
}
