import { DEFAULT_DOCX_LIMITS, DocxArchive, type DocxLimits } from './docx-archive';
import { readWordDefinitions } from './word-definitions-reader';
import { readWordBody, type TrackedChange, type WordBody } from './word-document-reader';
import { WordImportError } from './word-import-error';
import { TYPED_NUMBER, lookOf, segmentsText } from './word-text';

export interface ImportWarning {
  code:
    | 'TEXT_BEFORE_TITLE'
    | 'NO_TITLE'
    | 'TABLE_SKIPPED'
    | 'FOOTNOTES_IGNORED'
    | 'COMMENTS_IGNORED'
    | 'TRACKED_CHANGES_ACCEPTED'
    | 'SUBPARAGRAPH_JOINED'
    | 'UNNUMBERED_AFTER_OPERATIVE';
  message: string;
}

/** One paragraph of the draft: its text with the tracked changes accepted, and as it stood before. */
export interface ReadParagraph {
  part: 'preamble' | 'operative';
  text: string;
  original: string;
  changes: TrackedChange[];
}

export interface WordReading {
  title: string | null;
  paragraphs: ReadParagraph[];
  warnings: ImportWarning[];
}

const accepted = (s: { change: TrackedChange | null }) => s.change?.kind !== 'delete';
const before = (s: { change: TrackedChange | null }) => s.change?.kind !== 'insert';

/**
 * Reads a draft from a .docx as its drafter wrote it: the title is the first heading or bold
 * paragraph (what stands above it, such as a letterhead, is left out); paragraphs numbered by
 * Word or by a typed "1." / "1)" are operative, the others before them preambular; runs are
 * joined and brackets kept. Footnotes, comments and tables are left out with a warning.
 */
export async function readWordFile(
  bytes: Buffer,
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): Promise<WordReading> {
  const archive = await DocxArchive.open(bytes, limits);
  try {
    if (!archive.has('word/document.xml')) throw new WordImportError('MISSING_DOCUMENT');
    const definitions = await readWordDefinitions(archive);
    const body = await readWordBody(archive);
    return interpret(body, (p) => lookOf(p, definitions));
  } finally {
    archive.close();
  }
}

function interpret(
  body: WordBody,
  look: (p: WordBody['paragraphs'][number]) => ReturnType<typeof lookOf>,
): WordReading {
  const warnings: ImportWarning[] = [];
  const warn = (code: ImportWarning['code'], message: string) => {
    if (!warnings.some((w) => w.code === code)) warnings.push({ code, message });
  };
  const candidates = body.paragraphs
    .map((paragraph) => ({
      paragraph,
      text: segmentsText(paragraph.segments, accepted),
      original: segmentsText(paragraph.segments, before),
    }))
    .filter((c) => c.text !== '' || c.original !== '');
  const outside = candidates.filter((c) => !c.paragraph.inTable);
  const titleAt = outside.findIndex((c) => {
    const l = look(c.paragraph);
    return (l.heading || l.bold) && c.text !== '';
  });
  const title = titleAt >= 0 ? outside[titleAt].text : null;
  if (titleAt > 0)
    warn(
      'TEXT_BEFORE_TITLE',
      `${titleAt} paragraph(s) above the title (a letterhead, notes) were left out.`,
    );
  if (titleAt < 0)
    warn(
      'NO_TITLE',
      'No heading or bold paragraph was found for the title; the current title is kept.',
    );
  const start = titleAt >= 0 ? candidates.indexOf(outside[titleAt]) + 1 : 0;

  const paragraphs: ReadParagraph[] = [];
  let operativeSeen = false;
  for (const candidate of candidates.slice(start)) {
    const { paragraph } = candidate;
    if (paragraph.inTable) {
      warn('TABLE_SKIPPED', 'Text in tables was left out.');
      continue;
    }
    const l = look(paragraph);
    let { text, original } = candidate;
    const changes = paragraph.segments.flatMap((s) => (s.change ? [s.change] : []));
    if (paragraph.markChange) changes.push(paragraph.markChange);
    let numbered = l.numbered;
    if (!numbered && TYPED_NUMBER.test(text)) {
      numbered = true;
      text = text.replace(TYPED_NUMBER, '');
      original = original.replace(TYPED_NUMBER, '');
    }
    const last = paragraphs.at(-1);
    if (numbered && l.level > 0 && last?.part === 'operative') {
      warn(
        'SUBPARAGRAPH_JOINED',
        'Sub-paragraphs numbered below an operative paragraph were joined to it.',
      );
      last.text = `${last.text} ${text}`.trim();
      last.original = `${last.original} ${original}`.trim();
      last.changes.push(...changes);
      continue;
    }
    let part: ReadParagraph['part'] = numbered ? 'operative' : 'preamble';
    if (!numbered && operativeSeen) {
      warn(
        'UNNUMBERED_AFTER_OPERATIVE',
        'Paragraphs without a number after the operative ones were read as operative.',
      );
      part = 'operative';
    }
    operativeSeen ||= part === 'operative';
    paragraphs.push({ part, text, original, changes });
  }
  if (paragraphs.length === 0) throw new WordImportError('NO_PARAGRAPHS');
  if (body.footnotes + body.endnotes > 0)
    warn(
      'FOOTNOTES_IGNORED',
      `${body.footnotes + body.endnotes} footnote(s) or endnote(s) were left out.`,
    );
  if (body.comments > 0) warn('COMMENTS_IGNORED', `${body.comments} comment(s) were left out.`);
  if (paragraphs.some((p) => p.changes.length > 0))
    warn('TRACKED_CHANGES_ACCEPTED', 'The file has tracked changes; they were read as accepted.');
  return { title, paragraphs, warnings };
}
