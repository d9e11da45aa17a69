import type { Actor } from './actors';
import type { MemberState } from './consensus';
import { decideSpeaker, type StateActWording } from './delegation';
import { DomainError, ok, refuse, type Decision } from './errors';
import { DRAFT_STATUS_RULES, type DraftFacts } from './draft-status';
import { describeParagraph, paragraphIndex, type RevisionContent } from './revision';
import type { AmendmentOutcome, AmendmentStatus } from './vocabulary';
import { normaliseSpace } from './wording';

/**
 * One change an amendment proposes, in the API's own shape: replace a paragraph's text,
 * insert a new paragraph after one, or delete one.
 */
export type AmendmentChange =
  | { paragraphId: string; text: string }
  | { after: string; text: string }
  | { paragraphId: string; delete: true };

export type ChangeKind = 'replace' | 'insert' | 'delete';

export function changeKind(change: AmendmentChange): ChangeKind {
  if ('after' in change) return 'insert';
  return 'delete' in change ? 'delete' : 'replace';
}

/** The paragraph a change is anchored to: the one replaced or deleted, or the one it follows. */
export function changeAnchor(change: AmendmentChange): string {
  return 'after' in change ? change.after : change.paragraphId;
}

/** A change as it arrives (from JSON, a form): any of the fields, to be checked. */
export interface AmendmentChangeInput {
  paragraphId?: string | null;
  after?: string | null;
  text?: string | null;
  delete?: boolean | null;
}

export interface AmendmentInput {
  changes: readonly AmendmentChangeInput[];
  note?: string | null;
}

/** What the rules need to know about an amendment already on record. */
export interface AmendmentFacts {
  number: number;
  /** The proposing state. */
  stateCode: string;
  /** Co-sponsoring states (the proposer is not among them). */
  sponsors: readonly string[];
  status: AmendmentStatus;
  /** The revision it was proposed on. */
  revision: number;
}

export interface ProposalRequest {
  draft: DraftFacts;
  actor: Actor;
  /** The proposing state. */
  stateCode: string;
  member: MemberState | undefined;
  /** The revision the delegation read and amends. */
  revision: number;
  /** The current revision's text. */
  content: RevisionContent;
  input: AmendmentInput;
  now: Date;
}

export interface ProposedAmendment {
  stateCode: string;
  changes: AmendmentChange[];
  note: string | null;
  /** Entered by the secretariat on the state's behalf (received by note verbale). */
  onBehalf: boolean;
}

const PROPOSAL_WORDING: StateActWording = {
  verb: 'proposes',
  noun: 'amendments',
  doing: (stateCode) => `propose an amendment for ${stateCode}`,
};
const SPONSOR_WORDING: StateActWording = {
  verb: 'co-sponsors',
  noun: 'name',
  doing: (stateCode) => `co-sponsor an amendment for ${stateCode}`,
};
const WITHDRAWAL_WORDING: StateActWording = {
  verb: 'withdraws',
  noun: 'amendments',
  doing: (stateCode) => `withdraw an amendment of ${stateCode}`,
};

/** Proposed until withdrawn or disposed of; then what the disposing revision made of it. */
export function amendmentStatusOf(amendment: {
  outcome: AmendmentOutcome | null;
  withdrawn: boolean;
}): AmendmentStatus {
  if (amendment.outcome !== null) return amendment.outcome;
  return amendment.withdrawn ? 'withdrawn' : 'proposed';
}

export function amendmentsOpen(draft: Pick<DraftFacts, 'status'>): boolean {
  return DRAFT_STATUS_RULES[draft.status].amendmentsOpen;
}

/**
 * Decides whether a state may propose this amendment on this revision, and in what form.
 * Checks, in order: the draft's status, the revision named, who is acting (a delegation for
 * its own state, the secretariat on a state's behalf), the state's membership, the changes.
 */
export function decideProposal(request: ProposalRequest): Decision<ProposedAmendment> {
  const { draft, actor, stateCode, member, content, input, now } = request;
  const closed = closedRefusal(draft) ?? revisionRefusal(request.revision, draft.currentRevision);
  if (closed) return refuse(closed);
  const speaker = decideSpeaker(actor, stateCode, member, now, PROPOSAL_WORDING);
  if (!speaker.ok) return speaker;

  const given = input.changes ?? [];
  if (given.length === 0) {
    return refuse(
      new DomainError('EMPTY_AMENDMENT', 'An amendment needs at least one change.', {
        field: 'changes',
      }),
    );
  }
  const index = paragraphIndex(content);
  const changes: AmendmentChange[] = [];
  const targeted = new Map<string, number>();
  for (const [i, raw] of given.entries()) {
    const change = readChange(raw, `changes[${i}]`);
    if (!change.ok) return change;
    const value = change.value;
    const anchor = changeAnchor(value);
    const place = index.get(anchor);
    const anchorField = `changes[${i}].${'after' in value ? 'after' : 'paragraphId'}`;
    if (place === undefined) {
      return refuse(
        new DomainError(
          'UNKNOWN_PARAGRAPH',
          `Paragraph "${anchor}" is not in revision ${draft.currentRevision} of the draft.`,
          { field: anchorField, facts: { paragraphId: anchor, revision: draft.currentRevision } },
        ),
      );
    }
    if (!('after' in value)) {
      const earlier = targeted.get(anchor);
      if (earlier !== undefined) {
        return refuse(
          new DomainError(
            'DUPLICATE_PARAGRAPH',
            `Changes ${earlier + 1} and ${i + 1} both change ${describeParagraph(place.part, place.number)}; make them one change.`,
            { field: anchorField, facts: { paragraphId: anchor, changes: [earlier, i] } },
          ),
        );
      }
      targeted.set(anchor, i);
      if ('text' in value && value.text === place.text) {
        return refuse(
          new DomainError(
            'INVALID_CHANGE',
            `Change ${i + 1} gives ${describeParagraph(place.part, place.number)} the text it already has.`,
            { field: `changes[${i}].text`, facts: { paragraphId: anchor } },
          ),
        );
      }
    }
    changes.push(value);
  }
  const note = typeof input.note === 'string' ? normaliseSpace(input.note) : '';
  return ok({ stateCode, changes, note: note === '' ? null : note, ...speaker.value });
}

function readChange(raw: AmendmentChangeInput, field: string): Decision<AmendmentChange> {
  const id = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const paragraphId = id(raw.paragraphId);
  const after = id(raw.after);
  const hasText = typeof raw.text === 'string';
  const text = hasText ? normaliseSpace(raw.text as string) : '';
  const unclear = (message: string) =>
    refuse<AmendmentChange>(new DomainError('INVALID_CHANGE', message, { field }));

  if (raw.delete === true) {
    if (paragraphId === '' || after !== '' || hasText)
      return unclear('A deletion names the paragraph (paragraphId) and carries no text.');
    return ok({ paragraphId, delete: true });
  }
  if ((paragraphId === '') === (after === ''))
    return unclear(
      'A change names either the paragraph it replaces (paragraphId) or the one it follows (after).',
    );
  if (text === '') {
    return refuse(
      new DomainError(
        'EMPTY_PARAGRAPH',
        after !== '' ? 'The new paragraph is empty.' : 'The new text of the paragraph is empty.',
        { field: `${field}.text` },
      ),
    );
  }
  return ok(after !== '' ? { after, text } : { paragraphId, text });
}

export interface SponsorshipRequest {
  draft: DraftFacts;
  actor: Actor;
  /** The state joining or leaving the sponsors. */
  stateCode: string;
  member: MemberState | undefined;
  amendment: AmendmentFacts;
  /** true: co-sponsor; false: stop co-sponsoring. */
  join: boolean;
  now: Date;
}

export interface SponsorshipOutcome {
  /** The sponsors after the change, in the order they joined. */
  sponsors: string[];
  /** false when the state already stood (or did not stand) as the request asks. */
  changed: boolean;
  onBehalf: boolean;
}

/** Co-sponsoring an open amendment, or ceasing to; the proposing state withdraws instead. */
export function decideSponsorship(request: SponsorshipRequest): Decision<SponsorshipOutcome> {
  const { draft, actor, stateCode, member, amendment, join, now } = request;
  const closed = closedRefusal(draft) ?? notOpenRefusal(amendment, draft);
  if (closed) return refuse(closed);
  const speaker = decideSpeaker(actor, stateCode, member, now, SPONSOR_WORDING);
  if (!speaker.ok) return speaker;
  if (stateCode === amendment.stateCode) {
    return refuse(
      new DomainError(
        'PROPOSER_SPONSORS',
        join
          ? `${stateCode} proposed amendment ${amendment.number}; it sponsors it already.`
          : `${stateCode} proposed amendment ${amendment.number}; to drop it, withdraw it.`,
        { facts: { stateCode, number: amendment.number } },
      ),
    );
  }
  const standing = amendment.sponsors.includes(stateCode);
  const sponsors = join
    ? standing
      ? [...amendment.sponsors]
      : [...amendment.sponsors, stateCode]
    : amendment.sponsors.filter((code) => code !== stateCode);
  return ok({ sponsors, changed: standing !== join, ...speaker.value });
}

export interface WithdrawalRequest {
  draft: DraftFacts;
  actor: Actor;
  /** The proposing state's membership record. */
  member: MemberState | undefined;
  amendment: AmendmentFacts;
  now: Date;
}

/** Its sponsor withdraws an amendment (or the secretariat for it) while it is still open. */
export function decideWithdrawal(request: WithdrawalRequest): Decision<{ onBehalf: boolean }> {
  const { draft, actor, member, amendment, now } = request;
  const closed = closedRefusal(draft) ?? notOpenRefusal(amendment, draft);
  if (closed) return refuse(closed);
  return decideSpeaker(actor, amendment.stateCode, member, now, WITHDRAWAL_WORDING);
}

function closedRefusal(draft: DraftFacts): DomainError | null {
  if (amendmentsOpen(draft)) return null;
  return new DomainError(
    'AMENDMENTS_CLOSED',
    `Amendments are taken while a draft is under review; this draft is ${DRAFT_STATUS_RULES[draft.status].label}.`,
    { facts: { status: draft.status } },
  );
}

function revisionRefusal(given: number, current: number): DomainError | null {
  if (given === current) return null;
  if (given < current) {
    return new DomainError(
      'REVISION_SUPERSEDED',
      `Revision ${given} has been superseded: revision ${current} is now under consideration. Read it and propose the amendment on it.`,
      { field: 'revision', facts: { given, current } },
    );
  }
  return new DomainError(
    'UNKNOWN_REVISION',
    `The draft has no revision ${given}; the current one is revision ${current}.`,
    { field: 'revision', facts: { given, current } },
  );
}

function notOpenRefusal(amendment: AmendmentFacts, draft: DraftFacts): DomainError | null {
  if (amendment.status === 'proposed' && amendment.revision === draft.currentRevision) return null;
  if (amendment.status === 'proposed') {
    return revisionRefusal(amendment.revision, draft.currentRevision);
  }
  return new DomainError(
    'AMENDMENT_NOT_OPEN',
    `Amendment ${amendment.number} is ${amendment.status === 'withdrawn' ? 'withdrawn' : `disposed of (${amendment.status})`}.`,
    { facts: { number: amendment.number, status: amendment.status } },
  );
}
