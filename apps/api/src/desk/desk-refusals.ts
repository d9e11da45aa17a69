import { isDraftStatus, ROLES, type Role } from '@chancery/domain';
import { statusWord } from './desk-labels';
import type { MessageValues, Translator } from './i18n/desk-i18n';

/** A refusal as the desk receives it: from libs/domain or app-error.ts, in English. */
export interface Refusal {
  code: string;
  message: string;
  facts?: Record<string, unknown> | undefined;
}

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

function roleNames(value: unknown, t: Translator): string {
  const roles = (Array.isArray(value) ? value : []).filter((r): r is Role =>
    (ROLES as readonly unknown[]).includes(r),
  );
  return t.list(
    roles.map((role) => t.t(`role.${role}`)),
    'disjunction',
  );
}

/** The values a refusal's message takes from its facts, in the page's language. */
function values(facts: Record<string, unknown>, t: Translator): MessageValues {
  return {
    status: isDraftStatus(facts.status) ? statusWord(facts.status, t) : '—',
    roles: roleNames(facts.requiredRoles, t),
    objected: count(facts.objected),
    notAnswered: count(facts.notAnswered),
    brackets: count(facts.openBrackets),
    count: count(facts.openBrackets),
    stance: typeof facts.stance === 'string' ? facts.stance : 'objection',
  };
}

/**
 * A problem's title by its code. English keeps the title of the code's catalogue
 * (APP_ERRORS, DOMAIN_ERRORS), as the API answers it; another language has its own.
 */
export function problemTitle(code: string, title: string, t: Translator): string {
  if (t.language === 'en') return title;
  const key = `error.${code}.title`;
  return t.has(key) ? t.t(key) : t.t('error.other.title');
}

/**
 * What a refusal says, in the page's language. The domain writes its sentences in English
 * (with more facts in them than a translation could keep up with): English shows them as
 * they are; another language has a sentence per code, filled from the refusal's facts, and
 * the code's title where it has none.
 */
export function refusalText(refusal: Refusal, t: Translator): string {
  if (t.language === 'en') return refusal.message;
  const key = `error.${refusal.code}.detail`;
  if (t.has(key)) return t.t(key, values(refusal.facts ?? {}, t));
  return problemTitle(refusal.code, refusal.message, t);
}
