import {
  matchParagraphs,
  previousParagraphsOf,
  type ParagraphMatchOptions,
} from './paragraph-matching';
import type { ParagraphPart, RevisionContent } from './revision';

/** A proposed change to one paragraph, in the amendments' shape. */
export type ProposedChange =
  | { paragraphId: string; text: string }
  | { after: string; text: string }
  | { paragraphId: string; delete: true };

/** A paragraph of a delegation's copy: as it stood before its tracked changes, and after them. */
export interface TrackedParagraph {
  part: ParagraphPart;
  original: string;
  text: string;
}

export interface TrackedChangesReading {
  changes: ProposedChange[];
  /** Paragraphs of the copy that are in no way the current revision's (another revision's copy?). */
  unknown: string[];
  /** Inserted paragraphs with nothing before them to be placed after. */
  unplaced: string[];
}

/**
 * Turns a delegation's copy of the current revision, with its tracked changes, into proposed
 * changes paragraph by paragraph. Each paragraph is tied to the current revision by its text
 * before the changes (by similarity, so a copy reformatted in Word still finds its place): a
 * changed text replaces, an emptied paragraph deletes, and a paragraph that did not exist
 * before is inserted after the last paragraph above it.
 */
export function changesFromTrackedCopy(
  current: RevisionContent,
  paragraphs: readonly TrackedParagraph[],
  options: ParagraphMatchOptions = {},
): TrackedChangesReading {
  const existing = paragraphs
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p.original !== '');
  const matches = matchParagraphs(
    previousParagraphsOf(current),
    existing.map(({ p }) => ({ part: p.part, text: p.original })),
    options,
  );
  const idAt = new Map(matches.map((m) => [existing[m.incoming].index, m.paragraphId]));
  const reading: TrackedChangesReading = { changes: [], unknown: [], unplaced: [] };
  let above: string | null = null;
  paragraphs.forEach((paragraph, index) => {
    const paragraphId = idAt.get(index);
    if (paragraphId !== undefined) {
      if (paragraph.text === '') reading.changes.push({ paragraphId, delete: true });
      else if (paragraph.text !== paragraph.original)
        reading.changes.push({ paragraphId, text: paragraph.text });
      above = paragraphId;
    } else if (paragraph.original !== '') {
      reading.unknown.push(paragraph.original);
    } else if (paragraph.text !== '') {
      if (above === null) reading.unplaced.push(paragraph.text);
      else reading.changes.push({ after: above, text: paragraph.text });
    }
  });
  return reading;
}
