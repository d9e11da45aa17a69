// Tables: a <table>, its rows and cells become `docx` tables when each element closes, in the
// house layout (fixed widths as shares of the text width, rows that do not split across pages).

import {
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { AttributeReader, Fail } from './markup-attributes';
import type { Content } from './markup-elements';
import type { Block, CellFrame, RowFrame, TableBorderStyle, TableFrame } from './markup-frames';
import type { MarkupAttributes } from './markup-reader';
import { TEXT_WIDTH } from './word-styles';

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
} as const satisfies Record<TableBorderStyle, unknown>;

export function tableFrame(
  content: Content,
  offset: number,
  attributes: MarkupAttributes,
  read: AttributeReader,
  target: Block[],
): TableFrame {
  return {
    name: 'table',
    content,
    offset,
    kind: 'table',
    rows: [],
    widths: read.widths(attributes.get('widths'), offset),
    borders: read.choice(attributes, 'borders', ['grid', 'rows', 'none'], 'grid', offset),
    target,
  };
}

export function rowFrame(
  content: Content,
  offset: number,
  attributes: MarkupAttributes,
  read: AttributeReader,
): RowFrame {
  return {
    name: 'row',
    content,
    offset,
    kind: 'row',
    cells: [],
    header: read.boolean(attributes, 'header', false, offset),
  };
}

export function cellFrame(
  content: Content,
  offset: number,
  attributes: MarkupAttributes,
  read: AttributeReader,
  row: RowFrame,
): CellFrame {
  const style = read.style(attributes, row.header ? 'TableHeading' : 'TableText', offset);
  const span = read.integer(attributes, 'span', 1, 1, 63, offset);
  return {
    name: 'cell',
    content,
    offset,
    kind: 'cell',
    blocks: [],
    span,
    align: read.alignment(attributes, offset),
    style,
  };
}

export function tableOf(frame: TableFrame, offset: number, fail: Fail): Table {
  if (frame.rows.length === 0) fail(frame.offset, '<table> has no <row>');
  const columns = Math.max(...frame.rows.map((row) => row.CellCount));
  const widths = frame.widths ?? Array.from({ length: columns }, () => 100 / columns);
  if (widths.length !== columns)
    fail(offset, `<table widths> gives ${widths.length} columns but the widest row has ${columns}`);
  return new Table({
    rows: frame.rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((percent) => Math.round((TEXT_WIDTH * percent) / 100)),
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS[frame.borders],
  });
}

export function rowOf(frame: RowFrame, fail: Fail): TableRow {
  if (frame.cells.length === 0) fail(frame.offset, '<row> has no <cell>');
  return new TableRow({
    children: frame.cells,
    tableHeader: frame.header || undefined,
    cantSplit: true,
  });
}

export function cellOf(frame: CellFrame): TableCell {
  // Word requires every cell to end with a paragraph.
  if (frame.blocks.length === 0 || !(frame.blocks.at(-1) instanceof Paragraph))
    frame.blocks.push(new Paragraph({ style: frame.style }));
  return new TableCell({
    children: frame.blocks,
    columnSpan: frame.span > 1 ? frame.span : undefined,
    margins: { left: 80, right: 80 },
  });
}
