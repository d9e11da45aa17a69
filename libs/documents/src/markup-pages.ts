// The page: the one section of every document, its headers and footers (a first-page pair when
// the markup gives one), and the DRAFT mark that a draft carries on every page.

import { Document, Footer, Header, Paragraph, TextRun } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { DocumentSettings } from './markup-attributes';
import type { Block, SectionName } from './markup-frames';
import { BODY_FONT, NUMBERING, PAGE, buildStyles } from './word-styles';

/** The `docx` Document of a finished markup; `tracked` when any run or paragraph carries a revision. */
export function documentOf(
  settings: DocumentSettings,
  sections: ReadonlyMap<SectionName, Block[]>,
  body: Block[],
  tracked: boolean,
): Document {
  const hasFirstPage = sections.has('first-page-header') || sections.has('first-page-footer');
  const header = headerOrFooter(sections, 'page-header', settings);
  const footer = headerOrFooter(sections, 'page-footer', settings);
  const firstHeader = hasFirstPage
    ? (headerOrFooter(sections, 'first-page-header', settings) ??
      headerOrFooter(sections, 'page-header', settings))
    : undefined;
  const firstFooter = hasFirstPage
    ? (headerOrFooter(sections, 'first-page-footer', settings) ??
      headerOrFooter(sections, 'page-footer', settings))
    : undefined;

  return new Document({
    creator: 'Chancery',
    title: settings.title ?? settings.symbol ?? undefined,
    styles: buildStyles(settings.language),
    numbering: NUMBERING,
    features: tracked ? { trackRevisions: true } : undefined,
    sections: [
      {
        properties: { page: { size: PAGE.size, margin: PAGE.margin }, titlePage: hasFirstPage },
        headers: {
          default: header === undefined ? undefined : new Header({ children: header }),
          first: firstHeader === undefined ? undefined : new Header({ children: firstHeader }),
        },
        footers: {
          default: footer === undefined ? undefined : new Footer({ children: footer }),
          first: firstFooter === undefined ? undefined : new Footer({ children: firstFooter }),
        },
        children: body,
      },
    ],
  });
}

function headerOrFooter(
  sections: ReadonlyMap<SectionName, Block[]>,
  name: SectionName,
  settings: DocumentSettings,
): Block[] | undefined {
  const blocks = sections.get(name);
  const isHeader = name === 'page-header' || name === 'first-page-header';
  if (!isHeader || !settings.draft) return blocks;
  // The DRAFT mark goes on every page until adoption: a line at the top of each header that
  // tests and readers can find, and Word's own watermark behind the text.
  const mark = new Paragraph({
    style: 'DraftMark',
    children: [
      new TextRun(settings.draftLabel),
      new TextWatermark({
        text: settings.draftLabel,
        font: BODY_FONT,
        color: 'C0C0C0',
        opacity: 0.4,
      }),
    ],
  });
  return [mark, ...(blocks ?? [])];
}
