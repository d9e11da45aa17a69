import type {
  DraftFacts,
  DraftStatus,
  MeetingFacts,
  MemberState,
  PositionRecord,
  RevisionContent,
  SilenceStatus,
  Stance,
} from '@chancery/domain';

/** A draft as the use cases read it: its row with the names its references resolve to. */
export interface DraftRow {
  id: string;
  symbol: string;
  document_number: number;
  type: string;
  title: string;
  language: string;
  status: DraftStatus;
  current_revision: number;
  version: number;
  adopting_body_code: string;
  adopting_body_name: string;
  reviewing_body_code: string;
  meeting_id: string | null;
  meeting_sequence: number | null;
  penholder: string;
  penholder_name: string;
  consensus_method: 'explicit' | 'silence' | null;
  consensus_revision: number | null;
  consensus_at: Date | null;
  consensus_by: string | null;
  adopted_at: Date | null;
  adopted_meeting_id: string | null;
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface RevisionRow {
  number: number;
  title: string;
  content: RevisionContent;
  note: string | null;
  created_at: Date;
  created_by: string;
  author: string;
}

export interface PositionRow {
  state_code: string;
  stance: Stance;
  text: string | null;
  paragraphs: string[];
  on_behalf: boolean;
  recorded_at: Date;
  recorded_by: string;
  superseded_at: Date | null;
}

export interface SilenceRow {
  id: string;
  revision_number: number;
  deadline: Date;
  status: SilenceStatus;
  started_by: string;
  started_at: Date;
  concluded_at: Date | null;
  objectors: string[];
}

/** A member state with the dates that decide whether it counts on a given day. */
export type MemberStateRow = MemberState & { id: string; name: string; nameRu: string };

export interface AuditEntryRow {
  seq: string;
  occurred_at: Date;
  actor_label: string;
  action: string;
  details: Record<string, unknown>;
  hash: string;
}

/** One open draft in the consensus matrix, its standing positions as "AZE:concur,KAZ:objection". */
export interface MatrixRow {
  id: string;
  symbol: string;
  title: string;
  status: DraftStatus;
  adopting_body_code: string;
  meeting_id: string | null;
  current_revision: number;
  silence_deadline: Date | null;
  cells: string | null;
}

/**
 * Everything a page, a response or a document says about one draft, read at once in one
 * read-only transaction (DraftSnapshotRepository.read), so that they cannot disagree.
 */
export interface DraftSnapshot {
  draft: DraftRow;
  /** The current revision; null while the draft has none. */
  revision: RevisionRow | null;
  /** Standing positions on the current revision. */
  positions: PositionRow[];
  members: MemberStateRow[];
  /** The running procedure, else the latest one. */
  silence: SilenceRow | null;
  /** The meeting the draft is down for (its body and opening date). */
  meeting: MeetingFacts | null;
}

export function draftFacts(row: DraftRow): DraftFacts {
  return {
    status: row.status,
    penholder: row.penholder,
    adoptingBodyCode: row.adopting_body_code,
    reviewingBodyCode: row.reviewing_body_code,
    currentRevision: row.current_revision,
  };
}

export function toPositionRecord(row: PositionRow): PositionRecord {
  return {
    stateCode: row.state_code,
    stance: row.stance,
    text: row.text,
    paragraphs: row.paragraphs,
    recordedAt: new Date(row.recorded_at),
  };
}
