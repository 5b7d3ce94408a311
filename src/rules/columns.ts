import type { ColumnSchema } from '../catalog/config.js';
import type { Row, Table } from '../catalog/model.js';
import type { SchemaTable } from './define.js';

/** Index of the header cell named `name` (case-insensitive, as the sort does), or -1. */
export function columnIndex(table: Table, name: string): number {
  const wanted = name.toLowerCase();
  return table.header.cells.findIndex((cell) => cell.text.trim().toLowerCase() === wanted);
}

/** The schema columns the header actually has, with their position (missing ones are the header rule's business). */
export function presentColumns(table: SchemaTable): { column: ColumnSchema; index: number }[] {
  return table.schema.columns
    .map((column) => ({ column, index: columnIndex(table, column.name) }))
    .filter((entry) => entry.index >= 0);
}

/** How messages name a row: its key, or its line when the key is empty. */
export function rowLabel(table: SchemaTable, row: Row): string {
  const key = row.cells[columnIndex(table, table.schema.key)]?.text.trim() ?? '';
  return key === '' ? `the row on line ${row.line}` : `"${key}"`;
}

/** Empty in meaning: no text and no link (an HTML comment or `<br>` alone counts as empty). */
export function isBlank(cell: { text: string; links: unknown[] } | undefined): boolean {
  return cell === undefined || (cell.text.trim() === '' && cell.links.length === 0);
}
