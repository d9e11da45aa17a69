// The attributes of the markup, read and checked: each reader returns the value the builder
// needs or fails with the element's offset, so every wrong attribute is reported where it stands.

import { AlignmentType } from 'docx';
import { LANGUAGE_FOLDER } from './document-kind';
import type { MarkupAttributes } from './markup-reader';
import { xmlSafe, type TrackedChange } from './markup-runs';
import { DRAFT_LABELS, PARAGRAPH_STYLE_IDS } from './word-styles';

/** Reports a markup error at an offset of the markup; it does not return. */
export type Fail = (offset: number, reason: string) => never;

/** What the <document> element says about the whole document. */
export interface DocumentSettings {
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

const ALIGNMENTS = new Map<string, (typeof AlignmentType)[keyof typeof AlignmentType]>([
  ['left', AlignmentType.LEFT],
  ['center', AlignmentType.CENTER],
  ['right', AlignmentType.RIGHT],
  ['justify', AlignmentType.JUSTIFIED],
]);

// ISO 8601 date-time as Word wants it in w:date.
const REVISION_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class AttributeReader {
  constructor(private readonly fail: Fail) {}

  settings(attributes: MarkupAttributes, offset: number): DocumentSettings {
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
      draft: this.boolean(attributes, 'draft', false, offset),
      draftLabel: attributes.get('draft-label') ?? DRAFT_LABELS[language] ?? 'DRAFT',
      title: xmlSafe(attributes.get('title') ?? '') || null,
      revisionAuthor: attributes.get('revision-author') ?? null,
      revisionDate,
    };
  }

  change(
    attributes: MarkupAttributes,
    offset: number,
    settings: DocumentSettings,
  ): TrackedChange | null {
    const change = attributes.get('change');
    if (change === undefined) {
      if (attributes.has('author') || attributes.has('date'))
        this.fail(offset, 'author and date go with a change attribute');
      return null;
    }
    if (change !== 'inserted' && change !== 'deleted')
      this.fail(offset, `change="${change}": a paragraph is "inserted" or "deleted"`);
    return this.trackedChange(
      change === 'inserted' ? 'insert' : 'delete',
      attributes,
      offset,
      settings,
    );
  }

  trackedChange(
    kind: TrackedChange['kind'],
    attributes: MarkupAttributes,
    offset: number,
    settings: DocumentSettings,
  ): TrackedChange {
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

  style(attributes: MarkupAttributes, fallback: string, offset: number): string {
    const style = attributes.get('style');
    if (style === undefined) return fallback;
    if (!PARAGRAPH_STYLE_IDS.has(style))
      this.fail(
        offset,
        `unknown paragraph style "${style}"; the styles are ${[...PARAGRAPH_STYLE_IDS].join(', ')}`,
      );
    return style;
  }

  alignment(attributes: MarkupAttributes, offset: number) {
    const align = attributes.get('align');
    if (align === undefined) return undefined;
    const alignment = ALIGNMENTS.get(align);
    if (alignment === undefined)
      this.fail(offset, `align="${align}": use left, center, right or justify`);
    return alignment;
  }

  boolean(attributes: MarkupAttributes, name: string, fallback: boolean, offset: number): boolean {
    const value = attributes.get(name);
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false')
      this.fail(offset, `${name}="${value}": use true or false`);
    return value === 'true';
  }

  integer(
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

  choice<T extends string>(
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

  widths(value: string | undefined, offset: number): number[] | null {
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
}
