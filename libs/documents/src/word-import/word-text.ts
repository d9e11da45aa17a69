import type { WordDefinitions, WordStyle } from './word-definitions-reader';
import type { WordParagraph, WordSegment } from './word-document-reader';

/**
 * Text as a drafter means it: soft hyphens and zero-width marks dropped, non-breaking and
 * other fixed-width spaces read as spaces, whitespace collapsed.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
}

export function segmentsText(segments: readonly WordSegment[], keep: (s: WordSegment) => boolean) {
  return cleanText(
    segments
      .filter(keep)
      .map((s) => s.text)
      .join(''),
  );
}

/** A paragraph's effective properties, its own first and then its style's, up the basedOn chain. */
export interface ParagraphLook {
  numbered: boolean;
  level: number;
  heading: boolean;
  bold: boolean;
}

/** A character that prints: not whitespace, not a soft hyphen or zero-width mark. */
const VISIBLE = /[^\s\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;
const HEADING_STYLE = /^(title|heading \d)$/i;
const UNNUMBERED_FORMATS = new Set(['bullet', 'none']);

export function lookOf(paragraph: WordParagraph, definitions: WordDefinitions): ParagraphLook {
  const chain = styleChain(paragraph.styleId, definitions.styles);
  const numbering = paragraph.numbering ?? chain.find((s) => s.numbering)?.numbering ?? null;
  const format =
    numbering && numbering.numId !== '0'
      ? (definitions.numberFormat(numbering.numId, numbering.level) ?? 'decimal')
      : null;
  const outlineLevel =
    paragraph.outlineLevel ?? chain.find((s) => s.outlineLevel !== null)?.outlineLevel ?? null;
  const styleBold = chain.some((s) => s.bold);
  const visible = paragraph.segments.filter(
    (s) => s.change?.kind !== 'delete' && VISIBLE.test(s.text),
  );
  return {
    numbered: format !== null && !UNNUMBERED_FORMATS.has(format),
    level: numbering?.level ?? 0,
    heading:
      chain.some((s) => HEADING_STYLE.test(s.name)) ||
      (paragraph.styleId !== null && /^(Title|Heading\d)$/.test(paragraph.styleId)) ||
      (outlineLevel !== null && outlineLevel < 9),
    bold: visible.length > 0 && visible.every((s) => s.bold || styleBold),
  };
}

function styleChain(styleId: string | null, styles: Map<string, WordStyle>): WordStyle[] {
  const chain: WordStyle[] = [];
  const seen = new Set<string>();
  let id = styleId;
  // A loop in basedOn (a broken file) must not hang the reader.
  while (id !== null && !seen.has(id) && chain.length < 16) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) break;
    chain.push(style);
    id = style.basedOn;
  }
  return chain;
}

/** A number typed by hand at the start of a paragraph: "1. ", "12) ". */
export const TYPED_NUMBER = /^\s*\d{1,3}\s?[.)]\s+/;
