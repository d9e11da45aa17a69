// Markup → Word. The markup (documented for template authors in templates/README.md) is read
// as a stream of SAX events and each event builds `docx` objects directly: no DOM, no second
// pass, so the cost over building the same document by hand is the tokenizer and little else.

import { LANGUAGE_FOLDER } from './document-kind';
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  InsertedTextRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { markupError, readMarkup, type MarkupAttributes, type MarkupEvents } from './markup-reader';
import {
  BODY_FONT,
  BRACKET_HIGHLIGHT,
  BRACKET_STYLE,
  BULLET_LIST,
  DRAFT_LABELS,
  NUMBERED_LIST,
  NUMBERING,
  OPERATIVE_NUMBERING,
  PAGE,
  PARAGRAPH_STYLE_IDS,
  TEXT_WIDTH,
  buildStyles,
} from './word-styles';

/** Builds the Word file for a piece of markup. Throws MarkupError for markup that breaks the rules. */
export async function markupToDocx(markup: string): Promise<Buffer> {
  return Packer.toBuffer(markupToDocument(markup));
}

/** The `docx` Document for a piece of markup, before packing (for callers that pack themselves). */
export function markupToDocument(markup: string): Document {
  if (typeof markup !== 'string') throw new TypeError('markup must be a string');
  const builder = new DocxBuilder(markup);
  readMarkup(markup, builder);
  return builder.finish();
}

// ---------------------------------------------------------------------------------------------
// The element table: what each element may contain, where it may appear, which attributes it takes.

type Content =
  'root' | 'sections' | 'blocks' | 'cell' | 'inline' | 'list' | 'table' | 'row' | 'empty';

interface ElementRule {
  readonly allowedIn: readonly Content[];
  readonly content: Content;
  readonly attributes: readonly string[];
}

const CHANGE_ATTRIBUTES = ['change', 'author', 'date'] as const;
const BLOCK_PARENTS: readonly Content[] = ['blocks', 'cell'];
const INLINE_PARENTS: readonly Content[] = ['inline', 'cell'];

/** Paragraph elements and the style each one gives its paragraph. */
const PARAGRAPH_ELEMENT_STYLES = new Map<string, string>([
  ['p', 'Normal'],
  ['title', 'Title'],
  ['subtitle', 'Subtitle'],
  ['h1', 'Heading1'],
  ['h2', 'Heading2'],
  ['h3', 'Heading3'],
  ['preamble', 'Preamble'],
  ['operative', 'Operative'],
  ['item', 'ListItem'],
]);

/** Inline formatting elements and the flag each one sets on the text inside it. */
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 4;
const BRACKET = 8;
const FORMAT_FLAGS = new Map<string, number>([
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

const ELEMENTS = new Map<string, ElementRule>([
  [
    'document',
    {
      allowedIn: ['root'],
      content: 'sections',
      attributes: [
        'language',
        'symbol',
        'distribution',
        'date',
        'draft',
        'draft-label',
        'title',
        'revision-author',
        'revision-date',
      ],
    },
  ],
  ['page-header', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['first-page-header', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['page-footer', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['first-page-footer', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['body', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  [
    'p',
    {
      allowedIn: BLOCK_PARENTS,
      content: 'inline',
      attributes: ['style', 'align', 'keep-with-next', ...CHANGE_ATTRIBUTES],
    },
  ],
  [
    'title',
    { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] },
  ],
  [
    'subtitle',
    { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] },
  ],
  ['h1', { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] }],
  ['h2', { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] }],
  ['h3', { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] }],
  ['preamble', { allowedIn: ['blocks'], content: 'inline', attributes: [...CHANGE_ATTRIBUTES] }],
  [
    'operative',
    { allowedIn: ['blocks'], content: 'inline', attributes: ['level', ...CHANGE_ATTRIBUTES] },
  ],
  ['list', { allowedIn: BLOCK_PARENTS, content: 'list', attributes: ['type'] }],
  ['item', { allowedIn: ['list'], content: 'inline', attributes: ['level', ...CHANGE_ATTRIBUTES] }],
  ['table', { allowedIn: ['blocks'], content: 'table', attributes: ['widths', 'borders'] }],
  ['row', { allowedIn: ['table'], content: 'row', attributes: ['header'] }],
  ['cell', { allowedIn: ['row'], content: 'cell', attributes: ['span', 'align', 'style'] }],
  ['rule', { allowedIn: BLOCK_PARENTS, content: 'empty', attributes: ['weight'] }],
  ['page-break', { allowedIn: ['blocks'], content: 'empty', attributes: [] }],
  ['b', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['i', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['u', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['bracket', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['ins', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: ['author', 'date'] }],
  ['del', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: ['author', 'date'] }],
  ['br', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['tab', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['symbol', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['distribution', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['date', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['page-number', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['page-count', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
]);

/** The element names and attributes, for the template check at load time and for the README. */
export const MARKUP_ELEMENTS: ReadonlyMap<string, readonly string[]> = new Map(
  [...ELEMENTS].map(([name, rule]) => [name, rule.attributes]),
);

const ALIGNMENTS = new Map<string, (typeof AlignmentType)[keyof typeof AlignmentType]>([
  ['left', AlignmentType.LEFT],
  ['center', AlignmentType.CENTER],
  ['right', AlignmentType.RIGHT],
  ['justify', AlignmentType.JUSTIFIED],
]);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = {
  grid: {
    top: LINE,
    bottom: LINE,
    left: LINE,
    right: LINE,
    insideHorizontal: LINE,
    insideVertical: LINE,
  },
  rows: {
    top: LINE,
    bottom: LINE,
    left: NO_BORDER,
    right: NO_BORDER,
    insideHorizontal: LINE,
    insideVertical: NO_BORDER,
  },
  none: TableBorders.NONE,
} as const;

// ISO 8601 date-time as Word wants it in w:date.
const REVISION_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// ---------------------------------------------------------------------------------------------

/** What a body, header, footer or cell holds. */
type Block = Paragraph | Table;

interface DocumentSettings {
  language: string;
  symbol: string | null;
  distribution: string | null;
  date: string | null;
  draft: boolean;
  draftLabel: string;
  title: string | null;
  revisionAuthor: string | null;
  revisionDate: string | null;
}

interface TrackedChange {
  readonly kind: 'insert' | 'delete';
  readonly author: string;
  readonly date: string;
}

type Segment =
  | { kind: 'text'; text: string; flags: number; change: TrackedChange | null }
  | {
      kind: 'field';
      field: typeof PageNumber.CURRENT | typeof PageNumber.TOTAL_PAGES;
      flags: number;
      change: TrackedChange | null;
    }
  | { kind: 'tab'; flags: number; change: TrackedChange | null }
  | { kind: 'break' };

interface OpenParagraph {
  readonly name: string;
  readonly offset: number;
  readonly options: Omit<IParagraphOptions, 'children'>;
  readonly target: Block[];
  readonly change: TrackedChange | null;
  readonly segments: Segment[];
  /** Opened by text directly inside a <cell>, closed by the cell or the next block. */
  readonly implicit: boolean;
}

type SectionName =
  'page-header' | 'first-page-header' | 'page-footer' | 'first-page-footer' | 'body';

type Frame =
  | {
      readonly name: string;
      readonly content: Content;
      readonly offset: number;
      readonly kind: 'plain';
    }
  | {
      readonly name: string;
      readonly content: Content;
      readonly offset: number;
      readonly kind: 'blocks';
      readonly blocks: Block[];
    }
  | {
      readonly name: string;
      readonly content: Content;
      readonly offset: number;
      readonly kind: 'list';
      readonly reference: string;
      readonly instance: number;
      readonly target: Block[];
    }
  | {
      readonly name: string;
      readonly content: Content;
      readonly offset: number;
      readonly kind: 'table';
      readonly rows: TableRow[];
      readonly widths: number[] | null;
      readonly borders: keyof typeof TABLE_BORDERS;
      readonly target: Block[];
    }
  | {
      readonly name: string;
      readonly content: Content;
      readonly offset: number;
      readonly kind: 'row';
      readonly cells: TableCell[];
      readonly header: boolean;
    }
  | {
      readonly name: string;
      readonly content: Content;
      readonly offset: number;
      readonly kind: 'cell';
      readonly blocks: Block[];
      readonly span: number;
      readonly align: (typeof AlignmentType)[keyof typeof AlignmentType] | undefined;
      readonly style: string;
    };

class DocxBuilder implements MarkupEvents {
  private settings: DocumentSettings | null = null;
  private readonly stack: Frame[] = [];
  private paragraph: OpenParagraph | null = null;
  private readonly flagCounts = [0, 0, 0, 0];
  private flags = 0;
  private change: TrackedChange | null = null;
  private nextRevisionId = 1;
  private nextListInstance = 1;
  private readonly sections = new Map<SectionName, Block[]>();
  private finished = false;

  constructor(private readonly markup: string) {}

  openElement(name: string, attributes: MarkupAttributes, offset: number): void {
    const rule = ELEMENTS.get(name);
    if (rule === undefined) this.fail(offset, `unknown element <${name}>`);
    for (const attribute of attributes.keys()) {
      if (!rule.attributes.includes(attribute)) {
        const allowed = rule.attributes.length
          ? `; it takes ${rule.attributes.join(', ')}`
          : '; it takes none';
        this.fail(offset, `unknown attribute "${attribute}" on <${name}>${allowed}`);
      }
    }
    const isInline = rule.allowedIn.includes('inline');
    // A block inside a cell ends the paragraph that loose text in the cell had started.
    if (this.paragraph?.implicit && !isInline && this.stack.at(-1)?.kind === 'cell')
      this.closeParagraph();
    const parent = this.currentContent();
    if (!rule.allowedIn.includes(parent)) {
      const where =
        this.paragraph !== null && this.stack.at(-1)?.content !== 'inline'
          ? this.paragraph.name
          : this.stack.at(-1)?.name;
      this.fail(
        offset,
        parent === 'root'
          ? `the markup must start with <document>, not <${name}>`
          : this.finished
            ? `<${name}> comes after </document>`
            : `<${name}> is not allowed inside <${where}>`,
      );
    }
    if (this.paragraph !== null) {
      this.openInline(name, attributes, offset, rule);
    } else if (parent === 'cell' && isInline) {
      this.openImplicitParagraph(offset);
      this.openInline(name, attributes, offset, rule);
    } else {
      this.openBlock(name, attributes, offset, rule);
    }
  }

  closeElement(name: string, offset: number): void {
    const paragraph = this.paragraph;
    if (paragraph !== null) {
      // Paragraph elements keep no frame of their own; inline elements never share their names.
      if (!paragraph.implicit && name === paragraph.name) {
        this.closeParagraph();
        return;
      }
      if (paragraph.implicit && this.stack.at(-1)?.kind === 'cell') this.closeParagraph();
    }
    const frame = this.stack.pop();
    if (frame === undefined || frame.name !== name)
      this.fail(offset, `</${name}> does not close the open element`);
    this.closeFrame(frame, offset);
  }

  text(text: string, offset: number): void {
    if (this.paragraph !== null) {
      this.addText(text);
      return;
    }
    const content = this.currentContent();
    if (content === 'cell' && !isBlank(text)) {
      this.openImplicitParagraph(offset);
      this.addText(text);
      return;
    }
    if (!isBlank(text)) {
      const where = this.stack.at(-1)?.name;
      this.fail(
        offset + text.search(/[^ \t\r\n]/),
        where
          ? `text directly inside <${where}> must be in a paragraph element such as <p>`
          : `text ${this.finished ? 'after </document>' : 'before <document>'}`,
      );
    }
  }

  finish(): Document {
    if (!this.finished || this.settings === null)
      this.fail(this.markup.length, 'the markup has no <document> element');
    const settings = this.settings;
    const body = this.sections.get('body');
    if (body === undefined) this.fail(this.markup.length, '<document> has no <body>');

    const hasFirstPage =
      this.sections.has('first-page-header') || this.sections.has('first-page-footer');
    const header = this.headerOrFooter('page-header', settings);
    const footer = this.headerOrFooter('page-footer', settings);
    const firstHeader = hasFirstPage
      ? (this.headerOrFooter('first-page-header', settings) ??
        this.headerOrFooter('page-header', settings))
      : undefined;
    const firstFooter = hasFirstPage
      ? (this.headerOrFooter('first-page-footer', settings) ??
        this.headerOrFooter('page-footer', settings))
      : undefined;

    return new Document({
      creator: 'Chancery',
      title: settings.title ?? settings.symbol ?? undefined,
      styles: buildStyles(settings.language),
      numbering: NUMBERING,
      features: this.nextRevisionId > 1 ? { trackRevisions: true } : undefined,
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

  // -------------------------------------------------------------------------------------------

  private currentContent(): Content {
    if (this.paragraph !== null) return 'inline';
    return this.stack.at(-1)?.content ?? (this.finished ? 'empty' : 'root');
  }

  private openBlock(
    name: string,
    attributes: MarkupAttributes,
    offset: number,
    rule: ElementRule,
  ): void {
    const parent = this.stack.at(-1);
    switch (name) {
      case 'document':
        this.settings = this.readSettings(attributes, offset);
        this.stack.push({ name, content: rule.content, offset, kind: 'plain' });
        return;
      case 'page-header':
      case 'first-page-header':
      case 'page-footer':
      case 'first-page-footer':
      case 'body':
        if (this.sections.has(name)) this.fail(offset, `<${name}> is given twice`);
        this.stack.push({ name, content: rule.content, offset, kind: 'blocks', blocks: [] });
        return;
      case 'list': {
        const type = attributes.get('type') ?? 'bullet';
        if (type !== 'bullet' && type !== 'number')
          this.fail(offset, `<list type="${type}">: type is "bullet" or "number"`);
        this.stack.push({
          name,
          content: rule.content,
          offset,
          kind: 'list',
          reference: type === 'number' ? NUMBERED_LIST : BULLET_LIST,
          instance: this.nextListInstance++,
          target: this.blocksOf(parent, offset),
        });
        return;
      }
      case 'table':
        this.stack.push({
          name,
          content: rule.content,
          offset,
          kind: 'table',
          rows: [],
          widths: this.readWidths(attributes.get('widths'), offset),
          borders: this.readChoice(attributes, 'borders', ['grid', 'rows', 'none'], 'grid', offset),
          target: this.blocksOf(parent, offset),
        });
        return;
      case 'row':
        this.stack.push({
          name,
          content: rule.content,
          offset,
          kind: 'row',
          cells: [],
          header: this.readBoolean(attributes, 'header', false, offset),
        });
        return;
      case 'cell': {
        const row = parent as Extract<Frame, { kind: 'row' }>;
        const style = this.readStyle(attributes, row.header ? 'TableHeading' : 'TableText', offset);
        const span = this.readInteger(attributes, 'span', 1, 1, 63, offset);
        this.stack.push({
          name,
          content: rule.content,
          offset,
          kind: 'cell',
          blocks: [],
          span,
          align: this.readAlignment(attributes, offset),
          style,
        });
        return;
      }
      case 'rule': {
        const weight = this.readChoice(attributes, 'weight', ['thin', 'thick'], 'thin', offset);
        this.blocksOf(parent, offset).push(
          new Paragraph({ style: weight === 'thick' ? 'ThickRule' : 'Rule' }),
        );
        this.stack.push({ name, content: rule.content, offset, kind: 'plain' });
        return;
      }
      case 'page-break':
        this.blocksOf(parent, offset).push(new Paragraph({ children: [new PageBreak()] }));
        this.stack.push({ name, content: rule.content, offset, kind: 'plain' });
        return;
      default:
        this.openParagraphElement(name, attributes, offset, parent);
    }
  }

  private openParagraphElement(
    name: string,
    attributes: MarkupAttributes,
    offset: number,
    parent: Frame | undefined,
  ): void {
    const change = this.readChange(attributes, offset);
    const alignment = this.readAlignment(attributes, offset);
    let style = PARAGRAPH_ELEMENT_STYLES.get(name) ?? 'Normal';
    let numbering: IParagraphOptions['numbering'];
    let target: Block[];
    if (name === 'item') {
      const list = parent as Extract<Frame, { kind: 'list' }>;
      const level = this.readInteger(attributes, 'level', 1, 1, 3, offset) - 1;
      numbering = { reference: list.reference, level, instance: list.instance };
      target = list.target;
    } else {
      target = this.blocksOf(parent, offset);
      if (name === 'p') {
        style = this.readStyle(attributes, 'Normal', offset);
        if (parent?.kind === 'cell' && !attributes.has('style')) style = parent.style;
      }
      if (name === 'operative') {
        const level = this.readInteger(attributes, 'level', 1, 1, 3, offset) - 1;
        // The numbering follows the text as it will stand: a deleted paragraph takes no number.
        if (change?.kind !== 'delete') numbering = { reference: OPERATIVE_NUMBERING, level };
      }
    }
    const keepNext =
      name === 'p' ? this.readBoolean(attributes, 'keep-with-next', false, offset) : false;
    const revisionMark =
      change === null
        ? undefined
        : { id: this.nextRevisionId++, author: change.author, date: change.date };
    this.openParagraph(
      name,
      offset,
      {
        style,
        alignment:
          alignment ?? (parent?.kind === 'cell' && name === 'p' ? parent.align : undefined),
        numbering,
        keepNext: keepNext || undefined,
        run:
          revisionMark === undefined
            ? undefined
            : change?.kind === 'insert'
              ? { insertion: revisionMark }
              : { deletion: revisionMark },
      },
      target,
      change,
      false,
    );
  }

  private openParagraph(
    name: string,
    offset: number,
    options: Omit<IParagraphOptions, 'children'>,
    target: Block[],
    change: TrackedChange | null,
    implicit: boolean,
  ): void {
    this.paragraph = { name, offset, options, target, change, segments: [], implicit };
    this.change = change;
  }

  private openImplicitParagraph(offset: number): void {
    const cell = this.stack.at(-1) as Extract<Frame, { kind: 'cell' }>;
    this.openParagraph(
      'cell',
      offset,
      { style: cell.style, alignment: cell.align },
      cell.blocks,
      null,
      true,
    );
  }

  private openInline(
    name: string,
    attributes: MarkupAttributes,
    offset: number,
    rule: ElementRule,
  ): void {
    const paragraph = this.paragraph as OpenParagraph;
    const flag = FORMAT_FLAGS.get(name);
    if (flag !== undefined) {
      this.setFlag(flag, +1);
    } else if (name === 'ins' || name === 'del') {
      if (this.change !== null) {
        this.fail(
          offset,
          paragraph.change !== null
            ? `<${name}> inside a paragraph that is itself marked as changed`
            : `<${name}> cannot be inside another <ins> or <del>`,
        );
      }
      this.change = this.trackedChange(name === 'ins' ? 'insert' : 'delete', attributes, offset);
    } else {
      this.addVoid(name, offset);
    }
    this.stack.push({ name, content: rule.content, offset, kind: 'plain' });
  }

  private addVoid(name: string, offset: number): void {
    const segments = (this.paragraph as OpenParagraph).segments;
    const settings = this.settings as DocumentSettings;
    switch (name) {
      case 'br':
        segments.push({ kind: 'break' });
        return;
      case 'tab':
        segments.push({ kind: 'tab', flags: this.flags, change: this.change });
        return;
      case 'page-number':
        segments.push({
          kind: 'field',
          field: PageNumber.CURRENT,
          flags: this.flags,
          change: this.change,
        });
        return;
      case 'page-count':
        segments.push({
          kind: 'field',
          field: PageNumber.TOTAL_PAGES,
          flags: this.flags,
          change: this.change,
        });
        return;
      case 'symbol':
      case 'distribution':
      case 'date': {
        const value = settings[name];
        if (value === null)
          this.fail(offset, `<${name}/> is used but <document> has no ${name} attribute`);
        this.addText(value);
        return;
      }
      default:
        this.fail(offset, `<${name}> is not an inline element`);
    }
  }

  private addText(raw: string): void {
    const text = xmlSafe(raw);
    const segments = (this.paragraph as OpenParagraph).segments;
    const last = segments.at(-1);
    if (
      last !== undefined &&
      last.kind === 'text' &&
      last.flags === this.flags &&
      last.change === this.change
    ) {
      last.text += text;
    } else {
      segments.push({ kind: 'text', text, flags: this.flags, change: this.change });
    }
  }

  private closeFrame(frame: Frame, offset: number): void {
    const flag = FORMAT_FLAGS.get(frame.name);
    if (flag !== undefined) {
      this.setFlag(flag, -1);
      return;
    }
    switch (frame.kind) {
      case 'plain':
        if (frame.name === 'ins' || frame.name === 'del')
          this.change = this.paragraph?.change ?? null;
        if (frame.name === 'document') this.finished = true;
        return;
      case 'blocks':
        this.sections.set(frame.name as SectionName, frame.blocks);
        return;
      case 'list':
        return;
      case 'table':
        this.closeTable(frame, offset);
        return;
      case 'row':
        if (frame.cells.length === 0) this.fail(frame.offset, '<row> has no <cell>');
        (this.stack.at(-1) as Extract<Frame, { kind: 'table' }>).rows.push(
          new TableRow({
            children: frame.cells,
            tableHeader: frame.header || undefined,
            cantSplit: true,
          }),
        );
        return;
      case 'cell': {
        // Word requires every cell to end with a paragraph.
        if (frame.blocks.length === 0 || !(frame.blocks.at(-1) instanceof Paragraph))
          frame.blocks.push(new Paragraph({ style: frame.style }));
        (this.stack.at(-1) as Extract<Frame, { kind: 'row' }>).cells.push(
          new TableCell({
            children: frame.blocks,
            columnSpan: frame.span > 1 ? frame.span : undefined,
            margins: { left: 80, right: 80 },
          }),
        );
        return;
      }
    }
  }

  private closeTable(frame: Extract<Frame, { kind: 'table' }>, offset: number): void {
    if (frame.rows.length === 0) this.fail(frame.offset, '<table> has no <row>');
    const columns = Math.max(...frame.rows.map((row) => row.CellCount));
    const widths = frame.widths ?? Array.from({ length: columns }, () => 100 / columns);
    if (widths.length !== columns)
      this.fail(
        offset,
        `<table widths> gives ${widths.length} columns but the widest row has ${columns}`,
      );
    frame.target.push(
      new Table({
        rows: frame.rows,
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths.map((percent) => Math.round((TEXT_WIDTH * percent) / 100)),
        layout: TableLayoutType.FIXED,
        borders: TABLE_BORDERS[frame.borders],
      }),
    );
  }

  private closeParagraph(): void {
    const paragraph = this.paragraph as OpenParagraph;
    this.paragraph = null;
    this.change = null;
    paragraph.target.push(
      new Paragraph({ ...paragraph.options, children: this.runsOf(paragraph.segments) }),
    );
  }

  /** Collapses white space as HTML does (template indentation never reaches Word) and builds the runs. */
  private runsOf(segments: Segment[]): ParagraphChild[] {
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
            runs.push(this.run(segment.text, undefined, segment.flags, segment.change));
          break;
        case 'tab':
          runs.push(this.run(undefined, [new Tab()], segment.flags, segment.change));
          break;
        case 'field':
          runs.push(this.run(undefined, [segment.field], segment.flags, segment.change));
          break;
        case 'break':
          runs.push(new TextRun({ break: 1 }));
          break;
      }
    }
    return runs;
  }

  private run(
    text: string | undefined,
    children: IRunOptions['children'],
    flags: number,
    change: TrackedChange | null,
  ): ParagraphChild {
    if (change === null) {
      if (flags === 0 && text !== undefined) return new TextRun(text);
      return new TextRun({ ...RUN_FORMATS[flags], text, children });
    }
    const revision = { id: this.nextRevisionId++, author: change.author, date: change.date };
    return change.kind === 'insert'
      ? new InsertedTextRun({ ...RUN_FORMATS[flags], ...revision, text, children })
      : new DeletedTextRun({ ...RUN_FORMATS[flags], ...revision, text, children });
  }

  private setFlag(flag: number, delta: number): void {
    const slot = Math.log2(flag);
    this.flagCounts[slot] += delta;
    this.flags = this.flagCounts[slot] > 0 ? this.flags | flag : this.flags & ~flag;
  }

  private headerOrFooter(name: SectionName, settings: DocumentSettings): Block[] | undefined {
    const blocks = this.sections.get(name);
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

  private blocksOf(frame: Frame | undefined, offset: number): Block[] {
    if (frame?.kind === 'blocks' || frame?.kind === 'cell') return frame.blocks;
    return this.fail(
      offset,
      'a block element must be inside <body>, a page header or footer, or a <cell>',
    );
  }

  // --- attributes ------------------------------------------------------------------------------

  private readSettings(attributes: MarkupAttributes, offset: number): DocumentSettings {
    const language = attributes.get('language');
    if (language === undefined)
      this.fail(offset, '<document> needs a language attribute ("en", "ru")');
    // Which languages are printed is the forum's data; here a language only has to be a code.
    if (!LANGUAGE_FOLDER.test(language))
      this.fail(
        offset,
        `<document language="${language}"> is not a language code (such as "en", "ru")`,
      );
    const revisionDate = attributes.get('revision-date') ?? null;
    if (revisionDate !== null && !REVISION_DATE.test(revisionDate)) {
      this.fail(
        offset,
        `revision-date "${revisionDate}" is not an ISO 8601 date-time such as 2024-12-17T10:00:00Z`,
      );
    }
    return {
      language,
      symbol: attributes.get('symbol') ?? null,
      distribution: attributes.get('distribution') ?? null,
      date: attributes.get('date') ?? null,
      draft: this.readBoolean(attributes, 'draft', false, offset),
      draftLabel: attributes.get('draft-label') ?? DRAFT_LABELS[language] ?? 'DRAFT',
      title: xmlSafe(attributes.get('title') ?? '') || null,
      revisionAuthor: attributes.get('revision-author') ?? null,
      revisionDate,
    };
  }

  private readChange(attributes: MarkupAttributes, offset: number): TrackedChange | null {
    const change = attributes.get('change');
    if (change === undefined) {
      if (attributes.has('author') || attributes.has('date'))
        this.fail(offset, 'author and date go with a change attribute');
      return null;
    }
    if (change !== 'inserted' && change !== 'deleted')
      this.fail(offset, `change="${change}": a paragraph is "inserted" or "deleted"`);
    return this.trackedChange(change === 'inserted' ? 'insert' : 'delete', attributes, offset);
  }

  private trackedChange(
    kind: TrackedChange['kind'],
    attributes: MarkupAttributes,
    offset: number,
  ): TrackedChange {
    const settings = this.settings as DocumentSettings;
    const author = xmlSafe(attributes.get('author') ?? settings.revisionAuthor ?? '') || null;
    const date = attributes.get('date') ?? settings.revisionDate;
    if (author === null || author.trim() === '')
      this.fail(
        offset,
        'a tracked change needs an author: set revision-author on <document> or author on the element',
      );
    if (date === null)
      this.fail(
        offset,
        'a tracked change needs a date: set revision-date on <document> or date on the element',
      );
    if (!REVISION_DATE.test(date))
      this.fail(offset, `date "${date}" is not an ISO 8601 date-time such as 2024-12-17T10:00:00Z`);
    return { kind, author, date };
  }

  private readStyle(attributes: MarkupAttributes, fallback: string, offset: number): string {
    const style = attributes.get('style');
    if (style === undefined) return fallback;
    if (!PARAGRAPH_STYLE_IDS.has(style))
      this.fail(
        offset,
        `unknown paragraph style "${style}"; the styles are ${[...PARAGRAPH_STYLE_IDS].join(', ')}`,
      );
    return style;
  }

  private readAlignment(attributes: MarkupAttributes, offset: number) {
    const align = attributes.get('align');
    if (align === undefined) return undefined;
    const alignment = ALIGNMENTS.get(align);
    if (alignment === undefined)
      this.fail(offset, `align="${align}": use left, center, right or justify`);
    return alignment;
  }

  private readBoolean(
    attributes: MarkupAttributes,
    name: string,
    fallback: boolean,
    offset: number,
  ): boolean {
    const value = attributes.get(name);
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false')
      this.fail(offset, `${name}="${value}": use true or false`);
    return value === 'true';
  }

  private readInteger(
    attributes: MarkupAttributes,
    name: string,
    fallback: number,
    min: number,
    max: number,
    offset: number,
  ): number {
    const value = attributes.get(name);
    if (value === undefined) return fallback;
    const number = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= min && number <= max))
      this.fail(offset, `${name}="${value}": use a whole number from ${min} to ${max}`);
    return number;
  }

  private readChoice<T extends string>(
    attributes: MarkupAttributes,
    name: string,
    choices: readonly T[],
    fallback: T,
    offset: number,
  ): T {
    const value = attributes.get(name);
    if (value === undefined) return fallback;
    if (!(choices as readonly string[]).includes(value))
      this.fail(offset, `${name}="${value}": use ${choices.join(', ')}`);
    return value as T;
  }

  private readWidths(value: string | undefined, offset: number): number[] | null {
    if (value === undefined) return null;
    const widths = value.split(',').map((part) => Number(part.trim().replace(/%$/, '')));
    const total = widths.reduce((sum, width) => sum + width, 0);
    if (widths.some((width) => !(width > 0)) || total > 100.5) {
      this.fail(
        offset,
        `widths="${value}": give column widths as percentages of the text width, e.g. "30,70"`,
      );
    }
    return widths;
  }

  private fail(offset: number, reason: string): never {
    throw markupError(this.markup, offset, reason);
  }
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

function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

// Only XML white space collapses: a no-break space typed in a template or in the data stays.
// Most text has nothing to collapse, and a test costs less than a replace that copies it.
const COLLAPSIBLE = /[\t\r\n]| {2}/;
function collapseSpace(text: string): string {
  return COLLAPSIBLE.test(text) ? text.replace(/[ \t\r\n]+/g, ' ') : text;
}
