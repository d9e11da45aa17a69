import type { Actor } from './actors';
import type { MemberState } from './consensus';
import { decideSpeaker, type StateActWording } from './delegation';
import { DomainError, ok, refuse, type Decision } from './errors';
import { DRAFT_STATUS_RULES, type DraftFacts } from './draft-status';
import { paragraphIndex, type RevisionContent } from './revision';
import { isStance, STANCES, type Stance } from './vocabulary';
import { joinOr } from './wording';

export interface PositionInput {
  stance: Stance;
  /** A reservation's text, or the reason for an objection. */
  text?: string | null;
  /** Ids of the paragraphs a reservation or objection concerns. */
  paragraphs?: readonly string[] | null;
}

export interface PositionRequest {
  draft: DraftFacts;
  actor: Actor;
  /** The state whose position is recorded. */
  stateCode: string;
  /** That state's membership record; undefined when the code is no member state's. */
  member: MemberState | undefined;
  input: PositionInput;
  /** The current revision: the position binds to it. */
  content: RevisionContent;
  now: Date;
}

export interface PositionOutcome {
  stateCode: string;
  stance: Stance;
  text: string | null;
  /** Unique paragraph ids, in the order they appear in the revision. */
  paragraphs: string[];
  /** Recorded by the secretariat on the state's behalf (received by note verbale). */
  onBehalf: boolean;
}

const POSITION_WORDING: StateActWording = {
  verb: 'records',
  noun: 'position',
  doing: (stateCode) => `record the position of ${stateCode}`,
};

export function positionsOpen(draft: Pick<DraftFacts, 'status'>): boolean {
  return DRAFT_STATUS_RULES[draft.status].positionsOpen;
}

/**
 * Decides whether a position may be recorded, and in what form. A delegation speaks only
 * for its own state; the secretariat records any state's position received by note verbale.
 * Checks, in order: the draft's status, who is acting, the state's membership, the content.
 */
export function decidePosition(request: PositionRequest): Decision<PositionOutcome> {
  const { draft, actor, stateCode, member, input, content, now } = request;
  if (!positionsOpen(draft)) {
    return refuse(
      new DomainError(
        'POSITIONS_CLOSED',
        `Positions are taken while a draft is under review; this draft is ${DRAFT_STATUS_RULES[draft.status].label}.`,
        { facts: { status: draft.status } },
      ),
    );
  }

  const speaker = decideSpeaker(actor, stateCode, member, now, POSITION_WORDING);
  if (!speaker.ok) return speaker;
  const { onBehalf } = speaker.value;

  const stance: unknown = input.stance;
  if (!isStance(stance)) {
    return refuse(
      new DomainError('INVALID_STANCE', `A position is one of: ${joinOr([...STANCES])}.`, {
        field: 'stance',
        facts: { stance, stances: [...STANCES] },
      }),
    );
  }
  const text =
    typeof input.text === 'string' && input.text.trim() !== '' ? input.text.trim() : null;
  const given = input.paragraphs ?? [];
  if (stance === 'concur') {
    if (text !== null) {
      return refuse(
        new DomainError(
          'TEXT_NOT_ALLOWED',
          'A concurrence carries no text; to put a statement on record, enter a reservation.',
          { field: 'text' },
        ),
      );
    }
    if (given.length > 0) {
      return refuse(
        new DomainError(
          'PARAGRAPHS_NOT_ALLOWED',
          'A concurrence concerns the whole text; name paragraphs with a reservation or an objection.',
          { field: 'paragraphs' },
        ),
      );
    }
    return ok({ stateCode, stance, text: null, paragraphs: [], onBehalf });
  }

  if (text === null) {
    return refuse(
      new DomainError(
        'STANCE_TEXT_REQUIRED',
        stance === 'reservation'
          ? 'A reservation needs its text: it is printed in the consensus report.'
          : 'An objection needs its reason, so that the chair can see what blocks consensus.',
        { field: 'text', facts: { stance } },
      ),
    );
  }
  const index = paragraphIndex(content);
  for (const [i, id] of given.entries()) {
    if (!index.has(id)) {
      return refuse(
        new DomainError(
          'UNKNOWN_PARAGRAPH',
          `Paragraph "${id}" is not in the current revision of the draft.`,
          { field: `paragraphs[${i}]`, facts: { paragraphId: id } },
        ),
      );
    }
  }
  const paragraphs = [...index.keys()].filter((id) => given.includes(id));
  return ok({ stateCode, stance, text, paragraphs, onBehalf });
}
