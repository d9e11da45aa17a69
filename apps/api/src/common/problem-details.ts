import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details, with Chancery's extensions (`code`, `field`, `errors`, facts). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  field?: string;
  errors?: { field: string; message: string }[];
  correlationId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_TYPE_BASE = 'https://chancery.dev/problems/';

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;
}

export function buildProblem(
  status: number,
  code: string,
  detail: string,
  extras: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: problemType(code),
    title: extras.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extras,
  };
}
