import { DomainError } from './errors';
import {
  describeParagraph,
  findOpenBrackets,
  type OpenBracket,
  type RevisionContent,
} from './revision';
import type { Stance } from './vocabulary';
import { agree, calendarDate, count, joinAnd, utcDate } from './wording';

export interface MemberState {
  code: string;
  /** ISO date of accession; null when unknown, read as "a member from the start". */
  joined: string | null;
  /** ISO date the state left the forum, if it did. */
  left?: string | null;
}

/** One member state's latest position on ONE revision. */
export interface PositionRecord {
  stateCode: string;
  stance: Stance;
  text?: string | null;
  /** Ids of the paragraphs a reservation or objection concerns. */
  paragraphs?: readonly string[];
  recordedAt: Date;
}

/**
 * Active on a date: joined on or before it and not left before it (a state that leaves on
 * the day still counts that day). Dates compare as UTC calendar dates.
 */
export function isActiveMemberState(member: MemberState, onDate: Date): boolean {
  const day = utcDate(onDate);
  if (member.joined !== null && calendarDate(member.joined) > day) return false;
  if (member.left != null && calendarDate(member.left) < day) return false;
  return true;
}

/** The member states active on a date, sorted by code. */
export function activeMemberStates(members: readonly MemberState[], onDate: Date): MemberState[] {
  return members
    .filter((member) => isActiveMemberState(member, onDate))
    .sort((a, b) => compareCodes(a.code, b.code));
}

export interface Reservation {
  stateCode: string;
  text: string;
  paragraphs: string[];
}

export interface Objection {
  stateCode: string;
  text: string;
}

export interface ConsensusStatus {
  reached: boolean;
  /** The member states whose consent is needed: those active on the date. */
  memberStates: string[];
  concurred: string[];
  /** Reservations join consensus; they are kept for the consensus report. */
  reserved: Reservation[];
  objected: Objection[];
  notAnswered: string[];
  openBrackets: OpenBracket[];
}

export interface ConsensusInput {
  members: readonly MemberState[];
  /** Positions on the revision under consideration only; earlier rounds must not be passed. */
  positions: readonly PositionRecord[];
  /** That revision; null when the draft has none yet (consensus cannot be reached). */
  content: RevisionContent | null;
  onDate: Date;
}

/**
 * Consensus is every member state active on the date concurring on the revision (with or
 * without a reservation), no objection standing and no bracketed text remaining. Positions
 * of states not active on the date are ignored; if a state appears twice its latest
 * position counts. A forum with no active member state reaches nothing: consent needs
 * someone to give it.
 */
export function evaluateConsensus(input: ConsensusInput): ConsensusStatus {
  const memberStates = activeMemberStates(input.members, input.onDate).map((m) => m.code);
  const latest = latestPositions(input.positions, new Set(memberStates));

  const concurred: string[] = [];
  const reserved: Reservation[] = [];
  const objected: Objection[] = [];
  const notAnswered: string[] = [];
  for (const code of memberStates) {
    const position = latest.get(code);
    if (!position) {
      notAnswered.push(code);
      continue;
    }
    switch (position.stance) {
      case 'concur':
        concurred.push(code);
        break;
      case 'reservation':
        reserved.push({
          stateCode: code,
          text: position.text ?? '',
          paragraphs: [...(position.paragraphs ?? [])],
        });
        break;
      case 'objection':
        objected.push({ stateCode: code, text: position.text ?? '' });
        break;
    }
  }
  const openBrackets = input.content ? findOpenBrackets(input.content) : [];
  const reached =
    input.content !== null &&
    memberStates.length > 0 &&
    notAnswered.length === 0 &&
    objected.length === 0 &&
    openBrackets.length === 0;
  return { reached, memberStates, concurred, reserved, objected, notAnswered, openBrackets };
}

function latestPositions(
  positions: readonly PositionRecord[],
  active: ReadonlySet<string>,
): Map<string, PositionRecord> {
  const latest = new Map<string, PositionRecord>();
  for (const position of positions) {
    if (!active.has(position.stateCode)) continue;
    const known = latest.get(position.stateCode);
    if (!known || position.recordedAt.getTime() >= known.recordedAt.getTime()) {
      latest.set(position.stateCode, position);
    }
  }
  return latest;
}

/**
 * The refusal a chair sees when declaring consensus too early, e.g. "Consensus has not been
 * reached: 2 member states object (ARM, IND) and 3 have not answered."
 */
export function consensusNotReached(status: ConsensusStatus): DomainError {
  const reasons: string[] = [];
  let statesNamed = false;
  const states = (n: number) => {
    const noun = statesNamed ? String(n) : count(n, 'member state');
    statesNamed = true;
    return noun;
  };
  if (status.memberStates.length === 0) reasons.push('no member state is active on this date');
  if (status.objected.length > 0) {
    const n = status.objected.length;
    const codes = status.objected.map((o) => o.stateCode).join(', ');
    reasons.push(`${states(n)} ${agree(n, 'objects', 'object')} (${codes})`);
  }
  if (status.notAnswered.length > 0) {
    const n = status.notAnswered.length;
    reasons.push(`${states(n)} ${agree(n, 'has', 'have')} not answered`);
  }
  if (status.openBrackets.length > 0) {
    const n = status.openBrackets.length;
    const places = [
      ...new Set(status.openBrackets.map((b) => describeParagraph(b.part, b.number))),
    ].join(', ');
    reasons.push(`${count(n, 'bracketed passage')} ${agree(n, 'remains', 'remain')} (${places})`);
  }
  if (reasons.length === 0) reasons.push('the draft has no revision to agree on');
  return new DomainError(
    'CONSENSUS_NOT_REACHED',
    `Consensus has not been reached: ${joinAnd(reasons)}.`,
    {
      facts: {
        objected: status.objected,
        notAnswered: status.notAnswered,
        openBrackets: status.openBrackets,
      },
    },
  );
}

// Plain code-unit order: state codes are ASCII, and the order must not depend on a locale.
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
