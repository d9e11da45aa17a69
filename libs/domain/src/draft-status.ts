import { DomainError } from './errors';
import type { ConsensusMethod, DraftStatus } from './vocabulary';
import { normaliseSpace } from './wording';

/** What the rules need to know about a draft. */
export interface DraftFacts {
  status: DraftStatus;
  /** The member state holding the pen, by code. */
  penholder: string;
  adoptingBodyCode: string;
  /** The body that reviews drafts ('SOC' in the demo): data, not code. */
  reviewingBodyCode: string;
  /** Number of the latest revision; 0 while the draft has none. */
  currentRevision: number;
}

export interface MeetingFacts {
  bodyCode: string;
  /** ISO date the meeting opens. */
  opensOn: string;
}

interface StatusRule {
  /** No action leaves a final status, and its text can no longer change. */
  final: boolean;
  /** What uploading a revision does here: allowed, allowed but reopens review, or refused. */
  revision: 'allowed' | 'reopens' | 'closed';
  /** Whether member states' positions are being taken. */
  positionsOpen: boolean;
  /** Whether delegations may propose, co-sponsor and withdraw amendments to the current text. */
  amendmentsOpen: boolean;
  /** Whether a silence procedure may run here: leaving the status (or new text) ends it. */
  silenceRuns: boolean;
  /** Shown in the consensus report: positions are being taken or have led to consensus. */
  reported: boolean;
  /** Listed under the agenda items that consider it (agendas, the meeting API). */
  onAgenda: boolean;
  /** Completes "the draft is …". */
  label: string;
}

export const DRAFT_STATUS_RULES = {
  PROPOSED: {
    final: false,
    revision: 'allowed',
    positionsOpen: false,
    amendmentsOpen: false,
    silenceRuns: false,
    reported: false,
    onAgenda: true,
    label: 'proposed',
  },
  UNDER_SOC_REVIEW: {
    final: false,
    revision: 'allowed',
    positionsOpen: true,
    amendmentsOpen: true,
    silenceRuns: true,
    reported: true,
    onAgenda: true,
    label: 'under review',
  },
  // Any change of text after consensus reopens review (DESIGN: audited, with a reason).
  CONSENSUS: {
    final: false,
    revision: 'reopens',
    positionsOpen: false,
    amendmentsOpen: false,
    silenceRuns: false,
    reported: true,
    onAgenda: true,
    label: 'agreed by consensus',
  },
  ADOPTED: {
    final: true,
    revision: 'closed',
    positionsOpen: false,
    amendmentsOpen: false,
    silenceRuns: false,
    reported: false,
    onAgenda: true,
    label: 'adopted',
  },
  WITHDRAWN: {
    final: true,
    revision: 'closed',
    positionsOpen: false,
    amendmentsOpen: false,
    silenceRuns: false,
    reported: false,
    // A withdrawn draft is no longer before the meeting: its agenda stops listing it.
    onAgenda: false,
    label: 'withdrawn',
  },
} as const satisfies Record<DraftStatus, StatusRule>;

const STATUSES = Object.keys(DRAFT_STATUS_RULES) as DraftStatus[];

export function isFinalStatus(status: DraftStatus): boolean {
  return DRAFT_STATUS_RULES[status].final;
}

/** Open drafts are those still on their way (the admin's matrix, the desk's dashboard). */
export const OPEN_STATUSES: readonly DraftStatus[] = STATUSES.filter((s) => !isFinalStatus(s));

export function isOpenStatus(status: DraftStatus): boolean {
  return !isFinalStatus(status);
}

/** The drafts the consensus report of all open drafts covers. */
export const REPORTED_STATUSES: readonly DraftStatus[] = STATUSES.filter(
  (s) => DRAFT_STATUS_RULES[s].reported,
);

/** The drafts an agenda item lists among the documents it considers. */
export const AGENDA_STATUSES: readonly DraftStatus[] = STATUSES.filter(
  (s) => DRAFT_STATUS_RULES[s].onAgenda,
);

/** Status words for messages elsewhere in the domain ("while the draft is under review"). */
export function statusLabel(status: DraftStatus): string {
  return DRAFT_STATUS_RULES[status].label;
}

/**
 * What a change does to a draft besides moving its status, as data: the persistence layer
 * applies the list in one place, whichever use case produced it.
 */
export const DRAFT_EFFECTS = [
  /** Consensus is recorded: method, revision, time and who declared it. */
  'record-consensus',
  /** A consensus on earlier text no longer holds. */
  'clear-consensus',
  'record-adoption',
  'record-withdrawal',
  /** A silence procedure running on the draft is cancelled (audited with the reason). */
  'cancel-silence',
] as const;
export type DraftEffect = (typeof DRAFT_EFFECTS)[number];

/** The outcome of every decision that changes a draft: its status and the effects. */
export interface DraftChange {
  from: DraftStatus;
  to: DraftStatus;
  effects: readonly DraftEffect[];
  /** Set when the change records consensus. */
  method?: ConsensusMethod;
  /** The reason as it should be recorded (spaces normalised), or null if none was given. */
  reason: string | null;
}

/** A silence procedure runs on one text in one status: leaving either ends it. */
export function silenceEffects(from: DraftStatus): DraftEffect[] {
  return DRAFT_STATUS_RULES[from].silenceRuns ? ['cancel-silence'] : [];
}

/**
 * Whether a document showing `revision` prints the DRAFT mark: every text does, except the
 * adopted one (DESIGN: "the adopted revision is frozen; its documents print without the
 * DRAFT mark"). A redline shows its newer revision.
 */
export function carriesDraftMark(
  draft: Pick<DraftFacts, 'status' | 'currentRevision'>,
  revision: number,
): boolean {
  return !(draft.status === 'ADOPTED' && revision === draft.currentRevision);
}

export function draftClosed(status: DraftStatus, facts: Record<string, unknown>): DomainError {
  return new DomainError(
    'DRAFT_CLOSED',
    `This draft has been ${DRAFT_STATUS_RULES[status].label} and can no longer change.`,
    { facts: { status, ...facts } },
  );
}

export function normaliseReason(reason: string | null | undefined): string | null {
  if (typeof reason !== 'string') return null;
  const text = normaliseSpace(reason);
  return text === '' ? null : text;
}

export function reasonRequired(doing: string): DomainError {
  return new DomainError(
    'REASON_REQUIRED',
    `Give a reason to ${doing}; it is kept in the record.`,
    {
      field: 'reason',
    },
  );
}
