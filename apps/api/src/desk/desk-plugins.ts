import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_COOKIE, CSRF_COOKIE_OPTIONS } from './desk-session';

export const DESK_STATIC_DIR = join(__dirname, 'static');
export const DESK_STATIC_PREFIX = '/desk/static/';

/**
 * What the officials' pages need from fastify: cookies, CSRF tokens, and their stylesheet
 * and script. HTML form bodies (application/x-www-form-urlencoded) need nothing here: Nest's
 * fastify adapter registers a parser for them itself (fast-querystring, the parser
 * @fastify/formbody would add; registering both fails at start-up).
 */
export async function registerDeskPlugins(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyCsrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: CSRF_COOKIE_OPTIONS,
    // Forms send the token as a field; the desk script sends it as a header. Nothing else.
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const field = typeof body?._csrf === 'string' ? body._csrf : undefined;
      const header = request.headers['x-csrf-token'];
      return field ?? (typeof header === 'string' ? header : undefined);
    },
  });
  app.useStaticAssets({
    root: DESK_STATIC_DIR,
    prefix: DESK_STATIC_PREFIX,
    decorateReply: false,
    index: false,
    maxAge: 5 * 60 * 1000,
  });
}
