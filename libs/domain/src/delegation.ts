import { hasRole, isDelegateOf, type Actor } from './actors';
import { isActiveMemberState, type MemberState } from './consensus';
import { DomainError, ok, refuse, type Decision } from './errors';
import { calendarDate, longDate, utcDate } from './wording';

/** How a state's act is worded in a refusal: "record the position", "propose an amendment". */
export interface StateActWording {
  /** Completes "a delegation … only its own state's …": 'records' / 'position'. */
  verb: string;
  noun: string;
  /** Completes "may …": 'record the position of KAZ'. */
  doing: (stateCode: string) => string;
}

/**
 * Who speaks for a member state: its own delegation, or the secretariat on its behalf (a note
 * verbale received). Then the state must be an active member on the day. Positions, amendments
 * and sponsorships all go through here, so the rule is written once.
 */
export function decideSpeaker(
  actor: Actor,
  stateCode: string,
  member: MemberState | undefined,
  now: Date,
  wording: StateActWording,
): Decision<{ onBehalf: boolean }> {
  let onBehalf: boolean;
  if (isDelegateOf(actor, stateCode)) onBehalf = false;
  else if (hasRole(actor, 'secretariat')) onBehalf = true;
  else if (hasRole(actor, 'delegate')) {
    return refuse(
      new DomainError(
        'NOT_OWN_STATE',
        actor.stateCode === null
          ? `Your account is attached to no delegation, so it cannot ${wording.doing(stateCode)}.`
          : `A delegation ${wording.verb} only its own state's ${wording.noun}: you represent ${actor.stateCode}, not ${stateCode}.`,
        { facts: { stateCode, ownStateCode: actor.stateCode } },
      ),
    );
  } else {
    return refuse(
      new DomainError(
        'ROLE_REQUIRED',
        `Only a delegate of ${stateCode} or the secretariat may ${wording.doing(stateCode)}.`,
        {
          facts: { requiredRoles: ['delegate', 'secretariat'], stateCode, roles: [...actor.roles] },
        },
      ),
    );
  }

  if (member === undefined) {
    return refuse(
      new DomainError(
        'NOT_AN_ACTIVE_MEMBER_STATE',
        `${stateCode} is not a member state of the forum.`,
        { category: 'not-found', facts: { stateCode } },
      ),
    );
  }
  if (!isActiveMemberState(member, now)) {
    const today = utcDate(now);
    const membership =
      member.joined !== null && calendarDate(member.joined) > today
        ? `it joins on ${longDate(calendarDate(member.joined))}`
        : `it left on ${longDate(calendarDate(member.left ?? today))}`;
    return refuse(
      new DomainError(
        'NOT_AN_ACTIVE_MEMBER_STATE',
        `${stateCode} is not an active member state on ${longDate(today)}: ${membership}.`,
        { facts: { stateCode, joined: member.joined, left: member.left ?? null, onDate: today } },
      ),
    );
  }
  return ok({ onBehalf });
}
