import { DomainError } from './errors';
import { capitalise, normaliseSpace } from './wording';

export interface Paragraph {
  id: string;
  text: string;
}

/** One immutable revision of a draft: title, preambular and operative paragraphs, in order. */
export interface RevisionContent {
  title: string;
  preamble: Paragraph[];
  operative: Paragraph[];
}

export interface ParagraphInput {
  id?: string | null;
  text: string;
}

export interface RevisionInput {
  title?: string | null;
  preamble: ParagraphInput[];
  operative: ParagraphInput[];
}

export const PARAGRAPH_PARTS = ['preamble', 'operative'] as const;
export type ParagraphPart = (typeof PARAGRAPH_PARTS)[number];
export type TextPart = 'title' | ParagraphPart;

/** "preambular paragraph 2", "operative paragraph 3", "the title". */
export function describeParagraph(part: TextPart, number: number): string {
  switch (part) {
    case 'title':
      return 'the title';
    case 'preamble':
      return `preambular paragraph ${number}`;
    case 'operative':
      return `operative paragraph ${number}`;
  }
}

/**
 * Builds the next revision from what the penholder sent. Identity is what positions,
 * amendments and redlines point at, so it is kept strictly: a paragraph keeps its id only by
 * naming an id of the previous revision (it may move between preamble and operative), a
 * paragraph without an id is new, and an id the previous revision does not have is refused
 * rather than silently replaced. For a first revision, pass the draft's registered title
 * when the request has none.
 *
 * Throws a DomainError (category 'invalid', with the field at fault) for the first problem
 * found, in reading order; `newId` is only called once the input is known to be valid.
 */
export function buildRevisionContent(
  previous: RevisionContent | null,
  input: RevisionInput,
  newId: () => string,
): RevisionContent {
  const title = buildTitle(previous, input.title);
  const preamble = input.preamble ?? [];
  const operative = input.operative ?? [];
  if (preamble.length === 0 && operative.length === 0) {
    throw new DomainError('EMPTY_REVISION', 'A revision needs at least one paragraph.', {
      field: 'operative',
    });
  }

  const previousIds = new Set(previous ? paragraphIndex(previous).keys() : []);
  const firstSeen = new Map<string, { part: ParagraphPart; number: number }>();
  const checked = { preamble: [] as CheckedParagraph[], operative: [] as CheckedParagraph[] };
  for (const [part, paragraphs] of [
    ['preamble', preamble],
    ['operative', operative],
  ] as const) {
    paragraphs.forEach((paragraph, index) => {
      const number = index + 1;
      const field = `${part}[${index}]`;
      const label = describeParagraph(part, number);
      const id = typeof paragraph.id === 'string' ? paragraph.id.trim() : '';
      if (id !== '') {
        if (!previousIds.has(id)) {
          throw new DomainError(
            'UNKNOWN_PARAGRAPH',
            previous
              ? `${capitalise(label)} refers to paragraph "${id}", which is not in the previous revision.`
              : `${capitalise(label)} refers to paragraph "${id}", but this is the first revision.`,
            { field: `${field}.id`, facts: { paragraphId: id, part, number } },
          );
        }
        const earlier = firstSeen.get(id);
        if (earlier) {
          throw new DomainError(
            'DUPLICATE_PARAGRAPH',
            `Paragraph "${id}" is given twice: as ${describeParagraph(earlier.part, earlier.number)} and as ${label}.`,
            {
              field: `${field}.id`,
              facts: { paragraphId: id, first: earlier, second: { part, number } },
            },
          );
        }
        firstSeen.set(id, { part, number });
      }
      const text = normaliseSpace(typeof paragraph.text === 'string' ? paragraph.text : '');
      if (text === '') {
        throw new DomainError('EMPTY_PARAGRAPH', `${capitalise(label)} is empty.`, {
          field: `${field}.text`,
          facts: { part, number },
        });
      }
      checked[part].push({ id: id === '' ? null : id, text });
    });
  }

  const taken = new Set([...previousIds, ...firstSeen.keys()]);
  const assign = ({ id, text }: CheckedParagraph): Paragraph => {
    if (id !== null) return { id, text };
    const fresh = newId();
    // A colliding generator would silently merge two paragraphs' histories: a bug, not a refusal.
    if (taken.has(fresh)) throw new Error(`newId() returned an id already in use: ${fresh}`);
    taken.add(fresh);
    return { id: fresh, text };
  };
  return {
    title,
    preamble: checked.preamble.map(assign),
    operative: checked.operative.map(assign),
  };
}

interface CheckedParagraph {
  id: string | null;
  text: string;
}

function buildTitle(previous: RevisionContent | null, given: string | null | undefined): string {
  if (given === undefined || given === null) {
    if (previous) return previous.title;
    throw new DomainError('TITLE_REQUIRED', 'The first revision of a draft needs a title.', {
      field: 'title',
    });
  }
  const title = normaliseSpace(given);
  if (title === '') {
    throw new DomainError('TITLE_REQUIRED', 'The title cannot be empty.', { field: 'title' });
  }
  return title;
}

export interface ParagraphPlace {
  part: ParagraphPart;
  /** 1-based within its part, as printed. */
  number: number;
  text: string;
}

/** Where each paragraph of a revision stands, by id. */
export function paragraphIndex(content: RevisionContent): Map<string, ParagraphPlace> {
  const index = new Map<string, ParagraphPlace>();
  for (const part of PARAGRAPH_PARTS) {
    content[part].forEach((paragraph, i) => {
      index.set(paragraph.id, { part, number: i + 1, text: paragraph.text });
    });
  }
  return index;
}

export interface OpenBracket {
  /** null for the title. */
  paragraphId: string | null;
  part: TextPart;
  /** 1-based within its part (the title is 1). */
  number: number;
  /** The bracketed passage (or, when unbalanced, the text around the stray bracket), capped. */
  excerpt: string;
  /** 'bracketed': disputed text still in brackets; 'unbalanced': an unclosed '[' or a stray ']'. */
  problem: 'bracketed' | 'unbalanced';
}

export const EXCERPT_MAX_LENGTH = 80;

/**
 * Every passage still in square brackets, in reading order. Negotiators nest brackets
 * ("[a [b] c]"): only the outermost passage is reported, since agreeing it settles the inner
 * ones. A bracket that does not close, or closes nothing, is reported as 'unbalanced'.
 */
export function findOpenBrackets(content: RevisionContent): OpenBracket[] {
  const found: OpenBracket[] = [];
  for (const span of scanBrackets(content.title)) {
    found.push({ paragraphId: null, part: 'title', number: 1, ...span });
  }
  for (const part of PARAGRAPH_PARTS) {
    content[part].forEach((paragraph, i) => {
      for (const span of scanBrackets(paragraph.text)) {
        found.push({ paragraphId: paragraph.id, part, number: i + 1, ...span });
      }
    });
  }
  return found;
}

function scanBrackets(text: string): Pick<OpenBracket, 'excerpt' | 'problem'>[] {
  const spans: Pick<OpenBracket, 'excerpt' | 'problem'>[] = [];
  let depth = 0;
  let openedAt = -1;
  let settledUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') {
      if (depth === 0) openedAt = i;
      depth++;
    } else if (ch === ']') {
      if (depth === 0) {
        const cut = i + 1 - settledUpTo > EXCERPT_MAX_LENGTH;
        const excerpt = cut
          ? `…${text.slice(i + 2 - EXCERPT_MAX_LENGTH, i + 1)}`
          : text.slice(settledUpTo, i + 1).trimStart();
        spans.push({ excerpt, problem: 'unbalanced' });
        settledUpTo = i + 1;
      } else if (--depth === 0) {
        spans.push({ excerpt: cap(text.slice(openedAt, i + 1)), problem: 'bracketed' });
        settledUpTo = i + 1;
      }
    }
  }
  if (depth > 0) spans.push({ excerpt: cap(text.slice(openedAt)), problem: 'unbalanced' });
  return spans;
}

function cap(passage: string): string {
  return passage.length <= EXCERPT_MAX_LENGTH
    ? passage
    : `${passage.slice(0, EXCERPT_MAX_LENGTH - 1)}…`;
}
