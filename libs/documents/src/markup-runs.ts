// Runs: the text of a paragraph as the builder collected it (segments with their formatting flags
// and tracked change), turned into `docx` runs once the paragraph closes.

import {
  DeletedTextRun,
  InsertedTextRun,
  PageNumber,
  Tab,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { BRACKET_HIGHLIGHT, BRACKET_STYLE } from './word-styles';

/** Inline formatting elements and the flag each one sets on the text inside it. */
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 4;
const BRACKET = 8;
export const FORMAT_FLAGS = new Map<string, number>([
  ['b', BOLD],
  ['i', ITALIC],
  ['u', UNDERLINE],
  ['bracket', BRACKET],
]);

/** Run properties for each combination of flags, built once. */
const RUN_FORMATS: readonly Readonly<IRunOptions>[] = Array.from({ length: 16 }, (_, flags) => ({
  ...(flags & (BOLD | BRACKET) ? { bold: true } : {}),
  ...(flags & ITALIC ? { italics: true } : {}),
  ...(flags & UNDERLINE ? { underline: {} } : {}),
  ...(flags & BRACKET ? { style: BRACKET_STYLE, highlight: BRACKET_HIGHLIGHT } : {}),
}));

export interface TrackedChange {
  readonly kind: 'insert' | 'delete';
  readonly author: string;
  readonly date: string;
}

export type Segment =
  | { kind: 'text'; text: string; flags: number; change: TrackedChange | null }
  | {
      kind: 'field';
      field: typeof PageNumber.CURRENT | typeof PageNumber.TOTAL_PAGES;
      flags: number;
      change: TrackedChange | null;
    }
  | { kind: 'tab'; flags: number; change: TrackedChange | null }
  | { kind: 'break' };

/**
 * Collapses white space as HTML does (template indentation never reaches Word) and builds the
 * runs; each tracked run takes the next revision id, in the order of the text.
 */
export function runsOf(segments: Segment[], nextRevisionId: () => number): ParagraphChild[] {
  // First pass, in place: collapse each text, drop a space that follows a space, a line
  // start or a tab, and trim the space before a line break or the paragraph's end.
  let afterSpace = true;
  let lastText = -1;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment.kind === 'text') {
      let value = collapseSpace(segment.text);
      if (afterSpace && value.charCodeAt(0) === SPACE) value = value.slice(1);
      segment.text = value;
      if (value === '') continue;
      afterSpace = value.charCodeAt(value.length - 1) === SPACE;
      lastText = index;
    } else if (segment.kind === 'break') {
      trimEnd(segments, lastText);
      lastText = -1;
      afterSpace = true;
    } else if (segment.kind === 'tab') {
      afterSpace = true;
    } else {
      afterSpace = false;
      lastText = -1;
    }
  }
  trimEnd(segments, lastText);

  const runs: ParagraphChild[] = [];
  for (const segment of segments) {
    switch (segment.kind) {
      case 'text':
        if (segment.text !== '')
          runs.push(run(segment.text, undefined, segment.flags, segment.change, nextRevisionId));
        break;
      case 'tab':
        runs.push(run(undefined, [new Tab()], segment.flags, segment.change, nextRevisionId));
        break;
      case 'field':
        runs.push(run(undefined, [segment.field], segment.flags, segment.change, nextRevisionId));
        break;
      case 'break':
        runs.push(new TextRun({ break: 1 }));
        break;
    }
  }
  return runs;
}

function run(
  text: string | undefined,
  children: IRunOptions['children'],
  flags: number,
  change: TrackedChange | null,
  nextRevisionId: () => number,
): ParagraphChild {
  if (change === null) {
    if (flags === 0 && text !== undefined) return new TextRun(text);
    return new TextRun({ ...RUN_FORMATS[flags], text, children });
  }
  const revision = { id: nextRevisionId(), author: change.author, date: change.date };
  return change.kind === 'insert'
    ? new InsertedTextRun({ ...RUN_FORMATS[flags], ...revision, text, children })
    : new DeletedTextRun({ ...RUN_FORMATS[flags], ...revision, text, children });
}

const SPACE = 0x20;

// Characters XML 1.0 cannot carry (C0 controls but tab and line ends, U+FFFE, U+FFFF, unpaired
// surrogates): a Word file containing one does not open. Surrogates also occur in pairs (emoji),
// so the cheap test only decides whether to look closer.
const MAYBE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  if (!MAYBE_UNSAFE.test(text)) return text;
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

function trimEnd(segments: Segment[], index: number): void {
  const segment = segments[index];
  if (segment?.kind === 'text' && segment.text.charCodeAt(segment.text.length - 1) === SPACE) {
    segment.text = segment.text.slice(0, -1);
  }
}

// Only XML white space collapses: a no-break space typed in a template or in the data stays.
// Most text has nothing to collapse, and a test costs less than a replace that copies it.
const COLLAPSIBLE = /[\t\r\n]| {2}/;
function collapseSpace(text: string): string {
  return COLLAPSIBLE.test(text) ? text.replace(/[ \t\r\n]+/g, ' ') : text;
}
