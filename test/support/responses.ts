import type { ZodType } from 'zod';
import type { ProblemDetails } from '../../apps/api/src/common/problem-details';
import type { ApiResponse } from './test-app';

/**
 * The body of a successful answer, parsed with the endpoint's output schema (the one the
 * OpenAPI document is made from). A key the schema does not declare fails the test as
 * surely as a missing one: the document and the answer cannot drift apart.
 */
export function expectBody<T>(response: ApiResponse, schema: ZodType<T>, status?: number): T {
  if (
    status === undefined
      ? response.status < 200 || response.status > 299
      : response.status !== status
  ) {
    throw new Error(
      `expected ${status ?? 'a 2xx answer'}, got ${response.status}: ${describeBody(response.body)}`,
    );
  }
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new Error(
      `the answer does not match its schema: ${parsed.error.message}\n${describeBody(response.body)}`,
    );
  }
  // Parsing drops undeclared keys; comparing with the raw answer finds them.
  expect(response.body).toEqual(parsed.data);
  return parsed.data;
}

/** A refusal: the status, the problem+json media type and (when given) the code. */
export function expectProblem(
  response: ApiResponse,
  status: number,
  code?: string,
): ProblemDetails {
  const body = response.body as Partial<ProblemDetails> | undefined;
  expect({ status: response.status, code: code === undefined ? undefined : body?.code }).toEqual({
    status,
    code,
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return body as ProblemDetails;
}

/** A text answer (HTML, CSV, plain text). */
export function textBody(response: ApiResponse): string {
  if (typeof response.body !== 'string') {
    throw new Error(`expected a text answer, got ${describeBody(response.body)}`);
  }
  return response.body;
}

/** A binary answer (a Word file, a ZIP). */
export function bytesBody(response: ApiResponse): Buffer {
  if (!Buffer.isBuffer(response.body)) {
    throw new Error(`expected a binary answer, got ${describeBody(response.body)}`);
  }
  return response.body;
}

function describeBody(body: unknown): string {
  if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
