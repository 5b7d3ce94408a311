import type { Align, Row, Table } from '../catalog/model.js';
import { paddedCells } from '../catalog/padded-cells.js';

const DELIMITERS: Record<Exclude<Align, null> | 'none', string> = {
  none: '---',
  left: ':---',
  right: '---:',
  center: ':---:',
};

/**
 * One row in the compact style, `| a | b |`: each cell is its own source text. An empty
 * cell is `| |`, one space between its pipes, as markdownlint's compact table style wants.
 */
function renderRow(row: Row, width: number, indent: string): string {
  return `${indent}|${paddedCells(row, width).map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
}

/**
 * The lines of a table in the compact style: one edited cell is a one-line diff, and no
 * width is ever measured. `order` gives the body rows' order (indexes into table.rows).
 */
export function renderTable(table: Table, order: readonly number[], indent: string): string[] {
  const width = table.header.cells.length;
  const delimiter = Array.from({ length: width }, (_, column) => DELIMITERS[table.delimiter.align[column] ?? 'none']);
  return [
    renderRow(table.header, width, indent),
    `${indent}| ${delimiter.join(' | ')} |`,
    ...order.map((index) => renderRow(table.rows[index]!, width, indent)),
  ];
}
