import { type Actor, hasRole } from './actors';
import { type MemberState, isActiveMemberState } from './consensus';
import { DomainError, type Decision, ok, refuse } from './errors';
import type { DocumentType } from './vocabulary';

export interface RegistrationRequest {
  actor: Actor;
  type: DocumentType;
  /** The body that is to adopt the document, and the types it adopts. */
  adoptingBody: { code: string; adopts: readonly string[] };
  /** The penholder, if it is a member state at all. */
  penholder: MemberState | undefined;
  penholderCode: string;
  /** The meeting named for adoption, if any. */
  meeting: { bodyCode: string } | null;
  now: Date;
}

/**
 * The secretariat registers a draft for a body that adopts its type (a CFM statement, an
 * SOC concept paper…), held by the pen of an active member state; a meeting named for its
 * adoption must be one of that body.
 */
export function decideRegistration(request: RegistrationRequest): Decision<{ type: DocumentType }> {
  const { actor, type, adoptingBody, penholder, meeting } = request;
  if (!hasRole(actor, 'secretariat')) {
    return refuse(
      new DomainError('ROLE_REQUIRED', 'Only the secretariat registers drafts.', {
        facts: { requiredRoles: ['secretariat'] },
      }),
    );
  }
  if (!adoptingBody.adopts.includes(type)) {
    return refuse(
      new DomainError(
        'TYPE_NOT_ADOPTED_BY_BODY',
        `The ${adoptingBody.code} does not adopt documents of the type "${type}"; it adopts: ${adoptingBody.adopts.join(', ') || 'none'}.`,
        {
          field: 'type',
          facts: { adoptingBodyCode: adoptingBody.code, adopts: adoptingBody.adopts },
        },
      ),
    );
  }
  if (!penholder || !isActiveMemberState(penholder, request.now)) {
    return refuse(
      new DomainError(
        'PENHOLDER_NOT_MEMBER',
        `${request.penholderCode} is not an active member state and cannot hold the pen.`,
        {
          field: 'penholder',
          facts: { penholder: request.penholderCode },
        },
      ),
    );
  }
  if (meeting && meeting.bodyCode !== adoptingBody.code) {
    return refuse(
      new DomainError(
        'WRONG_BODY',
        `The meeting named is one of the ${meeting.bodyCode}, but the draft is to be adopted by the ${adoptingBody.code}.`,
        {
          field: 'meetingId',
          facts: { meetingBodyCode: meeting.bodyCode, adoptingBodyCode: adoptingBody.code },
        },
      ),
    );
  }
  return ok({ type });
}
