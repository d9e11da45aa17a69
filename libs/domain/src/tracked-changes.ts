import {
  matchParagraphs,
  previousParagraphsOf,
  type ParagraphMatchOptions,
} from './paragraph-matching';
import { DomainError, type Decision, ok, refuse } from './errors';
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
  /** For each change, the index of the copy's paragraph it comes from. */
  origins: number[];
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
  const reading: TrackedChangesReading = { changes: [], origins: [], unknown: [], unplaced: [] };
  const propose = (change: ProposedChange, index: number) => {
    reading.changes.push(change);
    reading.origins.push(index);
  };
  let above: string | null = null;
  paragraphs.forEach((paragraph, index) => {
    const paragraphId = idAt.get(index);
    if (paragraphId !== undefined) {
      if (paragraph.text === '') propose({ paragraphId, delete: true }, index);
      else if (paragraph.text !== paragraph.original)
        propose({ paragraphId, text: paragraph.text }, index);
      above = paragraphId;
    } else if (paragraph.original !== '') {
      reading.unknown.push(paragraph.original);
    } else if (paragraph.text !== '') {
      if (above === null) reading.unplaced.push(paragraph.text);
      else propose({ after: above, text: paragraph.text }, index);
    }
  });
  return reading;
}

/** Who made a tracked change in Word, and when (Word's `w:author`, `w:date`). */
export interface TrackedRevisionMark {
  author: string;
  date: string | null;
}

/** One amendment read from a delegation's copy: one change, with the Word authors behind it. */
export interface TrackedAmendment {
  change: ProposedChange;
  authors: string[];
  /** The latest date Word recorded on the change, as Word wrote it (ISO 8601), if any. */
  date: string | null;
}

export interface TrackedAmendmentsReading {
  amendments: TrackedAmendment[];
  unknown: string[];
  unplaced: string[];
}

/**
 * A delegation's copy as its amendments, paragraph by paragraph (DESIGN.md, "Word in"): each
 * changed, new or emptied paragraph is one amendment, so the chair can accept one wording and
 * not retain another. Text changed without tracking is not a proposal: the paragraph's text
 * before the tracked changes is what ties it to the revision (by similarity), so a retyped
 * word leaves it in place and unchanged.
 */
export function amendmentsFromTrackedCopy(
  current: RevisionContent,
  paragraphs: readonly (TrackedParagraph & { changes: readonly TrackedRevisionMark[] })[],
  options: ParagraphMatchOptions = {},
): TrackedAmendmentsReading {
  const reading = changesFromTrackedCopy(current, paragraphs, options);
  return {
    amendments: reading.changes.map((change, i) => {
      const marks = paragraphs[reading.origins[i]].changes;
      const dates = marks.map((m) => m.date).filter((d): d is string => d !== null);
      return {
        change,
        authors: [...new Set(marks.map((m) => m.author).filter((a) => a !== ''))],
        date: dates.length > 0 ? dates.sort().at(-1)! : null,
      };
    }),
    unknown: reading.unknown,
    unplaced: reading.unplaced,
  };
}

/** How many of the unmatched paragraphs a refusal quotes. */
const QUOTED = 5;

/**
 * Whether a reading can become amendments: every paragraph of the copy must be the current
 * revision's (a copy of an older revision, or text edited without tracking beyond
 * recognition, would propose wording nobody meant) and something must be proposed.
 */
export function decideTrackedAmendments(
  reading: TrackedAmendmentsReading,
  revision: number,
): Decision<TrackedAmendment[]> {
  const stray = [...reading.unknown, ...reading.unplaced];
  if (stray.length > 0) {
    return refuse(
      new DomainError(
        'NOT_THE_CURRENT_TEXT',
        `${stray.length} paragraph(s) of the copy are not in revision ${revision} and are not tracked insertions after one of its paragraphs, for example "${stray[0].slice(0, 120)}". Start from the current revision's text and propose with tracked changes.`,
        {
          field: 'file',
          facts: {
            revision,
            unknown: reading.unknown.slice(0, QUOTED),
            unplaced: reading.unplaced.slice(0, QUOTED),
          },
        },
      ),
    );
  }
  if (reading.amendments.length === 0) {
    return refuse(
      new DomainError(
        'NO_PROPOSED_CHANGES',
        `The copy has the text of revision ${revision} unchanged: there is nothing to propose.`,
        { field: 'file', facts: { revision } },
      ),
    );
  }
  return ok(reading.amendments);
}
