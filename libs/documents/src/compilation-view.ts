import type {
  AmendmentChangeData,
  CompilationAmendmentData,
  CompilationData,
  DocumentHeaderData,
  ParagraphData,
} from './document-data';
import { diffText, toRevisionDate, type RedlineSegment } from './redline-view';

/** A copy of a paragraph carrying one change of an amendment, as tracked changes. */
export interface AmendedCopy {
  /** A new paragraph the amendment inserts after this one. */
  inserted: boolean;
  /** The amendment deletes the paragraph. */
  deleted: boolean;
  /** The amendment replaces the paragraph's text: `segments` are word by word. */
  modified: boolean;
  text: string;
  segments: RedlineSegment[];
}

/** One amendment as it stands under a paragraph of the compilation. */
export interface ParagraphProposal {
  number: number;
  /** The proposing state's name: w:author of every change in `copies`. */
  author: string;
  /** w:date of those changes: when the amendment was proposed. */
  date: string;
  sponsors: string[];
  note: string | null;
  status: string;
  onBehalf: boolean;
  copies: AmendedCopy[];
}

export interface CompiledParagraph {
  id: string;
  /** "PP 2", "OP 3" (as the consensus report names paragraphs). */
  label: string;
  text: string;
  /** The amendments to this paragraph, in number order. */
  proposals: ParagraphProposal[];
}

/** A row of the table of amendments at the end of the compilation. */
export interface AmendmentListing {
  number: number;
  stateName: string;
  sponsors: string[];
  /** Labels of the paragraphs it changes or follows, in the order of the text. */
  paragraphs: string[];
  status: string;
  note: string | null;
  onBehalf: boolean;
}

/** What `templates/<language>/compilation.hbs` receives. */
export interface CompilationView {
  header: DocumentHeaderData;
  draft: { symbol: string; title: string };
  revision: { number: number; date: string; title: string };
  preamble: CompiledParagraph[];
  operative: CompiledParagraph[];
  amendments: AmendmentListing[];
  counts: { amendments: number; states: number };
}

/**
 * Lays the amendments to a revision out paragraph by paragraph: under each paragraph, every
 * amendment that replaces or deletes it, or inserts a paragraph after it, as a copy of the
 * paragraph with that change as word-level tracked changes authored by the proposing state.
 * Changes naming a paragraph the revision lacks are left out of the paragraphs (they cannot
 * be placed) but the amendment stays in the table.
 */
export function compileAmendments(data: CompilationData): CompilationView {
  const labels = new Map<string, string>();
  data.revision.preamble.forEach((p, i) => labels.set(p.id, `PP ${i + 1}`));
  data.revision.operative.forEach((p, i) => labels.set(p.id, `OP ${i + 1}`));
  const order = [...labels.keys()];
  const texts = new Map(
    [...data.revision.preamble, ...data.revision.operative].map((p) => [p.id, p.text]),
  );
  const amendments = [...data.amendments].sort((a, b) => a.number - b.number);

  const compile = (paragraph: ParagraphData): CompiledParagraph => ({
    id: paragraph.id,
    label: labels.get(paragraph.id)!,
    text: paragraph.text,
    proposals: amendments.flatMap((amendment) => {
      const copies = amendment.changes
        .filter((change) => anchorOf(change) === paragraph.id)
        .map((change) => copyOf(change, texts.get(paragraph.id)!));
      return copies.length === 0 ? [] : [proposalOf(amendment, copies)];
    }),
  });

  return {
    header: data.header,
    draft: data.draft,
    revision: {
      number: data.revision.number,
      date: data.revision.date,
      title: data.revision.title,
    },
    preamble: data.revision.preamble.map(compile),
    operative: data.revision.operative.map(compile),
    amendments: amendments.map((amendment) => ({
      number: amendment.number,
      stateName: amendment.stateName,
      sponsors: amendment.sponsors,
      paragraphs: order
        .filter((id) => amendment.changes.some((change) => anchorOf(change) === id))
        .map((id) => labels.get(id)!),
      status: amendment.status,
      note: amendment.note,
      onBehalf: amendment.onBehalf,
    })),
    counts: {
      amendments: amendments.length,
      states: new Set(amendments.map((a) => a.stateCode)).size,
    },
  };
}

function anchorOf(change: AmendmentChangeData): string {
  return 'after' in change ? change.after : change.paragraphId;
}

function copyOf(change: AmendmentChangeData, original: string): AmendedCopy {
  if ('after' in change) {
    return {
      inserted: true,
      deleted: false,
      modified: false,
      text: change.text,
      segments: [{ text: change.text, inserted: false, deleted: false }],
    };
  }
  if ('delete' in change) {
    return {
      inserted: false,
      deleted: true,
      modified: false,
      text: original,
      segments: [{ text: original, inserted: false, deleted: false }],
    };
  }
  return {
    inserted: false,
    deleted: false,
    modified: true,
    text: change.text,
    segments: diffText(original, change.text),
  };
}

function proposalOf(amendment: CompilationAmendmentData, copies: AmendedCopy[]): ParagraphProposal {
  return {
    number: amendment.number,
    author: amendment.stateName,
    date: toRevisionDate(amendment.createdAt),
    sponsors: amendment.sponsors,
    note: amendment.note,
    status: amendment.status,
    onBehalf: amendment.onBehalf,
    copies,
  };
}
