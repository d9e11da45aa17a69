// The controlled vocabularies of the desk. Each list is the single source of its union type,
// so a value added here shows up in every exhaustive switch and `satisfies Record<…>` table.

export const DRAFT_STATUSES = [
  'PROPOSED',
  'UNDER_SOC_REVIEW',
  'CONSENSUS',
  'ADOPTED',
  'WITHDRAWN',
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const DRAFT_ACTIONS = [
  'submit',
  'declare-consensus',
  'adopt',
  'reopen',
  'withdraw',
] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

export const DOCUMENT_TYPES = [
  'statement',
  'declaration',
  'concept-paper',
  'action-plan',
  'calendar',
  'budget',
  'decision',
  'report',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const STANCES = ['concur', 'reservation', 'objection'] as const;
export type Stance = (typeof STANCES)[number];

export const PARTICIPANT_KINDS = [
  'member-state',
  'observer-state',
  'observer-organisation',
  'partner-organisation',
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const CONSENSUS_METHODS = ['explicit', 'silence'] as const;
export type ConsensusMethod = (typeof CONSENSUS_METHODS)[number];

export const SILENCE_STATUSES = ['running', 'held', 'broken', 'cancelled'] as const;
export type SilenceStatus = (typeof SILENCE_STATUSES)[number];

// DESIGN ("Amendments and the compilation text"): proposed until withdrawn or disposed of
// by the next revision; the outcome recorded with that revision is one of the last four.
export const AMENDMENT_STATUSES = [
  'proposed',
  'withdrawn',
  'accepted',
  'bracketed',
  'not-retained',
] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
export const AMENDMENT_OUTCOMES = ['accepted', 'bracketed', 'not-retained', 'withdrawn'] as const;
export type AmendmentOutcome = (typeof AMENDMENT_OUTCOMES)[number];

/**
 * A language's code (ISO 639, "en", "ru"). Which languages the forum works in is data (the
 * `languages` table, each with its templates folder), never a list in code: a value of this
 * type is only known to be well formed, and is checked against the forum's languages where it
 * enters.
 */
export type Language = string;
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

// Narrowing helpers for values that arrive as plain strings (database rows, query strings).
export function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isDraftStatus = isOneOf(DRAFT_STATUSES);
export const isDraftAction = isOneOf(DRAFT_ACTIONS);
export const isDocumentType = isOneOf(DOCUMENT_TYPES);
export const isStance = isOneOf(STANCES);
export const isParticipantKind = isOneOf(PARTICIPANT_KINDS);
export const isConsensusMethod = isOneOf(CONSENSUS_METHODS);
export const isSilenceStatus = isOneOf(SILENCE_STATUSES);
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && LANGUAGE_CODE.test(value);
export const isAmendmentStatus = isOneOf(AMENDMENT_STATUSES);
export const isAmendmentOutcome = isOneOf(AMENDMENT_OUTCOMES);
