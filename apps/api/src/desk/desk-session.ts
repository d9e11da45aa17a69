import type { FastifyReply } from 'fastify';

/**
 * The desk's session: the same JWT that AuthService issues to API clients, carried in a
 * cookie instead of an Authorization header. `__Host-` makes the browser refuse it unless it
 * is Secure, has Path=/ and no Domain, so a sibling host cannot plant or overwrite it.
 */
export const SESSION_COOKIE = '__Host-chancery-session';

/** The secret behind the desk's CSRF tokens (@fastify/csrf-protection, cookie mode). */
export const CSRF_COOKIE = '__Host-chancery-csrf';

/** Browsers treat http://localhost and http://127.0.0.1 as secure, so Secure holds in development too. */
const BASE_COOKIE = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export const CSRF_COOKIE_OPTIONS = { ...BASE_COOKIE };

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, { ...BASE_COOKIE, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { ...BASE_COOKIE });
}

/** Where a page may send the official after signing in: a desk page of this site, nothing else. */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 500) return null;
  const deskPath = /^\/desk(?:[/?][\w\-./?=&%:]*)?$/.test(next);
  // "//host" leaves the site and "/desk/../api" leaves the desk once the browser resolves it.
  const escapes = next.includes('//') || next.includes('..');
  return deskPath && !escapes && !next.startsWith('/desk/login') ? next : null;
}

/** Where the language switch may return to: any page safeNext allows, and the sign-in page. */
export function safeReturn(back: unknown): string | null {
  if (typeof back === 'string' && /^\/desk\/login(?:\?[\w\-./?=&%:]*)?$/.test(back)) {
    return back.includes('//') || back.includes('..') ? null : back;
  }
  return safeNext(back);
}
