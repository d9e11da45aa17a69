import { describeParagraph, isDraftStatus, isStance, type TextPart } from '@chancery/domain';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { ProblemDetails } from '../common/problem-details';
import { toProblem } from '../common/problem-details.filter';
import { statusWord } from './desk-labels';
import { i18n } from './desk-locale';
import { problemTitle, refusalText } from './desk-refusals';
import type { Translator } from './i18n/desk-i18n';

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

/** Facts the desk names in words (fact.* in the catalogues); others by their key. */
const FACT_LABELS = [
  'objected',
  'notAnswered',
  'openBrackets',
  'requiredRoles',
  'yourRoles',
  'roles',
  'ownStateCode',
  'stateCode',
  'penholder',
  'allowedActions',
  'status',
  'bodyCodes',
  'stance',
] as const;

const factLabel = (key: string, t: Translator): string =>
  (FACT_LABELS as readonly string[]).includes(key)
    ? t.t(`fact.${key as (typeof FACT_LABELS)[number]}`)
    : humanise(key);

/** A field error's message: zod's English, or the catalogue's for the field in another language. */
function fieldError(error: { field: string; message: string }, t: Translator) {
  if (t.language === 'en') return error;
  const field = error.field.split(/[.[]/)[0];
  const message = t.has(`formError.${field}`) ? `formError.${field}` : 'formError.generic';
  const name = t.has(`formField.${field}`) ? `formField.${field}` : null;
  return {
    field: name && t.has(name) ? t.t(name) : error.field,
    message: t.has(message) ? t.t(message) : error.message,
  };
}

/** Facts that serve machines only; the detail already says what they mean to a person. */
const HIDDEN_FACTS = new Set(['id', 'action', 'ifMatch', 'currentEtag']);

/**
 * The same problem the API answers as problem+json, laid out for a person: the title, the
 * detail and each fact in words ("Objections: IND — Paragraph 2 prejudges the budget.").
 */
export function problemView(
  problem: ProblemDetails,
  t: Translator,
  subject: 'draft' | 'meeting' = 'draft',
): ProblemView {
  const rawFacts = (problem.facts ?? {}) as Record<string, unknown>;
  const facts = Object.entries(rawFacts)
    .filter(([key]) => !HIDDEN_FACTS.has(key))
    .map(([key, value]) => ({
      label: factLabel(key, t),
      value: describeFact(key, value, t),
    }));
  const stale = problem.code === 'STALE_VERSION' || problem.code === 'STALE_FORM';
  return {
    status: problem.status,
    code: problem.code,
    title: stale
      ? t.t('problem.staleTitle', { subject })
      : problemTitle(problem.code, problem.title, t),
    detail: refusalText({ code: problem.code, message: problem.detail, facts: rawFacts }, t),
    facts,
    errors: (problem.errors ?? []).map((error) => fieldError(error, t)),
    correlationId: problem.correlationId ?? null,
    stale,
  };
}

function describeFact(key: string, value: unknown, t: Translator): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return t.t('common.none');
    const simple = value.every((item) => typeof item !== 'object' || item === null);
    return value.map((item) => describeItem(key, item)).join(simple ? ', ' : '; ');
  }
  if (key === 'status' && isDraftStatus(value)) return statusWord(value, t);
  if (key === 'stance' && isStance(value)) return t.t(`stance.${value}.word`);
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
  return problemView(problem, i18n(request));
}
