import type { MeetingFacts } from './draft-status';
import type { decideTransition, TransitionRequest } from './lifecycle';
import { draft, EVERYONE, NOW, REACHED } from './test-factories';
import type { DraftStatus } from './vocabulary';

/** The statuses no action leaves. */
export const FINAL: DraftStatus[] = ['ADOPTED', 'WITHDRAWN'];

export const CFM_MEETING: MeetingFacts = { bodyCode: 'CFM', opensOn: '2024-12-17' };

/** A request that meets every condition, so that only what a test changes can refuse it. */
export function request(overrides: Partial<TransitionRequest> = {}): TransitionRequest {
  return {
    draft: draft(),
    action: 'submit',
    actor: EVERYONE,
    reason: 'The penholder asked for it.',
    consensus: REACHED,
    meeting: CFM_MEETING,
    now: NOW,
    ...overrides,
  };
}

export function refusalOf(decision: ReturnType<typeof decideTransition>) {
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.value)}`);
  return decision.error;
}
