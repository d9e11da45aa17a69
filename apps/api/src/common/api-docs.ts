import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: invalid JSON, a wrong type, a missing or unknown field (problem+json names the field)',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Signed in, but this role (or this state) may not do this',
  404: 'The record does not exist',
  409: 'Refused by the rules in force (the body carries the facts) or by a concurrent change',
  412: 'If-Match does not match the current ETag: someone else changed it first',
  413: 'The body is larger than allowed',
  422: 'Well-formed but not acceptable (e.g. an unknown reference)',
  415: 'The body is not in a media type this endpoint reads',
  428: 'If-Match is required for this change',
  429: 'Too many failed sign-ins for this account or address: wait for Retry-After seconds',
  503: 'Busy, the database does not answer, or the service is shutting down: try again shortly',
};

export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable error code' },
    field: { type: 'string', description: 'The request field at fault, if any' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    facts: { type: 'object', additionalProperties: true },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
  },
};

/** Documents the problem+json answers an endpoint may give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}

/** A signed-in endpoint: bearer token, and the 401/403 it may answer. */
export function ApiSignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(), ApiProblems(401, 403));
}
