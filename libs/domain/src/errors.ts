export const DOMAIN_ERROR_CATEGORIES = ['forbidden', 'conflict', 'invalid', 'not-found'] as const;
export type DomainErrorCategory = (typeof DOMAIN_ERROR_CATEGORIES)[number];

/**
 * Every refusal the domain can give, with its usual category and a short, constant title.
 * The API maps the category to an HTTP status (forbidden 403, conflict 409, invalid 422,
 * not-found 404) and may use the title as the problem+json `title`; the error's message is
 * the `detail`. Codes are a contract: add new ones, never rename.
 */
export const DOMAIN_ERRORS = {
  // who may act
  ROLE_REQUIRED: { category: 'forbidden', title: 'Not permitted for your role' },
  NOT_OWN_STATE: { category: 'forbidden', title: 'Not your delegation' },
  NOT_PENHOLDER: { category: 'forbidden', title: 'Not the penholder' },
  // where the draft stands
  TRANSITION_NOT_ALLOWED: { category: 'conflict', title: 'Not possible at this stage' },
  DRAFT_CLOSED: { category: 'conflict', title: 'The draft is closed' },
  NOT_UNDER_REVIEW: { category: 'conflict', title: 'The draft is not under review' },
  REVISION_REQUIRED: { category: 'conflict', title: 'The draft has no text yet' },
  CONSENSUS_NOT_REACHED: { category: 'conflict', title: 'Consensus has not been reached' },
  OPEN_BRACKETS: { category: 'conflict', title: 'Bracketed text remains' },
  POSITIONS_CLOSED: { category: 'conflict', title: 'Positions are not being taken' },
  // adoption
  MEETING_REQUIRED: { category: 'invalid', title: 'A meeting is required' },
  WRONG_BODY: { category: 'invalid', title: 'Meeting of the wrong body' },
  MEETING_NOT_OPEN: { category: 'conflict', title: 'The meeting has not opened' },
  // request content
  REASON_REQUIRED: { category: 'invalid', title: 'A reason is required' },
  NOT_AN_ACTIVE_MEMBER_STATE: { category: 'invalid', title: 'Not an active member state' },
  INVALID_STANCE: { category: 'invalid', title: 'Unknown stance' },
  STANCE_TEXT_REQUIRED: { category: 'invalid', title: 'The position needs a text' },
  TEXT_NOT_ALLOWED: { category: 'invalid', title: 'A concurrence carries no text' },
  PARAGRAPHS_NOT_ALLOWED: { category: 'invalid', title: 'A concurrence names no paragraphs' },
  // revision content
  TITLE_REQUIRED: { category: 'invalid', title: 'A title is required' },
  UNKNOWN_PARAGRAPH: { category: 'invalid', title: 'Unknown paragraph' },
  DUPLICATE_PARAGRAPH: { category: 'invalid', title: 'Paragraph given twice' },
  EMPTY_PARAGRAPH: { category: 'invalid', title: 'Empty paragraph' },
  EMPTY_REVISION: { category: 'invalid', title: 'Empty revision' },
  // silence procedure
  SILENCE_ALREADY_RUNNING: { category: 'conflict', title: 'A silence procedure is running' },
  SILENCE_OBJECTION_STANDING: { category: 'conflict', title: 'An objection stands' },
  SILENCE_DEADLINE_INVALID: { category: 'invalid', title: 'Invalid deadline' },
  SILENCE_DEADLINE_PASSED: { category: 'invalid', title: 'The deadline is not in the future' },
  SILENCE_DEADLINE_TOO_FAR: { category: 'invalid', title: 'The deadline is too far ahead' },
  // registration
  TYPE_NOT_ADOPTED_BY_BODY: {
    category: 'invalid',
    title: 'This body does not adopt that type of document',
  },
  PENHOLDER_NOT_MEMBER: {
    category: 'invalid',
    title: 'The penholder must be an active member state',
  },
  // amendments
  AMENDMENTS_CLOSED: { category: 'conflict', title: 'Amendments are not being taken' },
  REVISION_SUPERSEDED: { category: 'conflict', title: 'The revision has been superseded' },
  UNKNOWN_REVISION: { category: 'invalid', title: 'Unknown revision' },
  EMPTY_AMENDMENT: { category: 'invalid', title: 'The amendment changes nothing' },
  INVALID_CHANGE: { category: 'invalid', title: 'Unclear change' },
  AMENDMENT_NOT_OPEN: { category: 'conflict', title: 'The amendment is no longer open' },
  PROPOSER_SPONSORS: { category: 'conflict', title: 'The proposing state sponsors its amendment' },
  UNKNOWN_AMENDMENT: { category: 'invalid', title: 'Unknown amendment' },
  AMENDMENT_DISPOSED_TWICE: { category: 'invalid', title: 'Amendment disposed of twice' },
  CONFLICTING_AMENDMENTS: {
    category: 'invalid',
    title: 'Accepted amendments change the same paragraph',
  },
  DISPOSITION_TEXT_MISMATCH: {
    category: 'invalid',
    title: 'The text is not what the disposition produces',
  },
  // a delegation's Word copy with tracked changes
  NOT_THE_CURRENT_TEXT: {
    category: 'invalid',
    title: 'The copy is not of the current revision',
  },
  NO_PROPOSED_CHANGES: { category: 'invalid', title: 'The copy proposes no change' },
  // language versions
  UNKNOWN_LANGUAGE: { category: 'invalid', title: 'Not a working language' },
  ORIGINAL_LANGUAGE: { category: 'invalid', title: 'The original language has no version' },
  MISSING_PARAGRAPH: { category: 'invalid', title: 'A paragraph of the original is missing' },
  LANGUAGE_VERSIONS_NOT_CURRENT: {
    category: 'conflict',
    title: 'A language version is not current',
  },
  // document symbols
  INVALID_SYMBOL_PART: { category: 'invalid', title: 'Invalid document symbol' },
} as const satisfies Record<string, { category: DomainErrorCategory; title: string }>;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;
export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_ERRORS) as DomainErrorCode[];

export interface DomainErrorOptions {
  facts?: Record<string, unknown>;
  /** The request field at fault, as a path: 'reason', 'operative[2].id', 'paragraphs[0]'. */
  field?: string;
  /** Overrides the code's usual category (an unknown state is 'not-found', not 'invalid'). */
  category?: DomainErrorCategory;
}

/**
 * A refusal by the rules of the forum. The message is written for the official who will read
 * it; `facts` carry the same content as data (state codes, paragraph ids, dates as ISO
 * strings) so that the API and the desk can show it their own way.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly category: DomainErrorCategory;
  readonly facts: Record<string, unknown>;
  readonly field?: string;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.category = options.category ?? DOMAIN_ERRORS[code].category;
    this.facts = options.facts ?? {};
    if (options.field !== undefined) this.field = options.field;
  }

  get title(): string {
    return DOMAIN_ERRORS[this.code].title;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** What every guard answers: the value to act on, or the refusal with its facts. */
export type Decision<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Decision<T> {
  return { ok: true, value };
}

export function refuse<T = never>(error: DomainError): Decision<T> {
  return { ok: false, error };
}

/** For callers that want the refusal as an exception (one use case, one transaction). */
export function unwrap<T>(decision: Decision<T>): T {
  if (decision.ok) return decision.value;
  throw decision.error;
}
