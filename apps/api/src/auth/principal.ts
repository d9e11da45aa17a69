import type { Actor, Role } from '@chancery/domain';

/** The signed-in official: who they are and what they may do (a domain Actor). */
export interface Principal extends Actor {
  email: string;
  displayName: string;
  /** Notices not yet read, as of this request (the desk's header shows the count). */
  unreadNotices?: number;
  /** The language the official chose (null: none yet, the browser's is used) and their time zone. */
  language?: string | null;
  timeZone?: string;
}

export function describePrincipal(principal: Principal): Record<string, unknown> {
  return {
    id: principal.userId,
    email: principal.email,
    displayName: principal.displayName,
    roles: principal.roles,
    chairOf: principal.chairOf,
    stateCode: principal.stateCode ?? undefined,
  };
}

export const ROLE_PRIORITY: readonly Role[] = [
  'admin',
  'secretariat',
  'chair',
  'delegate',
  'observer',
];
