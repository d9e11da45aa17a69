import { diffWordsWithSpace } from 'diff';
import type { DocumentHeaderData, ParagraphData, RedlineData } from './document-data';

/** A run of text in a redline: unchanged, inserted by the later revision, or deleted by it. */
export interface RedlineSegment {
  text: string;
  inserted: boolean;
  deleted: boolean;
}

export type ParagraphChange = 'inserted' | 'deleted' | 'modified' | 'unchanged';

/** One paragraph of the redline, in the order the text will stand plus the paragraphs removed. */
export interface RedlineParagraph {
  /** The stable paragraph id both revisions share. */
  id: string;
  change: ParagraphChange;
  inserted: boolean;
  deleted: boolean;
  modified: boolean;
  /** The paragraph's text in the later revision (in the earlier one if it was deleted). */
  text: string;
  /** The word-by-word comparison; a single segment when the paragraph was not modified. */
  segments: RedlineSegment[];
}

export interface RevisionLabel {
  number: number;
  author: string;
  date: string;
}

/** What `templates/<language>/redline.hbs` receives. */
export interface RedlineView {
  header: DocumentHeaderData;
  draft: { symbol: string; title: string };
  from: RevisionLabel;
  to: RevisionLabel;
  /** Author of every tracked change: the later revision's. */
  revisionAuthor: string;
  /** Date of every tracked change: the later revision's, as an ISO 8601 date-time. */
  revisionDate: string;
  title: { modified: boolean; text: string; segments: RedlineSegment[] };
  preamble: RedlineParagraph[];
  operative: RedlineParagraph[];
  counts: { inserted: number; deleted: number; modified: number; unchanged: number };
}

/**
 * Compares two revisions paragraph by paragraph, matching paragraphs by their stable id within
 * the preamble and within the operative part: a paragraph only in the later revision is
 * inserted, one only in the earlier is deleted (and placed where it stood), one in both is
 * compared word by word. Paragraphs follow the later revision's order; a deleted one stands
 * after the paragraph it followed.
 */
export function compareRevisions(data: RedlineData): RedlineView {
  const preamble = compareParagraphs(data.from.preamble, data.to.preamble);
  const operative = compareParagraphs(data.from.operative, data.to.operative);
  const counts = { inserted: 0, deleted: 0, modified: 0, unchanged: 0 };
  for (const paragraph of [...preamble, ...operative]) counts[paragraph.change] += 1;
  const titleSegments = diffText(data.from.title, data.to.title);
  return {
    header: data.header,
    draft: data.draft,
    from: { number: data.from.number, author: data.from.author, date: data.from.date },
    to: { number: data.to.number, author: data.to.author, date: data.to.date },
    revisionAuthor: data.to.author,
    revisionDate: toRevisionDate(data.to.date),
    title: { modified: titleSegments.some(isChange), text: data.to.title, segments: titleSegments },
    preamble,
    operative,
    counts,
  };
}

function compareParagraphs(
  before: readonly ParagraphData[],
  after: readonly ParagraphData[],
): RedlineParagraph[] {
  const afterIds = new Set(after.map((paragraph) => paragraph.id));
  const beforeById = new Map(before.map((paragraph) => [paragraph.id, paragraph]));
  // A deleted paragraph is shown right after the paragraph that preceded it in the earlier
  // revision and survives in the later one (or first, if none did), so it keeps its context
  // even when other paragraphs moved.
  const deletedAfter = new Map<string | null, ParagraphData[]>();
  let anchor: string | null = null;
  for (const paragraph of before) {
    if (afterIds.has(paragraph.id)) {
      anchor = paragraph.id;
    } else {
      const group = deletedAfter.get(anchor) ?? [];
      group.push(paragraph);
      deletedAfter.set(anchor, group);
    }
  }
  const result: RedlineParagraph[] = (deletedAfter.get(null) ?? []).map((paragraph) =>
    whole(paragraph, 'deleted'),
  );
  for (const paragraph of after) {
    const old = beforeById.get(paragraph.id);
    if (old === undefined) {
      result.push(whole(paragraph, 'inserted'));
    } else if (old.text === paragraph.text) {
      result.push(whole(paragraph, 'unchanged'));
    } else {
      result.push({
        id: paragraph.id,
        change: 'modified',
        inserted: false,
        deleted: false,
        modified: true,
        text: paragraph.text,
        segments: diffText(old.text, paragraph.text),
      });
    }
    for (const deleted of deletedAfter.get(paragraph.id) ?? [])
      result.push(whole(deleted, 'deleted'));
  }
  return result;
}

function whole(
  paragraph: ParagraphData,
  change: 'inserted' | 'deleted' | 'unchanged',
): RedlineParagraph {
  return {
    id: paragraph.id,
    change,
    inserted: change === 'inserted',
    deleted: change === 'deleted',
    modified: false,
    text: paragraph.text,
    segments: [{ text: paragraph.text, inserted: false, deleted: false }],
  };
}

/** Word-by-word differences; spaces are tokens too, so only the words that changed are marked. */
export function diffText(before: string, after: string): RedlineSegment[] {
  if (before === after) return [{ text: after, inserted: false, deleted: false }];
  return diffWordsWithSpace(before, after).map((change) => ({
    text: change.value,
    inserted: change.added,
    deleted: change.removed,
  }));
}

function isChange(segment: RedlineSegment): boolean {
  return segment.inserted || segment.deleted;
}

/** Word wants an ISO 8601 date-time in w:date; a bare date becomes midnight UTC. */
export function toRevisionDate(value: string): string {
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(instant.getTime()))
    throw new TypeError(`revision date "${value}" is not an ISO 8601 date`);
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
