import { authorityRefusal, type Actor, type Authority } from './actors';
import { consensusNotReached, type ConsensusStatus } from './consensus';
import {
  DRAFT_STATUS_RULES,
  type DraftChange,
  type DraftEffect,
  type DraftFacts,
  type MeetingFacts,
  draftClosed,
  isFinalStatus,
  normaliseReason,
  reasonRequired,
  silenceEffects,
} from './draft-status';
import { DomainError, ok, refuse, type Decision } from './errors';
import {
  DRAFT_ACTIONS,
  isDraftAction,
  type ConsensusMethod,
  type DraftAction,
  type DraftStatus,
} from './vocabulary';
import { calendarDate, joinOr, longDate, utcDate } from './wording';

/** What a transition request must carry besides the action. */
export type TransitionInput = 'reason' | 'meeting';

export interface TransitionContext {
  draft: DraftFacts;
  actor: Actor;
  reason: string | null;
  consensus: ConsensusStatus;
  meeting: MeetingFacts | null;
  now: Date;
}

interface TransitionRule {
  from: readonly DraftStatus[];
  to: DraftStatus;
  who: readonly Authority[];
  needs: readonly TransitionInput[];
  method?: ConsensusMethod;
  /** What the transition does besides moving the status (ending a silence comes from the status left). */
  effects: readonly DraftEffect[];
  /** Completes "only … may …". */
  doing: string;
  /** The action as a noun, for "… is not possible while …". */
  name: string;
  /** Conditions on the draft beyond status, authority and inputs; null when met. */
  guard: (context: TransitionContext) => DomainError | null;
}

/**
 * The draft lifecycle (DESIGN.md, "The draft lifecycle"): for each action, the statuses it
 * leaves from, the status it enters, who may take it, what the request must carry and the
 * condition it guards. Revisions and silence procedures are not actions on this table: see
 * decideRevision and decideSilenceConsensus below, and silence.ts.
 */
export const LIFECYCLE = {
  submit: {
    from: ['PROPOSED'],
    to: 'UNDER_SOC_REVIEW',
    who: ['secretariat'],
    needs: [],
    effects: [],
    doing: 'submit the draft for review',
    name: 'Submission for review',
    guard: ({ draft }) =>
      draft.currentRevision >= 1
        ? null
        : new DomainError(
            'REVISION_REQUIRED',
            'The draft has no text yet: upload its first revision before submitting it for review.',
            { facts: { currentRevision: draft.currentRevision } },
          ),
  },
  'declare-consensus': {
    from: ['UNDER_SOC_REVIEW'],
    to: 'CONSENSUS',
    who: ['reviewing-chair', 'adopting-chair'],
    needs: [],
    method: 'explicit',
    effects: ['record-consensus'],
    doing: 'declare consensus',
    name: 'A declaration of consensus',
    guard: ({ consensus }) => (consensus.reached ? null : consensusNotReached(consensus)),
  },
  adopt: {
    from: ['CONSENSUS'],
    to: 'ADOPTED',
    who: ['adopting-chair'],
    needs: ['meeting'],
    effects: ['record-adoption'],
    doing: 'record the adoption of this draft',
    name: 'Adoption',
    guard: adoptionMeetingGuard,
  },
  reopen: {
    from: ['CONSENSUS'],
    to: 'UNDER_SOC_REVIEW',
    who: ['reviewing-chair', 'adopting-chair'],
    needs: ['reason'],
    effects: ['clear-consensus'],
    doing: 'reopen review',
    name: 'Reopening review',
    guard: () => null,
  },
  withdraw: {
    // DESIGN: "possible before consensus, by the secretariat or the penholder state".
    from: ['PROPOSED', 'UNDER_SOC_REVIEW'],
    to: 'WITHDRAWN',
    who: ['secretariat', 'penholder-delegate'],
    needs: [],
    effects: ['record-withdrawal'],
    doing: 'withdraw the draft',
    name: 'Withdrawal',
    guard: () => null,
  },
} as const satisfies Record<DraftAction, TransitionRule>;

// Compile-time checks that the two tables agree: every status that is not final has a way
// out, no final status has one, and every status but the first can be reached.
type LeftFrom = (typeof LIFECYCLE)[DraftAction]['from'][number];
type Entered = (typeof LIFECYCLE)[DraftAction]['to'];
type FinalStatus = {
  [S in DraftStatus]: (typeof DRAFT_STATUS_RULES)[S]['final'] extends true ? S : never;
}[DraftStatus];
type IsNever<T> = [T] extends [never] ? true : false;
type Assert<T extends true> = T;
export type LifecycleIsComplete = [
  Assert<IsNever<Exclude<DraftStatus, FinalStatus | LeftFrom>>>,
  Assert<IsNever<Extract<LeftFrom, FinalStatus>>>,
  Assert<IsNever<Exclude<DraftStatus, Entered | 'PROPOSED'>>>,
];

/** The actions the table lets leave a status, whoever asks. */
export function actionsFrom(status: DraftStatus): DraftAction[] {
  return DRAFT_ACTIONS.filter((action) =>
    (LIFECYCLE[action].from as readonly DraftStatus[]).includes(status),
  );
}

function statusRefusal(status: DraftStatus, action: DraftAction): DomainError | null {
  if (isFinalStatus(status)) return draftClosed(status, { action });
  if ((LIFECYCLE[action].from as readonly DraftStatus[]).includes(status)) return null;
  const allowedActions = actionsFrom(status);
  const possible = allowedActions.map((a) => LIFECYCLE[a].name.toLowerCase());
  return new DomainError(
    'TRANSITION_NOT_ALLOWED',
    `${LIFECYCLE[action].name} is not possible while the draft is ${DRAFT_STATUS_RULES[status].label}` +
      (possible.length > 0 ? `; possible now: ${joinOr(possible)}.` : '.'),
    { facts: { status, action, allowedActions } },
  );
}

function adoptionMeetingGuard({ draft, meeting, now }: TransitionContext): DomainError | null {
  // A missing meeting is refused with the inputs (MEETING_REQUIRED); nothing to check here.
  if (!meeting) return null;
  if (meeting.bodyCode !== draft.adoptingBodyCode) {
    return new DomainError(
      'WRONG_BODY',
      `This draft is adopted by the ${draft.adoptingBodyCode}; the meeting chosen is a meeting of the ${meeting.bodyCode}.`,
      {
        field: 'meetingId',
        facts: { meetingBodyCode: meeting.bodyCode, adoptingBodyCode: draft.adoptingBodyCode },
      },
    );
  }
  const opensOn = calendarDate(meeting.opensOn);
  const today = utcDate(now);
  if (today < opensOn) {
    return new DomainError(
      'MEETING_NOT_OPEN',
      `The meeting opens on ${longDate(opensOn)}; its adoptions can be recorded from that day.`,
      { facts: { opensOn, today } },
    );
  }
  return null;
}

export interface TransitionRequest {
  draft: DraftFacts;
  action: DraftAction;
  actor: Actor;
  reason?: string | null;
  /** Consensus on the current revision, as evaluateConsensus reports it. */
  consensus: ConsensusStatus;
  /** The meeting named in the request (adoption); its body and opening date. */
  meeting?: MeetingFacts | null;
  now: Date;
}

/** A transition's outcome: the status it enters and its effects, applied in one place. */
export type TransitionOutcome = DraftChange;

/**
 * Decides a transition. Checks, in order: the draft's status (DRAFT_CLOSED,
 * TRANSITION_NOT_ALLOWED), the actor's authority (ROLE_REQUIRED, NOT_PENHOLDER), the
 * request's inputs (REASON_REQUIRED, MEETING_REQUIRED), then the action's guard.
 */
export function decideTransition(request: TransitionRequest): Decision<TransitionOutcome> {
  const { draft, action, actor } = request;
  if (!isDraftAction(action)) {
    return refuse(
      new DomainError('TRANSITION_NOT_ALLOWED', `"${String(action)}" is not an action on drafts.`, {
        field: 'action',
        category: 'invalid',
        facts: { status: draft.status, action, allowedActions: actionsFrom(draft.status) },
      }),
    );
  }
  const rule: TransitionRule = LIFECYCLE[action];
  const refusal =
    statusRefusal(draft.status, action) ??
    authorityRefusal(actor, rule.who, draft, rule.doing, { action });
  if (refusal) return refuse(refusal);

  const reason = normaliseReason(request.reason);
  const meeting = request.meeting ?? null;
  if (rule.needs.includes('reason') && reason === null) return refuse(reasonRequired(rule.doing));
  if (rule.needs.includes('meeting') && meeting === null) {
    return refuse(
      new DomainError(
        'MEETING_REQUIRED',
        `Name the meeting of the ${draft.adoptingBodyCode} at which the draft is adopted.`,
        { field: 'meetingId', facts: { adoptingBodyCode: draft.adoptingBodyCode } },
      ),
    );
  }
  const guardRefusal = rule.guard({
    draft,
    actor,
    reason,
    consensus: request.consensus,
    meeting,
    now: request.now,
  });
  if (guardRefusal) return refuse(guardRefusal);

  return ok({
    from: draft.status,
    to: rule.to,
    effects: [...rule.effects, ...silenceEffects(draft.status)],
    ...(rule.method ? { method: rule.method } : {}),
    reason,
  });
}

export interface AvailableAction {
  action: DraftAction;
  to: DraftStatus;
  /** What the request must still carry: a reason, or a meeting when none was given here. */
  needs: TransitionInput[];
  /** Whether the action would succeed now, given what `needs` lists. */
  ready: boolean;
  /** Why it would not (e.g. CONSENSUS_NOT_REACHED with its facts); null when ready. */
  refusal: DomainError | null;
}

export interface AvailableActionsRequest {
  draft: DraftFacts;
  actor: Actor;
  consensus: ConsensusStatus;
  now: Date;
  /** The meeting the draft is down for, if known: adoption is then checked against it. */
  meeting?: MeetingFacts | null;
}

/**
 * The actions this actor may take on the draft at its present status, for the desk to
 * show: an action the actor has no authority for is left out; one they may take but whose
 * conditions are unmet is listed with ready false and the refusal.
 */
export function availableActions(request: AvailableActionsRequest): AvailableAction[] {
  const { draft, actor } = request;
  const meeting = request.meeting ?? null;
  return actionsFrom(draft.status).flatMap((action): AvailableAction[] => {
    const rule: TransitionRule = LIFECYCLE[action];
    if (authorityRefusal(actor, rule.who, draft, rule.doing) !== null) return [];
    const needs = rule.needs.filter((need) => need === 'reason' || meeting === null);
    const refusal = rule.guard({
      draft,
      actor,
      reason: null,
      consensus: request.consensus,
      meeting,
      now: request.now,
    });
    return [{ action, to: rule.to, needs, ready: refusal === null, refusal }];
  });
}

export type SilenceConsensusOutcome = DraftChange & { to: 'CONSENSUS'; method: 'silence' };

/**
 * Records consensus by a silence procedure that held. Authority and the procedure's rules
 * were checked when it started and are judged by concludeSilence; here only the draft must
 * still be under review (a new revision or a withdrawal cancels the procedure).
 */
export function decideSilenceConsensus(request: {
  draft: DraftFacts;
}): Decision<SilenceConsensusOutcome> {
  const refusal = statusRefusal(request.draft.status, 'declare-consensus');
  if (refusal) return refuse(refusal);
  // The procedure itself is concluded (held) by the caller: it is not cancelled.
  return ok({
    from: request.draft.status,
    to: LIFECYCLE['declare-consensus'].to,
    effects: LIFECYCLE['declare-consensus'].effects,
    method: 'silence',
    reason: null,
  });
}

export interface RevisionRequest {
  draft: DraftFacts;
  actor: Actor;
  /** Required when the revision reopens review (the draft is at CONSENSUS). */
  reason?: string | null;
  /** The revision disposes of the round's amendments: the chair's or the secretariat's act. */
  disposing?: boolean;
}

export interface RevisionOutcome extends DraftChange {
  /** The revision takes a draft at consensus back under review. */
  reopens: boolean;
}

const REVISERS: readonly Authority[] = ['secretariat', 'penholder-delegate'];
// DESIGN ("Amendments and the compilation text"): the chair or the secretariat disposes.
const DISPOSERS: readonly Authority[] = ['secretariat', 'reviewing-chair', 'adopting-chair'];

/**
 * May this actor upload a new revision? The secretariat or a delegate of the penholder, at
 * any status before adoption; a revision that disposes of amendments, the secretariat or a
 * chair. A new revision starts a new round of positions: positions bind to the revision they
 * were given on, so there is nothing to reset.
 */
export function decideRevision(request: RevisionRequest): Decision<RevisionOutcome> {
  const { draft, actor } = request;
  const effect = DRAFT_STATUS_RULES[draft.status].revision;
  if (effect === 'closed') return refuse(draftClosed(draft.status, { action: 'revise' }));
  const refusal = request.disposing
    ? authorityRefusal(actor, DISPOSERS, draft, 'dispose of the amendments to this draft', {
        action: 'dispose',
      })
    : authorityRefusal(actor, REVISERS, draft, 'upload a revision of this draft', {
        action: 'revise',
      });
  if (refusal) return refuse(refusal);
  const reason = normaliseReason(request.reason);
  if (effect === 'reopens') {
    if (reason === null) {
      return refuse(
        reasonRequired('change the text of a draft agreed by consensus, which reopens review'),
      );
    }
    return ok({
      from: draft.status,
      to: LIFECYCLE.reopen.to,
      effects: LIFECYCLE.reopen.effects,
      reopens: true,
      reason,
    });
  }
  // A procedure running on the previous text ends: silence was asked on it.
  return ok({
    from: draft.status,
    to: draft.status,
    effects: silenceEffects(draft.status),
    reopens: false,
    reason,
  });
}
