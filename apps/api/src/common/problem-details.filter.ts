import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
} from '@nestjs/common';
import { DomainError, type DomainErrorCategory } from '@chancery/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { QueryFailedError } from 'typeorm';
import { ZodError } from 'zod';
import { AppError } from './app-error';
import {
  DatabaseOutageLog,
  dataExceptionProblem,
  databaseUnavailableProblem,
  isDatabaseUnavailable,
  loggableError,
} from './database-errors';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, buildProblem } from './problem-details';

const DOMAIN_STATUS: { readonly [C in DomainErrorCategory]: number } = {
  forbidden: 403,
  conflict: 409,
  invalid: 422,
  'not-found': 404,
};

/** Fastify's own errors (raised before a route runs) carry a code; give them readable words. */
const FASTIFY_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'BODY_TOO_LARGE',
    detail: 'The request body is larger than this endpoint accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'EMPTY_BODY',
    detail: 'The body is empty but the Content-Type says JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_CONTENT_LENGTH',
    detail: 'Content-Length does not match the body.',
  },
};

/** Errors fastify raises before a route runs reach the filter as Nest's HttpExceptions. */
const HTTP_ERRORS: Record<number, { code: string; detail: string }> = {
  404: {
    code: 'ROUTE_NOT_FOUND',
    detail: 'There is no such endpoint. The API is described at /api/docs.',
  },
  413: { code: 'BODY_TOO_LARGE', detail: 'The request body is larger than this endpoint accepts.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the body as application/json.' },
};

function zodProblem(error: ZodError): ProblemDetails {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  const first = errors[0];
  return buildProblem(
    400,
    'VALIDATION_FAILED',
    first ? `${first.field}: ${first.message}` : 'The request is invalid.',
    {
      title: 'The request is invalid',
      field: first?.field,
      errors,
    },
  );
}

/** Maps every error to RFC 9457 problem+json. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof DomainError) {
    return buildProblem(DOMAIN_STATUS[exception.category], exception.code, exception.message, {
      title: exception.title,
      field: exception.field,
      facts: exception.facts,
    });
  }
  if (exception instanceof AppError) {
    return buildProblem(exception.status, exception.code, exception.message, {
      title: exception.title,
      field: exception.details.field,
      facts: exception.details.facts,
    });
  }
  if (exception instanceof ZodValidationException) {
    const error = exception.getZodError();
    if (error instanceof ZodError) return zodProblem(error);
  }
  if (exception instanceof ZodError) return zodProblem(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? String(response.message)
        : exception.message;
    const known = HTTP_ERRORS[status];
    if (status === 400 && /JSON|Unexpected|body/i.test(message)) {
      return buildProblem(400, 'MALFORMED_JSON', `The body is not valid JSON: ${message}`, {
        field: '(body)',
      });
    }
    return buildProblem(status, known?.code ?? `HTTP_${status}`, known?.detail ?? message);
  }
  const fastifyError = exception as { code?: string; statusCode?: number; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
    if (known) return buildProblem(fastifyError.statusCode, known.code, known.detail);
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception instanceof SyntaxError) {
      return buildProblem(400, 'MALFORMED_JSON', 'The body is not valid JSON.', {
        field: '(body)',
      });
    }
    if (
      fastifyError.code?.startsWith('FST_ERR_CTP') ||
      fastifyError.code === 'FST_ERR_PROTO_POISONING'
    ) {
      return buildProblem(
        fastifyError.statusCode,
        'BAD_REQUEST_BODY',
        fastifyError.message ?? 'Bad request body.',
      );
    }
    return buildProblem(
      fastifyError.statusCode,
      `HTTP_${fastifyError.statusCode}`,
      fastifyError.message ?? 'Bad request.',
    );
  }
  if (isDatabaseUnavailable(exception)) return databaseUnavailableProblem();
  if (exception instanceof QueryFailedError) {
    const driverError = exception.driverError as { code?: string; constraint?: string };
    // The database is the last guard: a constraint it enforces answers 409, not 500.
    if (
      driverError.code === '23505' ||
      driverError.code === '23503' ||
      driverError.code === '23514'
    ) {
      return buildProblem(409, 'CONSTRAINT_VIOLATION', 'The change conflicts with existing data.', {
        facts: { constraint: driverError.constraint },
      });
    }
    if (driverError.code === '40001' || driverError.code === '40P01') {
      return buildProblem(
        409,
        'CONCURRENT_CHANGE',
        'Another change was applied at the same time; try again.',
      );
    }
    const dataProblem = dataExceptionProblem(exception);
    if (dataProblem) return dataProblem;
  }
  return buildProblem(
    500,
    'INTERNAL_ERROR',
    'Something went wrong on our side. The error was logged.',
  );
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: ProblemDetails,
): void {
  problem.instance = request.url;
  problem.correlationId = String(request.id);
  if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
  const retryAfter = (problem.facts as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
  void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Inject(DatabaseOutageLog) private readonly outage: DatabaseOutageLog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception);
    if (problem.code === 'DATABASE_UNAVAILABLE') this.outage.refused(exception);
    // An AppError is a refusal the application chose (503 RENDERING_BUSY under load): not an incident.
    else if (problem.status >= 500 && !(exception instanceof AppError)) {
      // Never the error object itself: a query error carries the query's parameters.
      this.logger.error(
        { err: loggableError(exception), correlationId: request.id },
        'Unhandled error',
      );
    }
    sendProblem(reply, request, problem);
  }
}
