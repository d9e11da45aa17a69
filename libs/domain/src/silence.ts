import { authorityRefusal, type Actor } from './actors';
import { compareCodes, type ConsensusStatus, type PositionRecord } from './consensus';
import { DomainError, ok, refuse, type Decision } from './errors';
import { DRAFT_STATUS_RULES, isFinalStatus, type DraftFacts } from './draft-status';
import { describeParagraph } from './revision';
import type { SilenceStatus } from './vocabulary';
import { agree, count, joinAnd, longInstant } from './wording';

/** The longest a chair may leave a text under silence. */
export const SILENCE_MAX_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the draft's procedure still waits for its deadline (held, broken or cancelled: over). */
export const silenceRunning = (procedure: { status: SilenceStatus } | null | undefined): boolean =>
  procedure?.status === 'running';

export interface StartSilenceRequest {
  draft: DraftFacts;
  actor: Actor;
  deadline: Date;
  now: Date;
  /** Whether a procedure is already running on this draft. */
  running: boolean;
  /** Consensus on the current revision, as evaluateConsensus reports it. */
  consensus: ConsensusStatus;
}

/**
 * A chair puts the current revision under silence: if no member state objects by the
 * deadline, silence is deemed consent. Refused when it could not hold: brackets remain (the
 * text is not settled) or an objection already stands on this revision (it would be broken
 * at once).
 */
export function decideStartSilence(request: StartSilenceRequest): Decision<{ deadline: Date }> {
  const { draft, actor, deadline, now, consensus } = request;
  if (isFinalStatus(draft.status)) {
    return refuse(
      new DomainError(
        'DRAFT_CLOSED',
        `This draft has been ${DRAFT_STATUS_RULES[draft.status].label} and can no longer change.`,
        { facts: { status: draft.status, action: 'start-silence' } },
      ),
    );
  }
  if (draft.status !== 'UNDER_SOC_REVIEW') {
    return refuse(
      new DomainError(
        'NOT_UNDER_REVIEW',
        `A silence procedure runs on a draft under review; this draft is ${DRAFT_STATUS_RULES[draft.status].label}.`,
        { facts: { status: draft.status, action: 'start-silence' } },
      ),
    );
  }
  const authority = authorityRefusal(
    actor,
    ['reviewing-chair', 'adopting-chair'],
    draft,
    'start a silence procedure',
    { action: 'start-silence' },
  );
  if (authority) return refuse(authority);
  if (request.running) {
    return refuse(
      new DomainError(
        'SILENCE_ALREADY_RUNNING',
        'A silence procedure is already running on this draft.',
      ),
    );
  }

  if (!(deadline instanceof Date) || Number.isNaN(deadline.getTime())) {
    return refuse(
      new DomainError('SILENCE_DEADLINE_INVALID', 'The deadline is not a valid date and time.', {
        field: 'deadline',
      }),
    );
  }
  if (deadline.getTime() <= now.getTime()) {
    return refuse(
      new DomainError(
        'SILENCE_DEADLINE_PASSED',
        `The deadline (${longInstant(deadline)}) must be later than now (${longInstant(now)}).`,
        { field: 'deadline', facts: { deadline: deadline.toISOString(), now: now.toISOString() } },
      ),
    );
  }
  const latest = new Date(now.getTime() + SILENCE_MAX_DAYS * DAY_MS);
  if (deadline.getTime() > latest.getTime()) {
    return refuse(
      new DomainError(
        'SILENCE_DEADLINE_TOO_FAR',
        `A silence procedure lasts at most ${SILENCE_MAX_DAYS} days: choose a deadline no later than ${longInstant(latest)}.`,
        {
          field: 'deadline',
          facts: {
            deadline: deadline.toISOString(),
            latest: latest.toISOString(),
            maxDays: SILENCE_MAX_DAYS,
          },
        },
      ),
    );
  }

  if (consensus.openBrackets.length > 0) {
    const n = consensus.openBrackets.length;
    const places = [
      ...new Set(consensus.openBrackets.map((b) => describeParagraph(b.part, b.number))),
    ];
    return refuse(
      new DomainError(
        'OPEN_BRACKETS',
        `Silence can only be asked on a settled text: ${count(n, 'bracketed passage')} ${agree(n, 'remains', 'remain')} (${places.join(', ')}).`,
        { facts: { openBrackets: consensus.openBrackets } },
      ),
    );
  }
  if (consensus.objected.length > 0) {
    const objectors = consensus.objected.map((o) => o.stateCode);
    return refuse(
      new DomainError(
        'SILENCE_OBJECTION_STANDING',
        `${joinAnd(objectors)} ${agree(objectors.length, 'objects', 'object')} to this revision, so silence would be broken at once.`,
        { facts: { objectors, objected: consensus.objected } },
      ),
    );
  }
  return ok({ deadline });
}

export type SilenceConclusion =
  { outcome: 'pending' } | { outcome: 'broken'; objectors: string[] } | { outcome: 'held' };

export interface ConcludeSilenceRequest {
  deadline: Date;
  now: Date;
  /**
   * Positions on the revision the procedure was started on. Passing every position recorded
   * during the procedure (not only the latest per state) is safest: an objection breaks
   * silence even if the state changes its mind afterwards.
   */
  positions: readonly PositionRecord[];
  /** When the procedure started; positions recorded earlier were superseded and are ignored. */
  startedAt?: Date;
}

/**
 * Where a procedure stands. One objection recorded at or before the deadline breaks it, at
 * once (call this when an objection is recorded, not only at the deadline); once the
 * deadline has passed with none, silence is deemed consent. An objection recorded after the
 * deadline comes too late to break it.
 */
export function concludeSilence(request: ConcludeSilenceRequest): SilenceConclusion {
  const { deadline, now, positions, startedAt } = request;
  const during = (p: PositionRecord) =>
    p.recordedAt.getTime() <= deadline.getTime() &&
    (startedAt === undefined || p.recordedAt.getTime() >= startedAt.getTime());
  const objectors = [
    ...new Set(
      positions.filter((p) => p.stance === 'objection' && during(p)).map((p) => p.stateCode),
    ),
  ].sort(compareCodes);
  if (objectors.length > 0) return { outcome: 'broken', objectors };
  if (now.getTime() >= deadline.getTime()) return { outcome: 'held' };
  return { outcome: 'pending' };
}
