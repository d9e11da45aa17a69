import { changeAnchor, changeKind, type AmendmentChange } from './amendments';
import { DomainError, ok, refuse, type Decision } from './errors';
import {
  describeParagraph,
  paragraphIndex,
  PARAGRAPH_PARTS,
  type RevisionContent,
} from './revision';
import type { AmendmentOutcome, AmendmentStatus } from './vocabulary';
import { joinAnd } from './wording';

/** An amendment to the revision being disposed of, as stored. */
export interface AmendmentRecord {
  id: string;
  number: number;
  stateCode: string;
  status: AmendmentStatus;
  changes: readonly AmendmentChange[];
}

/** The chair's disposition of a round: amendments (by id) accepted and bracketed. */
export interface DispositionInput {
  accepted?: readonly string[] | null;
  bracketed?: readonly string[] | null;
}

export interface AmendmentDisposal {
  amendmentId: string;
  number: number;
  outcome: AmendmentOutcome;
}

export interface DispositionResult {
  /** The next revision's text (the title is kept: amendments change paragraphs). */
  content: RevisionContent;
  /** Every amendment to the revision, in number order, with the outcome recorded for it. */
  outcomes: AmendmentDisposal[];
}

type Disposed = 'accepted' | 'bracketed';

/**
 * Applies a disposition to a revision (DESIGN, "Amendments and the compilation text"):
 * accepted changes enter the text; a bracketed replacement enters as the alternatives
 * `[original] [amended]`, a bracketed deletion as `[original]`, a bracketed insertion as
 * `[new text]`, so the revision cannot reach consensus until the brackets are resolved; every
 * other proposed amendment is not retained. Paragraphs keep their ids (a deleted one's id is
 * retired), and inserted ones get ids from `newId`, after the paragraph they follow, in
 * amendment order. An accepted amendment may not change a paragraph that another accepted or
 * bracketed one changes too: which text would stand is the chair's call, so both are named.
 */
export function applyDisposition(
  content: RevisionContent,
  amendments: readonly AmendmentRecord[],
  disposition: DispositionInput,
  newId: () => string,
): Decision<DispositionResult> {
  const byId = new Map(amendments.map((amendment) => [amendment.id, amendment]));
  const chosen = new Map<string, Disposed>();
  for (const list of ['accepted', 'bracketed'] as const) {
    for (const [i, id] of (disposition[list] ?? []).entries()) {
      const field = `disposition.${list}[${i}]`;
      const amendment = byId.get(id);
      if (amendment === undefined) {
        return refuse(
          new DomainError(
            'UNKNOWN_AMENDMENT',
            `"${id}" is not an amendment to the revision being disposed of.`,
            { field, facts: { amendmentId: id } },
          ),
        );
      }
      if (chosen.has(id)) {
        return refuse(
          new DomainError(
            'AMENDMENT_DISPOSED_TWICE',
            `Amendment ${amendment.number} is named twice in the disposition; accept it or bracket it.`,
            { field, facts: { amendmentId: id, number: amendment.number } },
          ),
        );
      }
      if (amendment.status !== 'proposed') {
        return refuse(
          new DomainError(
            'AMENDMENT_NOT_OPEN',
            `Amendment ${amendment.number} is ${amendment.status}; only open amendments are disposed of.`,
            {
              field,
              facts: { amendmentId: id, number: amendment.number, status: amendment.status },
            },
          ),
        );
      }
      chosen.set(id, list);
    }
  }

  const index = paragraphIndex(content);
  // Per paragraph: what replaces or deletes it, and what follows it.
  const changed = new Map<
    string,
    { amendment: AmendmentRecord; how: Disposed; change: AmendmentChange }[]
  >();
  const following = new Map<string, string[]>();
  const ordered = [...amendments].sort((a, b) => a.number - b.number);
  for (const amendment of ordered) {
    const how = chosen.get(amendment.id);
    if (how === undefined) continue;
    for (const change of amendment.changes) {
      const anchor = changeAnchor(change);
      if (!index.has(anchor)) {
        return refuse(
          new DomainError(
            'UNKNOWN_PARAGRAPH',
            `Amendment ${amendment.number} changes paragraph "${anchor}", which is not in the revision.`,
            { field: 'disposition', facts: { paragraphId: anchor, number: amendment.number } },
          ),
        );
      }
      if ('after' in change) {
        const text = how === 'accepted' ? change.text : `[${change.text}]`;
        following.set(anchor, [...(following.get(anchor) ?? []), text]);
      } else {
        changed.set(anchor, [...(changed.get(anchor) ?? []), { amendment, how, change }]);
      }
    }
  }
  for (const [paragraphId, entries] of changed) {
    const distinct = [...new Map(entries.map((e) => [e.amendment.id, e])).values()];
    if (distinct.length > 1 && distinct.some((e) => e.how === 'accepted')) {
      const place = index.get(paragraphId)!;
      const named = distinct.map((e) => `${e.amendment.number} (${e.amendment.stateCode})`);
      return refuse(
        new DomainError(
          'CONFLICTING_AMENDMENTS',
          `Amendments ${joinAnd(named)} ${named.length === 2 ? 'both' : 'all'} change ${describeParagraph(place.part, place.number)}; accept one of them alone, or bracket them all.`,
          {
            field: 'disposition.accepted',
            facts: {
              paragraphId,
              amendments: distinct.map((e) => ({
                id: e.amendment.id,
                number: e.amendment.number,
                stateCode: e.amendment.stateCode,
                disposed: e.how,
              })),
            },
          },
        ),
      );
    }
  }

  const taken = new Set(index.keys());
  const fresh = (): string => {
    const id = newId();
    // A colliding generator would silently merge two paragraphs' histories: a bug, not a refusal.
    if (taken.has(id)) throw new Error(`newId() returned an id already in use: ${id}`);
    taken.add(id);
    return id;
  };
  const next: RevisionContent = { title: content.title, preamble: [], operative: [] };
  for (const part of PARAGRAPH_PARTS) {
    for (const paragraph of content[part]) {
      const text = disposedText(paragraph.text, changed.get(paragraph.id) ?? []);
      if (text !== null) next[part].push({ id: paragraph.id, text });
      for (const inserted of following.get(paragraph.id) ?? [])
        next[part].push({ id: fresh(), text: inserted });
    }
  }
  const outcomes = ordered.map((amendment): AmendmentDisposal => ({
    amendmentId: amendment.id,
    number: amendment.number,
    outcome:
      amendment.status === 'withdrawn' ? 'withdrawn' : (chosen.get(amendment.id) ?? 'not-retained'),
  }));
  return ok({ content: next, outcomes });
}

/** The paragraph's text once disposed of; null when an accepted amendment deletes it. */
function disposedText(
  original: string,
  entries: readonly { how: Disposed; change: AmendmentChange }[],
): string | null {
  const accepted = entries.find((entry) => entry.how === 'accepted');
  if (accepted) return 'text' in accepted.change ? accepted.change.text : null;
  if (entries.length === 0) return original;
  const alternatives = entries.flatMap(({ change }) =>
    changeKind(change) === 'replace' && 'text' in change ? [`[${change.text}]`] : [],
  );
  return [`[${original}]`, ...alternatives].join(' ');
}
