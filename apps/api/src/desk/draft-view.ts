import type { Paragraph } from '@chancery/domain';
import { diffWordsWithSpace } from 'diff';
import { formatInstant } from './desk-labels';
import type { Translator } from './i18n/desk-i18n';

/** A run of paragraph text; `bracket` marks disputed text still in square brackets. */
export interface TextSegment {
  text: string;
  bracket: boolean;
}

/**
 * Splits a paragraph into plain and bracketed runs so that the page can highlight the
 * brackets without building HTML from text. Nested brackets make one run (the outermost);
 * a bracket left open runs to the end of the paragraph, a stray closing one stays plain.
 */
export function bracketSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number, bracket: boolean) => {
    if (end > start) segments.push({ text: text.slice(start, end), bracket });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') {
      if (depth === 0) push(i, false);
      depth++;
    } else if (text[i] === ']' && depth > 0) {
      depth--;
      if (depth === 0) push(i + 1, true);
    }
  }
  push(text.length, depth > 0);
  return segments;
}

export interface RevisionLike {
  number: number;
  symbol: string;
  title: string;
  preamble: Paragraph[];
  operative: Paragraph[];
  note: string | null;
  author: string;
  createdAt: string;
  openBrackets: unknown[];
}

/** "PP 2" and "OP 3" ("ПП 2", "ОП 3"): how negotiators point at paragraphs. */
export function paragraphLabel(prefix: 'PP' | 'OP', number: number, t: Translator): string {
  return t.t(prefix === 'PP' ? 'paragraph.preamble' : 'paragraph.operative', { number });
}

export function paragraphLabels(
  revision: Pick<RevisionLike, 'preamble' | 'operative'>,
  t: Translator,
): Map<string, string> {
  const labels = new Map<string, string>();
  revision.preamble.forEach((p, i) => labels.set(p.id, paragraphLabel('PP', i + 1, t)));
  revision.operative.forEach((p, i) => labels.set(p.id, paragraphLabel('OP', i + 1, t)));
  return labels;
}

export function revisionTextView(revision: RevisionLike, currentRevision: number, t: Translator) {
  const paragraph = (p: Paragraph, i: number, prefix: 'PP' | 'OP') => ({
    id: p.id,
    number: i + 1,
    label: paragraphLabel(prefix, i + 1, t),
    segments: bracketSegments(p.text),
    hasBrackets: p.text.includes('[') || p.text.includes(']'),
  });
  return {
    number: revision.number,
    symbol: revision.symbol,
    title: revision.title,
    titleSegments: bracketSegments(revision.title),
    isCurrent: revision.number === currentRevision,
    author: revision.author,
    createdAt: formatInstant(revision.createdAt, t),
    note: revision.note,
    openBrackets: revision.openBrackets.length,
    preamble: revision.preamble.map((p, i) => paragraph(p, i, 'PP')),
    operative: revision.operative.map((p, i) => paragraph(p, i, 'OP')),
  };
}

export interface DiffSegment {
  text: string;
  inserted: boolean;
  deleted: boolean;
}

export interface ComparedParagraph {
  label: string;
  change: 'inserted' | 'deleted' | 'modified' | 'unchanged';
  segments: DiffSegment[];
}

/**
 * Two revisions side by side in one column: paragraphs matched by their stable id within each
 * part, in the later revision's order; a deleted paragraph stands after the one it followed.
 * Words inserted and deleted are marked, so the page reads like a redline.
 */
export function compareRevisionsView(from: RevisionLike, to: RevisionLike, t: Translator) {
  const part = (
    before: Paragraph[],
    after: Paragraph[],
    prefix: 'PP' | 'OP',
  ): ComparedParagraph[] => {
    const afterIds = new Set(after.map((p) => p.id));
    const beforeById = new Map(before.map((p) => [p.id, p]));
    const deletedAfter = new Map<string | null, Paragraph[]>();
    let anchor: string | null = null;
    for (const p of before) {
      if (afterIds.has(p.id)) anchor = p.id;
      else deletedAfter.set(anchor, [...(deletedAfter.get(anchor) ?? []), p]);
    }
    const deleted = (p: Paragraph): ComparedParagraph => ({
      label: t.t('paragraph.deleted', { part: prefix }),
      change: 'deleted',
      segments: [{ text: p.text, inserted: false, deleted: true }],
    });
    const result = (deletedAfter.get(null) ?? []).map(deleted);
    after.forEach((p, i) => {
      const label = paragraphLabel(prefix, i + 1, t);
      const old = beforeById.get(p.id);
      if (!old)
        result.push({
          label,
          change: 'inserted',
          segments: [{ text: p.text, inserted: true, deleted: false }],
        });
      else if (old.text === p.text)
        result.push({
          label,
          change: 'unchanged',
          segments: [{ text: p.text, inserted: false, deleted: false }],
        });
      else result.push({ label, change: 'modified', segments: diffWords(old.text, p.text) });
      result.push(...(deletedAfter.get(p.id) ?? []).map(deleted));
    });
    return result;
  };
  const preamble = part(from.preamble, to.preamble, 'PP');
  const operative = part(from.operative, to.operative, 'OP');
  const counts = { inserted: 0, deleted: 0, modified: 0, unchanged: 0 };
  for (const p of [...preamble, ...operative]) counts[p.change] += 1;
  return {
    title:
      from.title === to.title
        ? [{ text: to.title, inserted: false, deleted: false }]
        : diffWords(from.title, to.title),
    preamble,
    operative,
    counts,
  };
}

function diffWords(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    text: change.value,
    inserted: Boolean(change.added),
    deleted: Boolean(change.removed),
  }));
}

/** Audit actions the desk names in words; any other is shown as its code. */
const AUDIT_ACTIONS = [
  'draft.registered',
  'revision.added',
  'draft.submit',
  'draft.declare-consensus',
  'draft.adopt',
  'draft.reopen',
  'draft.reopened',
  'draft.withdraw',
  'position.recorded',
  'silence.started',
  'silence.held',
  'silence.broken',
  'silence.cancelled',
] as const;

const auditAction = (action: string, t: Translator): string =>
  (AUDIT_ACTIONS as readonly string[]).includes(action)
    ? t.t(`audit.${action as (typeof AUDIT_ACTIONS)[number]}`)
    : action;

export function auditView(
  entries: {
    seq: number;
    occurredAt: string;
    actor: string;
    action: string;
    details: Record<string, unknown>;
  }[],
  t: Translator,
) {
  return entries.map((entry) => ({
    seq: entry.seq,
    at: formatInstant(entry.occurredAt, t),
    actor: entry.actor,
    action: auditAction(entry.action, t),
    details: Object.entries(entry.details).map(([key, value]) => ({
      key,
      value: Array.isArray(value)
        ? value.join(', ')
        : typeof value === 'object' && value !== null
          ? JSON.stringify(value)
          : String(value),
    })),
  }));
}
