import { DomainError } from './errors';
import { joinOr } from './wording';

export const ROLES = ['admin', 'secretariat', 'chair', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The person acting, as the domain needs to see them. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** Codes of the bodies this user chairs, e.g. ['SOC']. Meaningful with the 'chair' role. */
  chairOf: readonly string[];
  /** A delegate's member state; null for everyone else. */
  stateCode: string | null;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/**
 * Who may read member states' positions, reservations and the audit trail (with its actors'
 * e-mail addresses). Observers (observer states, partner organisations) follow a draft's
 * status, not the negotiation inside it.
 */
export const POSITION_READERS = [
  'admin',
  'secretariat',
  'chair',
  'delegate',
] as const satisfies readonly Role[];

export function readsPositions(actor: Actor): boolean {
  return POSITION_READERS.some((role) => hasRole(actor, role));
}

/** Holding the 'chair' role is not enough: one chairs a given body (the SOC, the CFM…). */
export function chairs(actor: Actor, bodyCode: string): boolean {
  return hasRole(actor, 'chair') && actor.chairOf.includes(bodyCode);
}

export function isDelegateOf(actor: Actor, stateCode: string): boolean {
  return hasRole(actor, 'delegate') && actor.stateCode !== null && actor.stateCode === stateCode;
}

/**
 * The kinds of person a rule can name. Chairs are named by the body's place in the draft's
 * life (reviewing, adopting), not by a body code: which body reviews or adopts is data.
 */
export type Authority = 'secretariat' | 'reviewing-chair' | 'adopting-chair' | 'penholder-delegate';

/** The draft facts an authority is judged against. */
export interface AuthorityScope {
  penholder: string;
  reviewingBodyCode: string;
  adoptingBodyCode: string;
}

export function holdsAuthority(actor: Actor, authority: Authority, scope: AuthorityScope): boolean {
  switch (authority) {
    case 'secretariat':
      return hasRole(actor, 'secretariat');
    case 'reviewing-chair':
      return chairs(actor, scope.reviewingBodyCode);
    case 'adopting-chair':
      return chairs(actor, scope.adoptingBodyCode);
    case 'penholder-delegate':
      return isDelegateOf(actor, scope.penholder);
  }
}

/**
 * Null when the actor holds one of the authorities; otherwise the refusal, naming who may.
 * `doing` completes "may …", e.g. 'withdraw the draft'.
 */
export function authorityRefusal(
  actor: Actor,
  authorities: readonly Authority[],
  scope: AuthorityScope,
  doing: string,
  facts: Record<string, unknown> = {},
): DomainError | null {
  if (authorities.some((authority) => holdsAuthority(actor, authority, scope))) return null;

  const who = describeAuthorities(authorities, scope);
  const bodyCodes = chairBodies(authorities, scope);
  const requiredRoles = unique(authorities.map(roleOf));
  const penholderMayAct = authorities.includes('penholder-delegate');

  if (penholderMayAct && hasRole(actor, 'delegate') && actor.stateCode !== null) {
    return new DomainError(
      'NOT_PENHOLDER',
      `Only ${who} may ${doing}; your delegation (${actor.stateCode}) is not the penholder.`,
      { facts: { ...facts, penholder: scope.penholder, stateCode: actor.stateCode } },
    );
  }
  return new DomainError('ROLE_REQUIRED', `Only ${who} may ${doing}.`, {
    facts: {
      ...facts,
      requiredRoles,
      ...(bodyCodes.length > 0 ? { bodyCodes } : {}),
      ...(penholderMayAct ? { penholder: scope.penholder } : {}),
      roles: [...actor.roles],
    },
  });
}

function roleOf(authority: Authority): Role {
  switch (authority) {
    case 'secretariat':
      return 'secretariat';
    case 'reviewing-chair':
    case 'adopting-chair':
      return 'chair';
    case 'penholder-delegate':
      return 'delegate';
  }
}

function chairBodies(authorities: readonly Authority[], scope: AuthorityScope): string[] {
  const bodies: string[] = [];
  for (const authority of authorities) {
    if (authority === 'reviewing-chair') bodies.push(scope.reviewingBodyCode);
    if (authority === 'adopting-chair') bodies.push(scope.adoptingBodyCode);
  }
  return unique(bodies);
}

function describeAuthorities(authorities: readonly Authority[], scope: AuthorityScope): string {
  const parts: string[] = [];
  if (authorities.includes('secretariat')) parts.push('the secretariat');
  const bodies = chairBodies(authorities, scope);
  if (bodies.length > 0) parts.push(`the chair of the ${joinOr(bodies)}`);
  if (authorities.includes('penholder-delegate')) {
    parts.push(`a delegate of the penholder (${scope.penholder})`);
  }
  return joinOr(parts);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
