import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { hasRole, type Role } from '@chancery/domain';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ROLE_PRIORITY } from '../auth/principal';
import { i18n } from './desk-locale';
import { DESK_LANGUAGES, LANGUAGE_NAMES, type Translator } from './i18n/desk-i18n';
import { DESK_STATIC_DIR, DESK_STATIC_PREFIX } from './desk-plugins';
import { DeskViews } from './desk-views';
import type { ProblemView } from './problem-view';

export type DeskSection =
  'dashboard' | 'delegation' | 'drafts' | 'meetings' | 'notices' | 'settings' | 'none';

export interface PageOptions {
  title: string;
  status?: number;
  section?: DeskSection;
  notice?: string | null;
  problem?: ProblemView | null;
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  // Pages carry CSRF tokens and positions not yet public: never kept by a shared cache.
  'cache-control': 'no-store',
};

/** Who sees the consensus dashboard: those who follow every draft. */
export const DASHBOARD_ROLES = ['admin', 'secretariat', 'chair'] as const satisfies readonly Role[];

const seesDashboard = (principal: Principal) =>
  DASHBOARD_ROLES.some((role) => hasRole(principal, role));

/** Where each official lands after signing in. */
export function landingPage(principal: Principal): string {
  if (seesDashboard(principal)) return '/desk';
  if (hasRole(principal, 'delegate') && principal.stateCode) return '/desk/delegation';
  return '/desk/drafts';
}

function assetUrl(file: string): string {
  const hash = createHash('sha256')
    .update(readFileSync(join(DESK_STATIC_DIR, file)))
    .digest('hex')
    .slice(0, 10);
  return `${DESK_STATIC_PREFIX}${file}?v=${hash}`;
}

/** Sends desk pages: the frame every page shares (who is signed in, navigation, CSRF token). */
@Injectable()
export class DeskResponder {
  private readonly assets = { css: assetUrl('desk.css'), js: assetUrl('desk.js') };

  constructor(@Inject(DeskViews) private readonly views: DeskViews) {}

  page(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    page: string,
    model: object,
    options: PageOptions,
  ): void {
    const principal = request.principal ?? null;
    const t = i18n(request);
    const frame = {
      lang: t.language,
      pageTitle: options.title,
      assets: this.assets,
      csrf: reply.generateCsrf(),
      user: principal ? describeUser(principal, t) : null,
      home: principal ? landingPage(principal) : '/desk/login',
      nav: principal ? navigation(principal, options.section ?? 'none', t) : [],
      timeZone: t.timeZone,
      languageSwitch: languageSwitch(request, t),
      script: scriptWords(t),
      settingsCurrent: options.section === 'settings',
      inbox: principal
        ? {
            unread: principal.unreadNotices ?? 0,
            current: options.section === 'notices',
          }
        : null,
      notice: options.notice ?? null,
      problem: options.problem ?? null,
    };
    const html = this.views.render(page, frame, model, t);
    void reply
      .status(options.status ?? 200)
      .headers(SECURITY_HEADERS)
      .type('text/html; charset=utf-8')
      .send(html);
  }

  /** After a successful post: 303 so that reloading the next page does not post again. */
  seeOther(reply: FastifyReply, url: string): void {
    void reply.headers({ 'cache-control': 'no-store' }).redirect(url, 303);
  }
}

function describeUser(principal: Principal, t: Translator) {
  const role = ROLE_PRIORITY.find((r) => principal.roles.includes(r));
  const roleName = (() => {
    if (!role) return t.t('role.none');
    if (role === 'chair' && principal.chairOf.length > 0)
      return t.t('role.chairOf', { bodies: t.list(principal.chairOf) });
    if (role === 'delegate' && principal.stateCode)
      return t.t('role.delegateOf', { state: principal.stateCode });
    return t.t(`role.${role}`);
  })();
  return { displayName: principal.displayName, roleName };
}

function navigation(principal: Principal, section: DeskSection, t: Translator) {
  const items: { href: string; label: string; section: DeskSection }[] = [];
  if (seesDashboard(principal)) {
    items.push({ href: '/desk', label: t.t('nav.dashboard'), section: 'dashboard' });
  }
  if (hasRole(principal, 'delegate') && principal.stateCode) {
    items.push({
      href: '/desk/delegation',
      label: t.t('nav.delegation', { state: principal.stateCode }),
      section: 'delegation',
    });
  }
  items.push({ href: '/desk/drafts', label: t.t('nav.drafts'), section: 'drafts' });
  items.push({ href: '/desk/meetings', label: t.t('nav.meetings'), section: 'meetings' });
  return items.map((item) => ({
    href: item.href,
    label: item.label,
    current: item.section === section,
  }));
}

/**
 * The words desk.js prints (the confirmation dialog, countdowns, the live status line), with
 * {placeholders} it fills in itself: the script has no catalogue of its own.
 */
function scriptWords(t: Translator) {
  return {
    confirmTitle: t.t('script.confirmTitle'),
    confirm: t.t('common.confirm'),
    cancel: t.t('common.cancel'),
    updated: t.t('script.updated', { time: '{time}' }),
    passed: t.t('time.passed'),
    leftDays: t.t('time.leftDays', { days: '{days}', hours: '{hours}' }),
    leftHours: t.t('time.leftHours', { hours: '{hours}', minutes: '{minutes}' }),
    leftMinutes: t.t('time.leftMinutes', { minutes: '{minutes}' }),
  };
}

/**
 * The header's language switch: one button per language of the desk, each named in its own
 * language, posting the page's own address so that the official comes back to it. A page
 * reached by a post has no address to come back to: the switch is left out there.
 */
function languageSwitch(request: AuthenticatedRequest, t: Translator) {
  if (request.method !== 'GET') return null;
  return {
    returnTo: request.url,
    languages: DESK_LANGUAGES.map((code) => ({
      code,
      name: LANGUAGE_NAMES[code],
      current: code === t.language,
    })),
  };
}
