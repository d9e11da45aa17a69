// The floor: the same outcome document the template produces, built directly with the `docx`
// library from the data — the same style sheet, numbering, masthead, headers, footers, DRAFT
// mark, italic opening words and marked brackets — with no template and no markup in between.

import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { OutcomeDocumentData } from '../../libs/documents/src/document-data';
import { formatDate, splitOpening } from '../../libs/documents/src/template-helpers';
import {
  BODY_FONT,
  BRACKET_HIGHLIGHT,
  BRACKET_STYLE,
  DRAFT_LABELS,
  NUMBERING,
  OPERATIVE_NUMBERING,
  PAGE,
  TEXT_WIDTH,
  buildStyles,
} from '../../libs/documents/src/word-styles';

function bracketRuns(text: string): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '[') {
      if (depth === 0 && index > start) runs.push(new TextRun(text.slice(start, index)));
      if (depth === 0) start = index;
      depth += 1;
    } else if (text[index] === ']' && depth > 0 && --depth === 0) {
      runs.push(
        new TextRun({
          text: text.slice(start, index + 1),
          bold: true,
          style: BRACKET_STYLE,
          highlight: BRACKET_HIGHLIGHT,
        }),
      );
      start = index + 1;
    }
  }
  if (start < text.length) {
    runs.push(
      depth > 0
        ? new TextRun({
            text: text.slice(start),
            bold: true,
            style: BRACKET_STYLE,
            highlight: BRACKET_HIGHLIGHT,
          })
        : new TextRun(text.slice(start)),
    );
  }
  return runs;
}

function cell(width: number, paragraphs: Paragraph[]): TableCell {
  return new TableCell({
    children: paragraphs,
    margins: { left: 80, right: 80 },
    width: { size: width, type: WidthType.DXA },
  });
}

function mastheadTable(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  const columnWidths = widths.map((percent) => Math.round((TEXT_WIDTH * percent) / 100));
  return new Table({
    rows: [
      new TableRow({
        children: [cell(columnWidths[0], left), cell(columnWidths[1], right)],
        cantSplit: true,
      }),
    ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

function draftMark(label: string): Paragraph {
  return new Paragraph({
    style: 'DraftMark',
    children: [
      new TextRun(label),
      new TextWatermark({ text: label, font: BODY_FONT, color: 'C0C0C0', opacity: 0.4 }),
    ],
  });
}

export function buildOutcomeDirectly(data: OutcomeDocumentData): Document {
  const { header, revision } = data;
  const language = header.language;
  const date = formatDate(language, header.date);
  const label = DRAFT_LABELS[language];
  const body: (Paragraph | Table)[] = [
    mastheadTable(
      [50, 50],
      [new Paragraph({ style: 'MastheadAcronym', children: [new TextRun(header.forum.acronym)] })],
      [new Paragraph({ style: 'MastheadSymbol', children: [new TextRun(header.symbol)] })],
    ),
    new Paragraph({ style: 'Rule' }),
    mastheadTable(
      [58, 42],
      [
        new Paragraph({
          style: 'MastheadForum',
          children: [new TextRun({ text: header.forum.name, bold: true })],
        }),
      ],
      [
        new Paragraph({
          style: 'MastheadMeta',
          children: [new TextRun(`Distr.: ${header.distribution}`)],
        }),
        new Paragraph({ style: 'MastheadMeta', children: [new TextRun(date)] }),
        new Paragraph({
          style: 'MastheadMeta',
          children: [new TextRun(`Original: ${header.originalLanguage ?? ''}`)],
        }),
      ],
    ),
    new Paragraph({ style: 'ThickRule' }),
  ];
  if (header.draft) {
    body.push(
      new Paragraph({
        style: 'Note',
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun(
            `Draft, revision ${revision.number} of ${formatDate(language, revision.date)} – penholder: ${data.draft.penholder ?? ''}`,
          ),
        ],
      }),
    );
  }
  body.push(new Paragraph({ style: 'Title', children: bracketRuns(revision.title) }));
  for (const paragraph of revision.preamble) {
    const [lead, rest] = splitOpening(language, paragraph.text);
    body.push(
      new Paragraph({
        style: 'Preamble',
        children: [new TextRun({ text: lead, italics: true }), ...bracketRuns(rest)],
      }),
    );
  }
  for (const paragraph of revision.operative) {
    body.push(
      new Paragraph({
        style: 'Operative',
        numbering: { reference: OPERATIVE_NUMBERING, level: 0 },
        children: bracketRuns(paragraph.text),
      }),
    );
  }

  const pageHeader = [
    draftMark(label),
    new Paragraph({
      style: 'Header',
      alignment: AlignmentType.RIGHT,
      children: [new TextRun(header.symbol)],
    }),
  ];
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          style: 'Footer',
          children: [
            new TextRun('Page '),
            new TextRun({ children: [PageNumber.CURRENT] }),
            new TextRun(' of '),
            new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
          ],
        }),
      ],
    });
  return new Document({
    creator: 'Chancery',
    title: revision.title,
    styles: buildStyles(language),
    numbering: NUMBERING,
    sections: [
      {
        properties: { page: { size: PAGE.size, margin: PAGE.margin }, titlePage: true },
        headers: {
          default: new Header({ children: pageHeader }),
          first: new Header({ children: [draftMark(label)] }),
        },
        footers: { default: footer(), first: footer() },
        children: body,
      },
    ],
  });
}
