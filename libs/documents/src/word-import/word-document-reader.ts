import type { SaxesTagNS } from 'saxes';
import type { DocxArchive } from './docx-archive';
import { MC_NS, W_NS, isOn, readXmlPart, wAttribute } from './xml-part';

/** A tracked change as Word records it: who, when, and whether it inserts or deletes. */
export interface TrackedChange {
  kind: 'insert' | 'delete';
  author: string;
  date: string | null;
}

export interface WordSegment {
  text: string;
  bold: boolean;
  change: TrackedChange | null;
}

/** One paragraph of the document body as Word stores it, before any interpretation. */
export interface WordParagraph {
  styleId: string | null;
  /** Direct numbering (w:numPr); numId "0" means numbering switched off. */
  numbering: { numId: string; level: number } | null;
  outlineLevel: number | null;
  inTable: boolean;
  segments: WordSegment[];
  /** The paragraph mark itself inserted or deleted: a whole paragraph added or removed. */
  markChange: TrackedChange | null;
}

export interface WordBody {
  paragraphs: WordParagraph[];
  footnotes: number;
  endnotes: number;
  comments: number;
}

/** Subtrees whose text is not the paragraph's: drawings and text boxes, old formatting, field codes. */
const SKIPPED = new Set([
  'drawing',
  'pict',
  'object',
  'txbxContent',
  'rPrChange',
  'pPrChange',
  'sectPrChange',
  'instrText',
  'delInstrText',
]);

/** Run content that stands for a character. */
const CHARACTERS: Record<string, string> = {
  tab: ' ',
  ptab: ' ',
  br: ' ',
  cr: ' ',
  noBreakHyphen: '-',
  softHyphen: '',
};

/** Reads word/document.xml into paragraphs and runs, in one streaming pass. */
export async function readWordBody(archive: DocxArchive): Promise<WordBody> {
  const body: WordBody = { paragraphs: [], footnotes: 0, endnotes: 0, comments: 0 };
  let skipping = 0;
  let tables = 0;
  let paragraph: WordParagraph | null = null;
  let inParagraphProperties = false;
  let inRunProperties = false;
  let bold = false;
  let change: TrackedChange | null = null;
  let textElement: 'text' | 'deleted' | null = null;
  let numbering: { numId?: string; level?: number } | null = null;

  const changeOf = (tag: SaxesTagNS, kind: TrackedChange['kind']): TrackedChange => ({
    kind,
    author: wAttribute(tag, 'author') ?? '',
    date: wAttribute(tag, 'date') ?? null,
  });
  const append = (text: string) => {
    if (!paragraph || text === '') return;
    const last = paragraph.segments.at(-1);
    if (last && last.bold === bold && last.change === change) last.text += text;
    else paragraph.segments.push({ text, bold, change });
  };

  await readXmlPart(archive, 'word/document.xml', {
    open(tag) {
      if (tag.uri === MC_NS && tag.local === 'Fallback') skipping++;
      if (tag.uri !== W_NS) return;
      // saxes reports a close for self-closing tags too, so the count stays balanced.
      if (skipping > 0 || SKIPPED.has(tag.local)) {
        skipping++;
        return;
      }
      switch (tag.local) {
        case 'tbl':
          tables++;
          break;
        case 'p':
          paragraph = {
            styleId: null,
            numbering: null,
            outlineLevel: null,
            inTable: tables > 0,
            segments: [],
            markChange: null,
          };
          break;
        case 'pPr':
          inParagraphProperties = true;
          break;
        case 'pStyle':
          if (paragraph && inParagraphProperties)
            paragraph.styleId = wAttribute(tag, 'val') ?? null;
          break;
        case 'outlineLvl':
          if (paragraph && inParagraphProperties)
            paragraph.outlineLevel = Number(wAttribute(tag, 'val') ?? 9);
          break;
        case 'numPr':
          if (inParagraphProperties) numbering = {};
          break;
        case 'numId':
          if (numbering) numbering.numId = wAttribute(tag, 'val');
          break;
        case 'ilvl':
          if (numbering) numbering.level = Number(wAttribute(tag, 'val') ?? 0);
          break;
        case 'r':
          bold = false;
          break;
        case 'rPr':
          inRunProperties = true;
          break;
        case 'b':
          if (inRunProperties && !inParagraphProperties) bold = isOn(tag);
          break;
        case 'ins':
        case 'moveTo':
        case 'del':
        case 'moveFrom': {
          const kind = tag.local === 'ins' || tag.local === 'moveTo' ? 'insert' : 'delete';
          // Inside the paragraph mark's properties it marks the mark; elsewhere it wraps runs.
          if (inParagraphProperties && inRunProperties) {
            if (paragraph) paragraph.markChange = changeOf(tag, kind);
          } else {
            change = changeOf(tag, kind);
          }
          break;
        }
        case 't':
          textElement = 'text';
          break;
        case 'delText':
          textElement = 'deleted';
          break;
        case 'footnoteReference':
          body.footnotes++;
          break;
        case 'endnoteReference':
          body.endnotes++;
          break;
        case 'commentReference':
          body.comments++;
          break;
        default:
          if (tag.local in CHARACTERS) append(CHARACTERS[tag.local]);
      }
    },
    close(tag) {
      if (tag.uri === MC_NS && tag.local === 'Fallback') skipping--;
      if (tag.uri !== W_NS) return;
      if (skipping > 0) {
        skipping--;
        return;
      }
      switch (tag.local) {
        case 'tbl':
          tables--;
          break;
        case 'p':
          if (paragraph) body.paragraphs.push(paragraph);
          paragraph = null;
          break;
        case 'pPr':
          inParagraphProperties = false;
          break;
        case 'numPr':
          if (paragraph && numbering?.numId !== undefined)
            paragraph.numbering = { numId: numbering.numId, level: numbering.level ?? 0 };
          numbering = null;
          break;
        case 'rPr':
          inRunProperties = false;
          break;
        case 'ins':
        case 'moveTo':
        case 'del':
        case 'moveFrom':
          if (!(inParagraphProperties && inRunProperties)) change = null;
          break;
        case 't':
        case 'delText':
          textElement = null;
          break;
      }
    },
    text(text) {
      if (skipping === 0 && textElement !== null) append(text);
    },
  });
  return body;
}
