// htmlparser2 12 is published as ES modules only: Node (>= 20.19) require()s it natively, and
// jest.config.js compiles it to CommonJS for Jest.
import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { MarkupError } from './template-error';

/** Attributes of one element, entities decoded. A Map, so no attribute name can reach a prototype. */
export type MarkupAttributes = ReadonlyMap<string, string>;

/** What the reader reports, in document order; `offset` is where the event starts in the markup. */
export interface MarkupEvents {
  openElement(name: string, attributes: MarkupAttributes, offset: number): void;
  closeElement(name: string, offset: number): void;
  /** Character data with entities decoded; consecutive pieces are joined into one call. */
  text(text: string, offset: number): void;
}

/**
 * Reads markup with htmlparser2's tokenizer (the cheapest SAX layer: no DOM, no tag-soup
 * recovery) and enforces well-formedness itself, since the tokenizer's parser would silently
 * drop a stray closing tag or close an open one for us.
 */
export function readMarkup(markup: string, events: MarkupEvents): void {
  const reader = new MarkupTokenizerCallbacks(markup, events);
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
    reader,
  );
  tokenizer.write(markup);
  tokenizer.end();
}

/** 1-based line and column of an offset, computed only when an error needs it. */
export function positionOf(markup: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), markup.length);
  for (
    let index = markup.indexOf('\n');
    index !== -1 && index < end;
    index = markup.indexOf('\n', index + 1)
  ) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export function markupError(markup: string, offset: number, reason: string): MarkupError {
  const { line, column } = positionOf(markup, offset);
  return new MarkupError(reason, line, column);
}

const NO_ATTRIBUTES: Map<string, string> = new Map();

class MarkupTokenizerCallbacks implements TokenizerCallbacks {
  private readonly open: { name: string; offset: number }[] = [];
  private tagName = '';
  private tagOffset = 0;
  private attributes: Map<string, string> = NO_ATTRIBUTES;
  private attributeName = '';
  private attributeValue = '';
  private pendingText = '';
  private pendingTextOffset = -1;

  constructor(
    private readonly markup: string,
    private readonly events: MarkupEvents,
  ) {}

  ontext(start: number, endIndex: number): void {
    if (this.pendingTextOffset < 0) this.pendingTextOffset = start;
    this.pendingText += this.markup.slice(start, endIndex);
  }

  ontextentity(codepoint: number, endIndex: number): void {
    if (this.pendingTextOffset < 0) this.pendingTextOffset = endIndex;
    this.pendingText += String.fromCodePoint(codepoint);
  }

  onopentagname(start: number, endIndex: number): void {
    this.flushText();
    this.tagName = this.markup.slice(start, endIndex);
    this.tagOffset = start - 1;
    this.attributes = NO_ATTRIBUTES;
  }

  onattribname(start: number, endIndex: number): void {
    this.attributeName = this.markup.slice(start, endIndex);
    this.attributeValue = '';
  }

  onattribdata(start: number, endIndex: number): void {
    this.attributeValue += this.markup.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    this.attributeValue += String.fromCodePoint(codepoint);
  }

  onattribend(quote: QuoteType, _endIndex: number): void {
    if (quote === QuoteType.NoValue) {
      this.fail(
        this.tagOffset,
        `attribute "${this.attributeName}" of <${this.tagName}> has no value`,
      );
    }
    // Most tags have no attributes: they share one empty map, and a tag gets its own on its first.
    if (this.attributes === NO_ATTRIBUTES) this.attributes = new Map();
    if (this.attributes.has(this.attributeName)) {
      this.fail(
        this.tagOffset,
        `attribute "${this.attributeName}" is given twice on <${this.tagName}>`,
      );
    }
    this.attributes.set(this.attributeName, this.attributeValue);
  }

  onopentagend(_endIndex: number): void {
    this.open.push({ name: this.tagName, offset: this.tagOffset });
    this.events.openElement(this.tagName, this.attributes, this.tagOffset);
  }

  onselfclosingtag(_endIndex: number): void {
    this.events.openElement(this.tagName, this.attributes, this.tagOffset);
    this.events.closeElement(this.tagName, this.tagOffset);
  }

  onclosetag(start: number, endIndex: number): void {
    this.flushText();
    const name = this.markup.slice(start, endIndex);
    const expected = this.open.pop();
    if (expected === undefined) {
      this.fail(start - 2, `</${name}> closes an element that is not open`);
    }
    if (expected.name !== name) {
      const opened = positionOf(this.markup, expected.offset);
      this.fail(
        start - 2,
        `</${name}> found where </${expected.name}> was expected (<${expected.name}> opened at line ${opened.line}, column ${opened.column})`,
      );
    }
    this.events.closeElement(name, start - 2);
  }

  oncdata(start: number): void {
    this.fail(start, 'CDATA sections are not part of the markup');
  }

  oncomment(start: number): void {
    this.fail(start, 'comments are not part of the markup; use a Handlebars comment {{!-- … --}}');
  }

  ondeclaration(start: number): void {
    this.fail(start, 'declarations (<!DOCTYPE …>) are not part of the markup');
  }

  onprocessinginstruction(start: number): void {
    this.fail(start, 'processing instructions (<?…?>) are not part of the markup');
  }

  onend(): void {
    this.flushText();
    const unclosed = this.open.pop();
    if (unclosed !== undefined) {
      this.fail(unclosed.offset, `<${unclosed.name}> is never closed`);
    }
  }

  private flushText(): void {
    if (this.pendingText !== '') {
      const text = this.pendingText;
      this.pendingText = '';
      this.events.text(text, this.pendingTextOffset);
    }
    this.pendingTextOffset = -1;
  }

  private fail(offset: number, reason: string): never {
    throw markupError(this.markup, offset, reason);
  }
}
