import stringWidth from 'string-width';
import type { Catalog, Row, Table } from './model.js';

/** How wide text shows in a terminal or an editor's monospace font (CJK and emoji count two), as markdownlint measures it. */
export const displayWidth = (text: string): number => stringWidth(text);

/**
 * The segments between the pipes of a table line written with outer pipes (`| a | b |` →
 * `[' a ', ' b ']`), split where GFM splits cells: at every pipe not escaped by a backslash.
 * Null for a line without its leading or trailing pipe.
 */
export function lineSegments(line: string): string[] | null {
  if (!line.startsWith('|') || !line.endsWith('|') || line.length < 2) return null;
  const segments: string[] = [];
  let start = 1;
  for (let index = 1; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') index++;
    else if (char === '|') {
      segments.push(line.slice(start, index));
      start = index + 1;
    }
  }
  // An escaped last pipe (`| a \|`) leaves the line without its closing pipe.
  return start === line.length ? segments : null;
}

/** The source line of a row (or the delimiter row), without the indentation `indent`, or null when it is indented otherwise. */
export function lineOf(catalog: Catalog, row: Pick<Row, 'range'>, indent: string): string | null {
  const line = catalog.source.slice(row.range.start.offset, row.range.end.offset);
  return line.startsWith(indent) && !/^[ \t]/u.test(line.slice(indent.length)) ? line.slice(indent.length) : null;
}

/** At least this share of a table's lines must line up for the table to be aligned: a list keeps its style even where later rows broke it. */
const ALIGNED_SHARE = 0.75;

/**
 * Whether a table is written in the aligned style: most of its lines (header, delimiter, rows)
 * have outer pipes, one segment per column, and their pipes at the same display columns, with
 * padding somewhere (a table whose cells are all alike in width is compact as much as aligned).
 */
export function isAlignedTable(catalog: Catalog, table: Table): boolean {
  const lines = [table.header, table.delimiter, ...table.rows].map((row) => lineOf(catalog, row, '')?.trimStart() ?? '');
  const layouts = lines.map((line) => lineSegments(line)?.map(displayWidth));
  const counts = new Map<string, number>();
  for (const layout of layouts) {
    if (layout?.length === table.header.cells.length) counts.set(layout.join(), (counts.get(layout.join()) ?? 0) + 1);
  }
  const [common, lined] = [...counts].reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best), ['', 0]);
  if (lined < lines.length * ALIGNED_SHARE) return false;
  return lines.some((line, index) => layouts[index]?.join() === common && (/ {2}\|/u.test(line) || /\| {2}/u.test(line)));
}
