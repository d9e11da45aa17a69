import { describeParagraph, isDraftStatus, statusLabel, type TextPart } from '@chancery/domain';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { ProblemDetails } from '../common/problem-details';
import { toProblem } from '../common/problem-details.filter';

export interface ProblemView {
  status: number;
  code: string;
  title: string;
  detail: string;
  facts: { label: string; value: string }[];
  errors: { field: string; message: string }[];
  correlationId: string | null;
  /** The problem is a stale form: the page below is the fresh state to look at again. */
  stale: boolean;
}

const FACT_LABELS: Record<string, string> = {
  objected: 'Objections',
  notAnswered: 'Not answered',
  openBrackets: 'Bracketed text',
  requiredRoles: 'Roles that may',
  yourRoles: 'Your roles',
  roles: 'Your roles',
  ownStateCode: 'Your delegation',
  stateCode: 'Member state',
  penholder: 'Penholder',
  allowedActions: 'Possible now',
  status: 'Status of the draft',
  bodyCodes: 'Chair of',
  currentEtag: 'Current version',
  ifMatch: 'Version you opened',
};

/** Facts that serve machines only; the detail already says what they mean to a person. */
const HIDDEN_FACTS = new Set(['id', 'action', 'ifMatch', 'currentEtag']);

/**
 * The same problem the API answers as problem+json, laid out for a person: the title, the
 * detail and each fact in words ("Objections: IND — Paragraph 2 prejudges the budget.").
 */
export function problemView(
  problem: ProblemDetails,
  subject: 'draft' | 'meeting' = 'draft',
): ProblemView {
  const rawFacts = (problem.facts ?? {}) as Record<string, unknown>;
  const facts = Object.entries(rawFacts)
    .filter(([key]) => !HIDDEN_FACTS.has(key))
    .map(([key, value]) => ({
      label: FACT_LABELS[key] ?? humanise(key),
      value: describeFact(key, value),
    }));
  const stale = problem.code === 'STALE_VERSION' || problem.code === 'STALE_FORM';
  return {
    status: problem.status,
    code: problem.code,
    title: stale ? `Someone changed this ${subject} since you opened it` : problem.title,
    detail: problem.detail,
    facts,
    errors: problem.errors ?? [],
    correlationId: problem.correlationId ?? null,
    stale,
  };
}

function describeFact(key: string, value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const simple = value.every((item) => typeof item !== 'object' || item === null);
    return value.map((item) => describeItem(key, item)).join(simple ? ', ' : '; ');
  }
  if (key === 'status' && isDraftStatus(value)) return statusLabel(value);
  return describeItem(key, value);
}

function describeItem(key: string, item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (item === null || typeof item !== 'object') return '—';
  const record = item as Record<string, unknown>;
  if (typeof record.stateCode === 'string' && typeof record.text === 'string') {
    return `${record.stateCode} — ${record.text}`;
  }
  if (
    key === 'openBrackets' &&
    typeof record.part === 'string' &&
    typeof record.number === 'number'
  ) {
    return `${describeParagraph(record.part as TextPart, record.number)}: ${typeof record.excerpt === 'string' ? record.excerpt : ''}`;
  }
  return Object.entries(record)
    .map(
      ([k, v]) =>
        `${humanise(k).toLowerCase()} ${typeof v === 'object' || v === undefined ? JSON.stringify(v) : String(v as string | number | boolean)}`,
    )
    .join(', ');
}

function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A refusal to show beside the form that caused it; a missing record, a lost session or a
 * failure is rethrown, for an error page instead.
 */
export function formRefusal(error: unknown, request: AuthenticatedRequest): ProblemView {
  const problem = toProblem(error);
  if (problem.status === 404 || problem.status === 401 || problem.status >= 500) throw error;
  problem.instance = request.url;
  problem.correlationId = String(request.id);
  return problemView(problem);
}
