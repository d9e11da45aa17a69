// Markup → Word. The markup (documented for template authors in templates/README.md) is read
// as a stream of SAX events and each event builds `docx` objects directly: no DOM, no second
// pass, so the cost over building the same document by hand is the tokenizer and little else.

import {
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type Document,
  type IParagraphOptions,
} from 'docx';
import { AttributeReader, type DocumentSettings, type Fail } from './markup-attributes';
import { ELEMENTS, type Content, type ElementRule } from './markup-elements';
import {
  blocksOf,
  type Block,
  type Frame,
  type OpenParagraph,
  type RowFrame,
  type SectionName,
  type TableFrame,
} from './markup-frames';
import { documentOf } from './markup-pages';
import { paragraphOpening } from './markup-paragraphs';
import { markupError, readMarkup, type MarkupAttributes, type MarkupEvents } from './markup-reader';
import { FORMAT_FLAGS, runsOf, xmlSafe, type TrackedChange } from './markup-runs';
import { cellFrame, cellOf, rowFrame, rowOf, tableFrame, tableOf } from './markup-tables';
import { BULLET_LIST, NUMBERED_LIST } from './word-styles';

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
  private readonly fail: Fail;
  private readonly read: AttributeReader;

  constructor(private readonly markup: string) {
    this.fail = (offset, reason) => {
      throw markupError(markup, offset, reason);
    };
    this.read = new AttributeReader(this.fail);
  }

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

    return documentOf(settings, this.sections, body, this.nextRevisionId > 1);
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
        this.settings = this.read.settings(attributes, offset);
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
          target: blocksOf(parent, offset, this.fail),
        });
        return;
      }
      case 'table':
        this.stack.push(
          tableFrame(
            rule.content,
            offset,
            attributes,
            this.read,
            blocksOf(parent, offset, this.fail),
          ),
        );
        return;
      case 'row':
        this.stack.push(rowFrame(rule.content, offset, attributes, this.read));
        return;
      case 'cell':
        this.stack.push(cellFrame(rule.content, offset, attributes, this.read, parent as RowFrame));
        return;
      case 'rule': {
        const weight = this.read.choice(attributes, 'weight', ['thin', 'thick'], 'thin', offset);
        blocksOf(parent, offset, this.fail).push(
          new Paragraph({ style: weight === 'thick' ? 'ThickRule' : 'Rule' }),
        );
        this.stack.push({ name, content: rule.content, offset, kind: 'plain' });
        return;
      }
      case 'page-break':
        blocksOf(parent, offset, this.fail).push(new Paragraph({ children: [new PageBreak()] }));
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
    const { options, target, change } = paragraphOpening(name, attributes, offset, parent, {
      read: this.read,
      settings: this.settings as DocumentSettings,
      fail: this.fail,
      nextRevisionId: () => this.nextRevisionId++,
    });
    this.openParagraph(name, offset, options, target, change, false);
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
      this.change = this.read.trackedChange(
        name === 'ins' ? 'insert' : 'delete',
        attributes,
        offset,
        this.settings as DocumentSettings,
      );
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
        frame.target.push(tableOf(frame, offset, this.fail));
        return;
      case 'row':
        (this.stack.at(-1) as TableFrame).rows.push(rowOf(frame, this.fail));
        return;
      case 'cell':
        (this.stack.at(-1) as RowFrame).cells.push(cellOf(frame));
        return;
    }
  }

  private closeParagraph(): void {
    const paragraph = this.paragraph as OpenParagraph;
    this.paragraph = null;
    this.change = null;
    paragraph.target.push(
      new Paragraph({
        ...paragraph.options,
        children: runsOf(paragraph.segments, () => this.nextRevisionId++),
      }),
    );
  }

  private setFlag(flag: number, delta: number): void {
    const slot = Math.log2(flag);
    this.flagCounts[slot] += delta;
    this.flags = this.flagCounts[slot] > 0 ? this.flags | flag : this.flags & ~flag;
  }
}

function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}
