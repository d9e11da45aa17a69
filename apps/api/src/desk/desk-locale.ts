import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import {
  DEFAULT_LANGUAGE,
  DEFAULT_TIME_ZONE,
  type DeskLanguage,
  isDeskLanguage,
  negotiateLanguage,
  type Translator,
  translator,
} from './i18n/desk-i18n';

/**
 * The language chosen with the switch before signing in (or on a browser whose user chose
 * none): a preference, not a credential, but __Host- all the same so no sibling host sets it.
 */
export const LANGUAGE_COOKIE = '__Host-chancery-language';
const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600;

type DeskRequest = FastifyRequest & { principal?: Principal };

const cache = new WeakMap<FastifyRequest, Translator>();

/**
 * The desk language of a request: the signed-in official's choice, else the switch's cookie,
 * else the browser's Accept-Language, else English. Times in the official's zone (UTC until
 * they choose one).
 */
export function deskLanguage(request: DeskRequest): DeskLanguage {
  const chosen = request.principal?.language;
  if (isDeskLanguage(chosen)) return chosen;
  const cookie = request.cookies?.[LANGUAGE_COOKIE];
  if (isDeskLanguage(cookie)) return cookie;
  const header = request.headers['accept-language'];
  return negotiateLanguage(typeof header === 'string' ? header : undefined) ?? DEFAULT_LANGUAGE;
}

/** The request's Translator, kept for the request once the principal is known. */
export function i18n(request: DeskRequest): Translator {
  const found = cache.get(request);
  if (found) return found;
  const made = translator(deskLanguage(request), request.principal?.timeZone ?? DEFAULT_TIME_ZONE);
  // Before the guard has read the session there is no principal yet: do not keep that answer.
  if (request.principal) cache.set(request, made);
  return made;
}

export function setLanguageCookie(reply: FastifyReply, language: DeskLanguage): void {
  void reply.setCookie(LANGUAGE_COOKIE, language, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: LANGUAGE_COOKIE_MAX_AGE,
  });
}
