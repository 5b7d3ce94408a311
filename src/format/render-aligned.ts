import type { Align, Catalog, Row, Table } from '../catalog/model.js';
import { paddedCells } from '../catalog/padded-cells.js';
import { displayWidth, lineOf, lineSegments } from '../catalog/table-layout.js';

// The delimiter's dashes need three columns: `:-:`.
const LEAST_WIDTH = 3;

/**
 * The lines of a table in the aligned style: every cell padded to its column's width (the
 * widest cell's display width, as markdownlint's MD060 measures it, or the header's own when it
 * is padded wider), the delimiter's dashes to
 * the width with the alignment marks kept, so the pipes of every line line up. Cells are padded
 * to the side their column is aligned to. A line that is already aligned to those widths is kept
 * as it is, whatever its padding (centred by hand, dashes without spaces): a table already in
 * the style stays byte for byte. `order` gives the body rows' order (indexes into table.rows).
 */
export function renderAlignedTable(catalog: Catalog, table: Table, order: readonly number[], indent: string): string[] {
  const width = table.header.cells.length;
  const rows = [table.header, ...table.rows];
  // A header already padded wider than its column's cells keeps its width: no churn when the widest row goes.
  const headerLine = lineOf(catalog, table.header, indent);
  const headerSegments = headerLine === null ? null : lineSegments(headerLine);
  const padded = (column: number) => (headerSegments?.length === width ? displayWidth(headerSegments[column]!) - 2 : 0);
  const widths = Array.from({ length: width }, (_, column) =>
    Math.max(LEAST_WIDTH, padded(column), ...rows.map((row) => displayWidth(paddedCells(row, width)[column]!))),
  );
  const align = (column: number): Align => table.delimiter.align[column] ?? null;
  const kept = (row: Pick<Row, 'range'>, fits: (segment: string, column: number) => boolean) => {
    const line = lineOf(catalog, row, indent);
    const segments = line === null ? null : lineSegments(line);
    const aligned = segments?.length === width && segments.every((segment, column) => displayWidth(segment) === widths[column]! + 2 && fits(segment, column));
    return aligned ? `${indent}${line}` : null;
  };
  const renderRow = (row: Row) =>
    kept(row, (segment) => segment.startsWith(' ') && segment.endsWith(' ')) ??
    `${indent}|${paddedCells(row, width).map((cell, column) => ` ${pad(cell, widths[column]!, align(column))} `).join('|')}|`;
  const delimiter =
    kept(table.delimiter, (segment, column) => delimiterAlign(segment.trim()) === align(column) && /^ ?:?-+:? ?$/u.test(segment)) ??
    `${indent}|${widths.map((columnWidth, column) => ` ${dashes(columnWidth, align(column))} `).join('|')}|`;
  return [renderRow(table.header), delimiter, ...order.map((index) => renderRow(table.rows[index]!))];
}

function pad(cell: string, columnWidth: number, align: Align): string {
  const room = columnWidth - displayWidth(cell);
  if (align === 'right') return `${' '.repeat(room)}${cell}`;
  if (align === 'center') return `${' '.repeat(Math.floor(room / 2))}${cell}${' '.repeat(Math.ceil(room / 2))}`;
  return `${cell}${' '.repeat(room)}`;
}

function dashes(columnWidth: number, align: Align): string {
  if (align === 'left') return `:${'-'.repeat(columnWidth - 1)}`;
  if (align === 'right') return `${'-'.repeat(columnWidth - 1)}:`;
  if (align === 'center') return `:${'-'.repeat(columnWidth - 2)}:`;
  return '-'.repeat(columnWidth);
}

function delimiterAlign(marks: string): Align {
  const left = marks.startsWith(':');
  const right = marks.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}
