// The Word style sheet every rendered document carries: named paragraph and character styles
// (so an official can restyle a document in Word by style, as secretariats do), the numbering
// definitions behind operative paragraphs and lists, and the A4 page. Templates choose styles by
// name; the names are listed for template authors in templates/README.md.

import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LevelSuffix,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IStylesOptions,
} from 'docx';

/** Times New Roman has Cyrillic (and Arabic, Hebrew) glyphs; LibreOffice maps it to Liberation Serif. */
export const BODY_FONT = 'Times New Roman';

/** Word's regional tags for spelling and hyphenation; another language is tagged with its code. */
export const WORD_LANGUAGE_TAGS: Readonly<Record<string, string>> = { en: 'en-GB', ru: 'ru-RU' };

/** The mark printed on every page until a document is adopted (a template may set `draft-label`). */
export const DRAFT_LABELS: Readonly<Record<string, string>> = { en: 'DRAFT', ru: 'ПРОЕКТ' };

const CM = 567; // twips

/** A4 portrait with 2.5 cm margins; header and footer 1.25 cm from the edge. */
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: {
    top: Math.round(2.5 * CM),
    bottom: Math.round(2.5 * CM),
    left: Math.round(2.5 * CM),
    right: Math.round(2.5 * CM),
    header: Math.round(1.25 * CM),
    footer: Math.round(1.25 * CM),
  },
} as const;

/** Width between the margins, in twips: table column percentages are taken of it. */
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

const pt = (points: number) => points * 2; // docx sizes are half-points
const THIN_RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
const THICK_RULE = { style: BorderStyle.SINGLE, size: 18, color: '000000', space: 1 } as const;

const paragraphStyles = [
  {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 240 } },
  },
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: pt(14), bold: true },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      keepNext: true,
      keepLines: true,
    },
  },
  {
    id: 'Subtitle',
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 }, keepNext: true },
  },
  {
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: pt(12), bold: true },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 240, after: 120 },
      keepNext: true,
      keepLines: true,
      outlineLevel: 0,
    },
  },
  {
    id: 'Heading2',
    name: 'heading 2',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: pt(12), bold: true, italics: true },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 180, after: 120 },
      keepNext: true,
      keepLines: true,
      outlineLevel: 1,
    },
  },
  {
    id: 'Heading3',
    name: 'heading 3',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: pt(12), italics: true },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 120, after: 60 },
      keepNext: true,
      outlineLevel: 2,
    },
  },
  {
    id: 'Preamble',
    name: 'Preamble',
    basedOn: 'Normal',
    next: 'Preamble',
    quickFormat: true,
    paragraph: { indent: { firstLine: CM } },
  },
  {
    id: 'Operative',
    name: 'Operative',
    basedOn: 'Normal',
    next: 'Operative',
    quickFormat: true,
    // The number sits on the first-line indent and a tab takes the text to 2 cm; a deleted
    // paragraph in a redline keeps the same indent without a number.
    paragraph: { indent: { firstLine: CM }, leftTabStop: 2 * CM },
  },
  {
    id: 'AgendaItem',
    name: 'Agenda Item',
    basedOn: 'Normal',
    next: 'AgendaItem',
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { left: CM, hanging: CM },
      spacing: { after: 120 },
      keepLines: true,
    },
  },
  {
    // An agenda item heading in the annotated agenda: "3.<tab>Title", wrapped lines hang.
    id: 'AgendaHeading',
    name: 'Agenda Heading',
    basedOn: 'Heading1',
    next: 'Annotation',
    quickFormat: true,
    paragraph: { indent: { left: CM, hanging: CM } },
  },
  {
    id: 'Annotation',
    name: 'Annotation',
    basedOn: 'Normal',
    next: 'Annotation',
    paragraph: { indent: { left: CM } },
  },
  {
    id: 'ListItem',
    name: 'List Item',
    basedOn: 'Normal',
    next: 'ListItem',
    paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 60 } },
  },
  {
    id: 'TableText',
    name: 'Table Text',
    basedOn: 'Normal',
    run: { size: pt(10) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40, line: 240 } },
  },
  {
    id: 'TableHeading',
    name: 'Table Heading',
    basedOn: 'TableText',
    run: { bold: true },
    paragraph: { keepNext: true },
  },
  {
    id: 'Note',
    name: 'Note',
    basedOn: 'Normal',
    run: { size: pt(10), italics: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 120, after: 120 } },
  },
  {
    id: 'MeetingInfo',
    name: 'Meeting Info',
    basedOn: 'Normal',
    run: { bold: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 }, keepNext: true },
  },
  {
    id: 'Signature',
    name: 'Signature',
    basedOn: 'Normal',
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 240 } },
  },
  {
    id: 'MastheadAcronym',
    name: 'Masthead Acronym',
    basedOn: 'Normal',
    run: { size: pt(18), bold: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 } },
  },
  {
    id: 'MastheadForum',
    name: 'Masthead Forum',
    basedOn: 'Normal',
    run: { size: pt(10) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 } },
  },
  {
    id: 'MastheadSymbol',
    name: 'Masthead Symbol',
    basedOn: 'Normal',
    run: { size: pt(14), bold: true },
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
  },
  {
    id: 'MastheadMeta',
    name: 'Masthead Meta',
    basedOn: 'Normal',
    run: { size: pt(10) },
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
  },
  {
    id: 'Rule',
    name: 'Rule',
    basedOn: 'Normal',
    run: { size: 4 },
    paragraph: { spacing: { before: 0, after: 120, line: 240 }, border: { bottom: THIN_RULE } },
  },
  {
    id: 'ThickRule',
    name: 'Thick Rule',
    basedOn: 'Rule',
    paragraph: { spacing: { after: 360 }, border: { bottom: THICK_RULE } },
  },
  {
    id: 'Header',
    name: 'header',
    basedOn: 'Normal',
    run: { size: pt(9) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 } },
  },
  {
    id: 'Footer',
    name: 'footer',
    basedOn: 'Normal',
    run: { size: pt(9) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
  },
  {
    id: 'DraftMark',
    name: 'Draft Mark',
    basedOn: 'Header',
    run: { size: pt(12), bold: true, color: 'C00000', characterSpacing: 40 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
  },
] as const satisfies readonly IParagraphStyleOptions[];

const characterStyles = [
  // Disputed text; the renderer also sets bold and a highlight on the runs directly, since
  // Word does not show a highlight that comes only from a style.
  { id: 'Bracketed', name: 'Bracketed', basedOn: 'DefaultParagraphFont', run: { bold: true } },
] as const satisfies readonly ICharacterStyleOptions[];

export type ParagraphStyleId = (typeof paragraphStyles)[number]['id'];
export const PARAGRAPH_STYLE_IDS: ReadonlySet<string> = new Set(
  paragraphStyles.map((style) => style.id),
);

export const BRACKET_STYLE = 'Bracketed';
export const BRACKET_HIGHLIGHT = 'yellow';

/** The style sheet, with the document's language set for spelling. */
export function buildStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: BODY_FONT,
          size: pt(12),
          language: { value: WORD_LANGUAGE_TAGS[language] ?? language },
        },
        paragraph: { spacing: { after: 120, line: 240 } },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

export const OPERATIVE_NUMBERING = 'operative';
export const NUMBERED_LIST = 'numbered-list';
export const BULLET_LIST = 'bullet-list';

/**
 * Real Word numbering: operative paragraphs are numbered 1., 2., … with sub-paragraphs (a), (b)…
 * and (i), (ii)…, as in UN and CICA outcome documents; lists have their own definitions.
 */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: OPERATIVE_NUMBERING,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: { left: 0, firstLine: CM }, leftTabStop: 2 * CM } },
        },
        {
          level: 1,
          format: LevelFormat.LOWER_LETTER,
          text: '(%2)',
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: { left: CM, firstLine: CM }, leftTabStop: 3 * CM } },
        },
        {
          level: 2,
          format: LevelFormat.LOWER_ROMAN,
          text: '(%3)',
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: { left: 2 * CM, firstLine: CM }, leftTabStop: 4 * CM } },
        },
      ],
    },
    {
      reference: NUMBERED_LIST,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: CM, hanging: CM } } },
        },
        {
          level: 1,
          format: LevelFormat.LOWER_LETTER,
          text: '(%2)',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 2 * CM, hanging: CM } } },
        },
        {
          level: 2,
          format: LevelFormat.LOWER_ROMAN,
          text: '(%3)',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 3 * CM, hanging: CM } } },
        },
      ],
    },
    {
      reference: BULLET_LIST,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: CM, hanging: CM / 2 } } },
        },
        {
          level: 1,
          format: LevelFormat.BULLET,
          text: '–',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 2 * CM, hanging: CM / 2 } } },
        },
        {
          level: 2,
          format: LevelFormat.BULLET,
          text: '◦',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 3 * CM, hanging: CM / 2 } } },
        },
      ],
    },
  ],
};
