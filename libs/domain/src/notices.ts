import { activeMemberStates, type MemberState } from './consensus';
import { isOneOf, type ConsensusMethod, type Language } from './vocabulary';

/**
 * What delegations are told of (DESIGN.md, "Notifications"), one kind per change they must
 * hear of. The kinds are the contract of `PUT /api/me/notification-settings`.
 */
export const NOTICE_KINDS = [
  'under-review',
  'revision',
  'silence-started',
  'silence-broken',
  'consensus',
  'adopted',
  'amendment',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const isNoticeKind = isOneOf(NOTICE_KINDS);

/** The draft a notice is about, as it stood when the change was made. */
export interface NoticeDraft {
  id: string;
  symbol: string;
  title: string;
  /** The member state holding the pen, by code. */
  penholder: string;
}

/** A change users must hear of, with the facts the notice prints. */
export type NoticeChange =
  | { kind: 'under-review'; revision: number }
  | { kind: 'revision'; revision: number; reopened: boolean }
  | { kind: 'silence-started'; revision: number; deadline: Date }
  | { kind: 'silence-broken'; revision: number; objectors: readonly string[] }
  | { kind: 'consensus'; revision: number; method: ConsensusMethod }
  | { kind: 'adopted'; revision: number; meeting: string }
  /** An amendment proposed by another state on a draft whose pen `draft.penholder` holds. */
  | { kind: 'amendment'; revision: number; proposedBy: string };

/** Someone who may be told: a delegate of a member state, with their preferences. */
export interface NoticeRecipient {
  userId: string;
  /** The member state the delegate acts for. */
  stateCode: string;
  language: Language;
  /** An IANA time zone ('Europe/Moscow'), for deadlines. */
  timeZone: string;
  optOut: readonly NoticeKind[];
}

/**
 * The facts a notice keeps, written once when the change is made (the outbox row) and
 * printed later in each recipient's language and time zone. Plain JSON.
 */
export interface NoticeFacts {
  symbol: string;
  title: string;
  revision: number;
  /** silence-started: the deadline, ISO 8601 UTC. */
  deadline?: string;
  /** silence-broken: the states whose objection broke it, by code. */
  objectors?: string[];
  /** consensus: how it was reached. */
  method?: ConsensusMethod;
  /** adopted: the meeting that adopted the text, by its title. */
  meeting?: string;
  /** amendment: the state that proposed it. */
  proposedBy?: string;
}

export interface PlannedNotice {
  recipientId: string;
  kind: NoticeKind;
  draftId: string;
  facts: NoticeFacts;
}

export interface NoticePlanRequest {
  change: NoticeChange;
  draft: NoticeDraft;
  members: readonly MemberState[];
  recipients: readonly NoticeRecipient[];
  onDate: Date;
}

/**
 * Who hears of a change, and what they are told: the delegates of every member state active
 * on the day (an amendment only the penholder's delegates, whose text it would change),
 * except those who opted out of the kind. One notice per delegate, whatever their roles.
 */
export function planNotices(request: NoticePlanRequest): PlannedNotice[] {
  const { change, draft } = request;
  const active = new Set(activeMemberStates(request.members, request.onDate).map((m) => m.code));
  const concerned =
    change.kind === 'amendment'
      ? (code: string) => code === draft.penholder && code !== change.proposedBy
      : (code: string) => active.has(code);
  const facts = noticeFacts(change, draft);
  const seen = new Set<string>();
  const planned: PlannedNotice[] = [];
  for (const recipient of request.recipients) {
    if (seen.has(recipient.userId)) continue;
    if (!concerned(recipient.stateCode) || recipient.optOut.includes(change.kind)) continue;
    seen.add(recipient.userId);
    planned.push({ recipientId: recipient.userId, kind: change.kind, draftId: draft.id, facts });
  }
  return planned;
}

function noticeFacts(change: NoticeChange, draft: NoticeDraft): NoticeFacts {
  const base = { symbol: draft.symbol, title: draft.title, revision: change.revision };
  switch (change.kind) {
    case 'under-review':
    case 'revision':
      return base;
    case 'silence-started':
      return { ...base, deadline: change.deadline.toISOString() };
    case 'silence-broken':
      return { ...base, objectors: [...change.objectors] };
    case 'consensus':
      return { ...base, method: change.method };
    case 'adopted':
      return { ...base, meeting: change.meeting };
    case 'amendment':
      return { ...base, proposedBy: change.proposedBy };
  }
}

/** Whether a name is an IANA time zone this platform knows (a user's setting is checked). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
