// What the builder holds while it reads: the open elements (frames) on its stack and the paragraph
// being filled. Each frame kind carries what its element collects until it closes.

import type { AlignmentType, IParagraphOptions, Paragraph, Table, TableCell, TableRow } from 'docx';
import type { Fail } from './markup-attributes';
import type { Content } from './markup-elements';
import type { Segment, TrackedChange } from './markup-runs';

/** What a body, header, footer or cell holds. */
export type Block = Paragraph | Table;

/** How a <table> draws its lines. */
export type TableBorderStyle = 'grid' | 'rows' | 'none';

export interface OpenParagraph {
  readonly name: string;
  readonly offset: number;
  readonly options: Omit<IParagraphOptions, 'children'>;
  readonly target: Block[];
  readonly change: TrackedChange | null;
  readonly segments: Segment[];
  /** Opened by text directly inside a <cell>, closed by the cell or the next block. */
  readonly implicit: boolean;
}

export type SectionName =
  'page-header' | 'first-page-header' | 'page-footer' | 'first-page-footer' | 'body';

export type Frame =
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
      readonly borders: TableBorderStyle;
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

export type TableFrame = Extract<Frame, { kind: 'table' }>;
export type RowFrame = Extract<Frame, { kind: 'row' }>;
export type CellFrame = Extract<Frame, { kind: 'cell' }>;

/** The blocks a block element joins: those of the body, header, footer or cell it is in. */
export function blocksOf(frame: Frame | undefined, offset: number, fail: Fail): Block[] {
  if (frame?.kind === 'blocks' || frame?.kind === 'cell') return frame.blocks;
  return fail(
    offset,
    'a block element must be inside <body>, a page header or footer, or a <cell>',
  );
}
