import { Injectable, Logger } from '@nestjs/common';
import { buildProblem, type ProblemDetails } from './problem-details';

// SQLSTATEs that mean "the database cannot serve this now", not "this request is wrong":
// admin shutdown, crash shutdown, cannot connect now, too many connections, statement or
// idle-in-transaction timeout, and the connection exceptions (class 08).
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '25P03']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// node-postgres raises these as plain errors, without a code.
const CLIENT_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error/i;

function codeOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when the error says the database is down, frozen or saturated. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)))
    return true;
  const message = error instanceof Error ? error.message : '';
  return CLIENT_MESSAGES.test(message);
}

export function databaseUnavailableProblem(): ProblemDetails {
  return buildProblem(
    503,
    'DATABASE_UNAVAILABLE',
    'The database is not reachable right now; try again shortly.',
    { title: 'Service unavailable' },
  );
}

/**
 * PostgreSQL's data exceptions (class 22: a character it cannot store, a value out of range,
 * text where a number belongs) are the request's fault: a 4xx, never a 500.
 */
export function dataExceptionProblem(error: unknown): ProblemDetails | null {
  const code = codeOf(error);
  if (!code?.startsWith('22')) return null;
  if (code === '22021' || code === '22P05') {
    return buildProblem(
      400,
      'INVALID_CHARACTERS',
      'The request holds characters that cannot be stored (a NUL or an invalid character).',
    );
  }
  return buildProblem(422, 'INVALID_VALUE', 'A value in the request cannot be stored as given.', {
    facts: { sqlState: code },
  });
}

/**
 * What an error log may carry: its kind, message, code and stack. A query's text and its
 * parameters (user text, e-mail addresses) and PostgreSQL's detail line (which quotes values)
 * are left out.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, message: error.message, code: codeOf(error), stack: error.stack };
}

/**
 * Logs an outage once, when it begins, rather than once per refused request: after a quiet
 * spell (or a healthy probe) the next refusal starts a new outage.
 */
@Injectable()
export class DatabaseOutageLog {
  private readonly logger = new Logger('Database');
  private readonly quietMs = 30_000;
  private lastRefusal = 0;

  refused(error: unknown, now = Date.now()): void {
    const newOutage = now - this.lastRefusal > this.quietMs;
    this.lastRefusal = now;
    if (newOutage) {
      const { message, code } = loggableError(error);
      this.logger.error(
        { message, code },
        'database unavailable: answering 503 DATABASE_UNAVAILABLE until it is back',
      );
    }
  }

  recovered(): void {
    this.lastRefusal = 0;
  }
}
