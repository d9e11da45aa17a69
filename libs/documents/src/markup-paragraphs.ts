// Paragraph elements (<p>, <title>, <operative>, list <item>…): the style, numbering, alignment
// and tracked change each one gives its paragraph, and the blocks the paragraph joins.

import type { IParagraphOptions } from 'docx';
import type { AttributeReader, DocumentSettings, Fail } from './markup-attributes';
import { PARAGRAPH_ELEMENT_STYLES } from './markup-elements';
import { blocksOf, type Block, type Frame } from './markup-frames';
import type { MarkupAttributes } from './markup-reader';
import type { TrackedChange } from './markup-runs';
import { OPERATIVE_NUMBERING } from './word-styles';

export interface ParagraphOpening {
  readonly options: Omit<IParagraphOptions, 'children'>;
  readonly target: Block[];
  readonly change: TrackedChange | null;
}

export interface ParagraphContext {
  readonly read: AttributeReader;
  readonly settings: DocumentSettings;
  readonly fail: Fail;
  /** A paragraph marked as changed takes its revision id when it opens, before its runs. */
  readonly nextRevisionId: () => number;
}

export function paragraphOpening(
  name: string,
  attributes: MarkupAttributes,
  offset: number,
  parent: Frame | undefined,
  { read, settings, fail, nextRevisionId }: ParagraphContext,
): ParagraphOpening {
  const change = read.change(attributes, offset, settings);
  const alignment = read.alignment(attributes, offset);
  let style = PARAGRAPH_ELEMENT_STYLES.get(name) ?? 'Normal';
  let numbering: IParagraphOptions['numbering'];
  let target: Block[];
  if (name === 'item') {
    const list = parent as Extract<Frame, { kind: 'list' }>;
    const level = read.integer(attributes, 'level', 1, 1, 3, offset) - 1;
    numbering = { reference: list.reference, level, instance: list.instance };
    target = list.target;
  } else {
    target = blocksOf(parent, offset, fail);
    if (name === 'p') {
      style = read.style(attributes, 'Normal', offset);
      if (parent?.kind === 'cell' && !attributes.has('style')) style = parent.style;
    }
    if (name === 'operative') {
      const level = read.integer(attributes, 'level', 1, 1, 3, offset) - 1;
      // The numbering follows the text as it will stand: a deleted paragraph takes no number.
      if (change?.kind !== 'delete') numbering = { reference: OPERATIVE_NUMBERING, level };
    }
  }
  const keepNext = name === 'p' ? read.boolean(attributes, 'keep-with-next', false, offset) : false;
  const revisionMark =
    change === null
      ? undefined
      : { id: nextRevisionId(), author: change.author, date: change.date };
  return {
    options: {
      style,
      alignment: alignment ?? (parent?.kind === 'cell' && name === 'p' ? parent.align : undefined),
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
  };
}
