/**
 * The application's refusals (the domain has its own, DOMAIN_ERRORS): not found, stale
 * version, bad reference, sign-in… Each code has its HTTP status and title here and nowhere
 * else; a throw site names the code, never a status. Codes are a contract: add new ones,
 * never rename.
 */
export const APP_ERROR_CODES = [
  // sign-in and authority
  'UNAUTHENTICATED',
  'ROLE_REQUIRED',
  'NO_DELEGATION',
  'CSRF_TOKEN_INVALID',
  'TOO_MANY_SIGN_IN_FAILURES',
  // what the request names
  'NOT_FOUND',
  'PAGE_NOT_FOUND',
  'INVALID_VALUE',
  'UNKNOWN_BODY',
  'UNKNOWN_MEETING',
  'UNKNOWN_DRAFT',
  'DATES_OUT_OF_ORDER',
  'NUMBER_OUT_OF_RANGE',
  'AGENDA_MISMATCH',
  'REDLINE_ORDER',
  'INVALID_CHARACTERS',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  // concurrent writers
  'IF_MATCH_REQUIRED',
  'STALE_VERSION',
  'STALE_FORM',
  'REVISION_SUPERSEDED',
  'DUPLICATE_MEETING',
  'IDEMPOTENCY_KEY_IN_USE',
  // documents
  'TEMPLATE_ERROR',
  'RENDERING_BUSY',
  'CLIENT_CLOSED_REQUEST',
  // uploads (Word in)
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_MULTIPART',
  'FILE_REQUIRED',
  'FILE_TOO_LARGE',
  // a Word file refused, with its reason (WORD_IMPORT_REFUSALS in @chancery/documents)
  'EMPTY_FILE',
  'NOT_A_ZIP',
  'UNSAFE_ENTRY',
  'ENCRYPTED',
  'TOO_MANY_ENTRIES',
  'DECLARED_TOO_LARGE',
  'INFLATED_TOO_LARGE',
  'CORRUPT_ARCHIVE',
  'MISSING_DOCUMENT',
  'DOCTYPE_REFUSED',
  'MALFORMED_XML',
  'NO_PARAGRAPHS',
  'NO_TRACKED_CHANGES',
  'IMPORT_TIMEOUT',
  'IMPORT_BUSY',
  // live desk
  'INVALID_LAST_EVENT_ID',
  'TOO_MANY_STREAMS',
  // a user's settings
  'UNKNOWN_LANGUAGE',
  'UNKNOWN_TIME_ZONE',
  // jobs and the meeting pack
  'PDF_UNAVAILABLE',
  'JOB_NOT_FINISHED',
  'JOB_NOT_RETRYABLE',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

interface AppErrorRule {
  status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 499 | 503;
  title: string;
}

// A mapped type, not a Record literal with `satisfies`: a code added above without its line
// here is a compile error.
export const APP_ERRORS: { readonly [C in AppErrorCode]: AppErrorRule } = {
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  ROLE_REQUIRED: { status: 403, title: 'Not allowed for your role' },
  NO_DELEGATION: { status: 403, title: 'No delegation' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'The form could not be accepted' },
  TOO_MANY_SIGN_IN_FAILURES: { status: 429, title: 'Too many failed sign-ins' },
  NOT_FOUND: { status: 404, title: 'Not Found' },
  PAGE_NOT_FOUND: { status: 404, title: 'No such page' },
  INVALID_VALUE: { status: 422, title: 'Unprocessable Entity' },
  UNKNOWN_BODY: { status: 422, title: 'Unprocessable Entity' },
  UNKNOWN_MEETING: { status: 422, title: 'Unprocessable Entity' },
  UNKNOWN_DRAFT: { status: 422, title: 'Unprocessable Entity' },
  DATES_OUT_OF_ORDER: { status: 422, title: 'Unprocessable Entity' },
  NUMBER_OUT_OF_RANGE: { status: 422, title: 'Unprocessable Entity' },
  AGENDA_MISMATCH: { status: 422, title: 'Unprocessable Entity' },
  REDLINE_ORDER: { status: 422, title: 'Unprocessable Entity' },
  INVALID_CHARACTERS: { status: 400, title: 'The request is invalid' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'The request is invalid' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'Idempotency-Key already used for another request',
  },
  IF_MATCH_REQUIRED: { status: 428, title: 'Precondition Required' },
  STALE_VERSION: { status: 412, title: 'Precondition Failed' },
  STALE_FORM: { status: 412, title: 'Precondition Failed' },
  REVISION_SUPERSEDED: { status: 409, title: 'Conflict' },
  DUPLICATE_MEETING: { status: 409, title: 'Conflict' },
  IDEMPOTENCY_KEY_IN_USE: { status: 409, title: 'The same request is still being answered' },
  TEMPLATE_ERROR: { status: 422, title: 'The document template is broken' },
  RENDERING_BUSY: { status: 503, title: 'Rendering is busy' },
  // nginx's code: the client closed the connection before the answer; nobody reads it.
  CLIENT_CLOSED_REQUEST: { status: 499, title: 'Client closed the request' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type' },
  BAD_MULTIPART: { status: 400, title: 'The upload could not be read' },
  FILE_REQUIRED: { status: 400, title: 'No file attached' },
  FILE_TOO_LARGE: { status: 413, title: 'The file is too large' },
  EMPTY_FILE: { status: 422, title: 'The Word file was refused' },
  NOT_A_ZIP: { status: 422, title: 'The Word file was refused' },
  UNSAFE_ENTRY: { status: 422, title: 'The Word file was refused' },
  ENCRYPTED: { status: 422, title: 'The Word file was refused' },
  TOO_MANY_ENTRIES: { status: 422, title: 'The Word file was refused' },
  DECLARED_TOO_LARGE: { status: 422, title: 'The Word file was refused' },
  INFLATED_TOO_LARGE: { status: 422, title: 'The Word file was refused' },
  CORRUPT_ARCHIVE: { status: 422, title: 'The Word file was refused' },
  MISSING_DOCUMENT: { status: 422, title: 'The Word file was refused' },
  DOCTYPE_REFUSED: { status: 422, title: 'The Word file was refused' },
  MALFORMED_XML: { status: 422, title: 'The Word file was refused' },
  NO_PARAGRAPHS: { status: 422, title: 'The Word file was refused' },
  NO_TRACKED_CHANGES: { status: 422, title: 'The Word file was refused' },
  IMPORT_TIMEOUT: { status: 422, title: 'The Word file was refused' },
  IMPORT_BUSY: { status: 503, title: 'Word import is busy' },
  INVALID_LAST_EVENT_ID: { status: 400, title: 'Bad Request' },
  TOO_MANY_STREAMS: { status: 503, title: 'Too many live pages' },
  UNKNOWN_LANGUAGE: { status: 422, title: 'Unprocessable Entity' },
  UNKNOWN_TIME_ZONE: { status: 422, title: 'Unprocessable Entity' },
  PDF_UNAVAILABLE: { status: 422, title: 'PDF cannot be made on this server' },
  JOB_NOT_FINISHED: { status: 409, title: 'The job has not finished' },
  JOB_NOT_RETRYABLE: { status: 409, title: 'Only a failed job can be retried' },
};

export interface AppErrorDetails {
  field?: string;
  facts?: Record<string, unknown>;
}

/** An error the application layer raises for the HTTP edge to answer as problem+json. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }

  get status(): number {
    return APP_ERRORS[this.code].status;
  }

  get title(): string {
    return APP_ERRORS[this.code].title;
  }
}

export const notFound = (what: string, id: string, field?: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist.`, {
    field,
    facts: { id },
  });

export const invalid = (
  field: string,
  message: string,
  code: AppErrorCode = 'INVALID_VALUE',
): AppError => new AppError(code, message, { field });

export const preconditionFailed = (expected: string, current: string): AppError =>
  new AppError(
    'STALE_VERSION',
    'Someone else changed this record since you read it. Reload it and apply your change again.',
    { facts: { ifMatch: expected, currentEtag: current } },
  );

export const preconditionRequired = (): AppError =>
  new AppError(
    'IF_MATCH_REQUIRED',
    'This change needs the If-Match header with the ETag from your last read, so that two officials cannot both win a conflicting change.',
    { field: 'If-Match' },
  );
