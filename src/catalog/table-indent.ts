import type { Catalog, Table } from './model.js';

/**
 * The indentation `format` writes a table's lines with, or null when it leaves the table as it
 * is: the lines of a table in a block quote (`> |`) or on a list item's first line (`- |`)
 * carry markers that the compact style would drop.
 */
export function rewriteIndent(catalog: Catalog, table: Table): string | null {
  const lineStart = table.header.range.start.offset;
  const prefix = catalog.source.slice(lineStart, table.header.cells[0]?.range.start.offset ?? lineStart);
  return /^[ \t]*\|?[ \t]*$/u.test(prefix) ? prefix.match(/^[ \t]*/u)![0] : null;
}
