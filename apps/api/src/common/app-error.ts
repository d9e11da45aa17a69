/**
 * An error the application layer raises for the HTTP edge to answer (not found, stale
 * version, bad reference…). The domain raises DomainError instead; both become problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field?: string; facts?: Record<string, unknown>; title?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string, field?: string): AppError =>
  new AppError(404, 'NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist.`, {
    field,
    facts: { id },
  });

export const invalid = (field: string, message: string, code = 'INVALID_VALUE'): AppError =>
  new AppError(422, code, message, { field });

export const preconditionFailed = (expected: string, current: string): AppError =>
  new AppError(
    412,
    'STALE_VERSION',
    'Someone else changed this record since you read it. Reload it and apply your change again.',
    { facts: { ifMatch: expected, currentEtag: current } },
  );

export const preconditionRequired = (): AppError =>
  new AppError(
    428,
    'IF_MATCH_REQUIRED',
    'This change needs the If-Match header with the ETag from your last read, so that two officials cannot both win a conflicting change.',
    { field: 'If-Match' },
  );
