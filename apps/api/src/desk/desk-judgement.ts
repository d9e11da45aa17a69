import {
  type Actor,
  type DraftFacts,
  type RevisionContent,
  decidePosition,
  decideRevision,
} from '@chancery/domain';
import { type DraftSnapshot, type MemberStateRow, draftFacts } from '@chancery/persistence';

/** What the domain needs to judge what this official may do on the draft now. */
export interface Judgement {
  facts: DraftFacts;
  members: MemberStateRow[];
  content: RevisionContent;
}

export function judgementOf(snapshot: DraftSnapshot): Judgement {
  return {
    facts: draftFacts(snapshot.draft),
    members: snapshot.members,
    content: snapshot.revision?.content ?? {
      title: snapshot.draft.title,
      preamble: [],
      operative: [],
    },
  };
}

/** May this official circulate a revision, and must it carry a reason (it reopens review)? */
export function revising(actor: Actor, judgement: Judgement) {
  const withReason = decideRevision({ draft: judgement.facts, actor, reason: 'given on the form' });
  const withoutReason = decideRevision({ draft: judgement.facts, actor, reason: null });
  return {
    allowed: withReason.ok,
    refusal: withReason.ok ? null : withReason.error,
    needsReason:
      withReason.ok && !withoutReason.ok && withoutReason.error.code === 'REASON_REQUIRED',
  };
}

/** The domain's answer to "may this official record this state's position now?". */
export function positionDecision(actor: Actor, judgement: Judgement, code: string, now: Date) {
  return decidePosition({
    draft: judgement.facts,
    actor,
    stateCode: code,
    member: judgement.members.find((m) => m.code === code),
    input: { stance: 'concur' },
    content: judgement.content,
    now,
  });
}

export function mayRecord(actor: Actor, judgement: Judgement, code: string, now: Date): boolean {
  return positionDecision(actor, judgement, code, now).ok;
}
