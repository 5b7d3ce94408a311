import type { CatalogConfig } from '../catalog/config.js';
import type { Catalog, Row, Table } from '../catalog/model.js';
import { readCatalog } from '../catalog/read.js';
import { formatSource } from './format.js';
import { paddedCells } from '../catalog/padded-cells.js';
import { tableOfContents } from './toc.js';
import { proveUrlFixes } from './prove-fixes.js';
import type { CellFix } from '../catalog/diagnostic.js';

/** The catalog as it was before its fixes, and the fixes applied to it (in order). */
export interface AppliedFixes {
  original: Catalog;
  applied: readonly CellFix[];
}

/**
 * The largest text the proof reads, in bytes of UTF-8. Its whole-document parses take 400 to
 * 450 MB of memory per MB of markdown table (`npm run bench:format-memory`: 1.3 GB for a 3 MB,
 * 5,000-row catalog); past this size a run would near Node's default heap and crash for want
 * of memory, so the writer refuses before it starts.
 */
export const MAX_PROVEN_BYTES = 4_000_000;

/**
 * The most table rows the proof reads. Each row costs memory of its own in the syntax trees,
 * whatever its length, so a file of many short rows stays under the byte limit and still nears
 * the heap: the rows are bounded too.
 */
export const MAX_PROVEN_ROWS = 50_000;

/** Why a text is too large to prove (and so to write), or null. */
export function proofSizeProblem(input: Catalog, output: string): string | null {
  const bytes = Math.max(Buffer.byteLength(input.source), Buffer.byteLength(output));
  const megabytes = (count: number) => `${(count / 1_000_000).toFixed(1)} MB`;
  if (bytes > MAX_PROVEN_BYTES) {
    return `the file is ${megabytes(bytes)} and format proves at most ${megabytes(MAX_PROVEN_BYTES)} (the proof parses the whole file twice, about 450 MB of memory per MB): split the list into several files`;
  }
  const rows = input.tables.reduce((sum, table) => sum + table.rows.length, 0);
  if (rows > MAX_PROVEN_ROWS) {
    return `its tables hold ${rows.toLocaleString('en')} rows and format proves at most ${MAX_PROVEN_ROWS.toLocaleString('en')} (the proof parses the whole file twice): split the list into several files`;
  }
  return null;
}

/**
 * Checks a formatted text before it is written, by reading the input (after its fixes)
 * and the output with remark parsing the whole document, table bodies included:
 * - every byte outside the tables (and outside the generated table of contents) is the same;
 * - every table has the same header, alignment and multiset of rows (short rows padded);
 * - formatting the output again changes nothing;
 * - with `fixes`, a fix that names its URLs changed nothing else in its cell (`proveUrlFixes`).
 * Returns the problems found; an empty list is the proof.
 */
export function proveFormat(input: Catalog, output: string, config: CatalogConfig, fixes?: AppliedFixes): string[] {
  // Both sides are read exactly, so that the proof never rests on the reader's shortcut.
  const before = readCatalog({ file: input.file, source: input.source, config, exact: true });
  const after = readCatalog({ file: input.file, source: output, config, exact: true });
  const problems: string[] = [];
  if (fixes?.applied.some((fix) => fix.urls)) {
    // The comparisons below start from the text with its fixes applied: each fix is checked here, against the text it fixed.
    const original = readCatalog({ file: input.file, source: fixes.original.source, config, exact: true });
    problems.push(...proveUrlFixes(original, before, fixes.applied));
  }
  if (outsideTables(before) !== outsideTables(after)) problems.push('text outside the tables would change');
  if (after.tables.length !== before.tables.length) {
    problems.push(`the output reads as ${after.tables.length} tables instead of ${before.tables.length}`);
  } else {
    before.tables.forEach((table, index) => problems.push(...compareTables(table, after.tables[index]!)));
  }
  if (problems.length === 0 && formatSource(before.file, output, config, { catalog: after }).output !== output) {
    problems.push('formatting the output again would change it (not idempotent)');
  }
  return problems;
}

/** The source with every table and the generated contents cut out. */
function outsideTables(catalog: Catalog): string {
  const cuts = catalog.tables.map((table) => [table.header.range.start.offset, table.range.end.offset] as const);
  const toc = tableOfContents(catalog);
  if (toc) cuts.push([toc.start, toc.end]);
  cuts.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let last = 0;
  for (const [start, end] of cuts) {
    pieces.push(catalog.source.slice(last, start), '\u0000');
    last = end;
  }
  pieces.push(catalog.source.slice(last));
  return pieces.join('');
}

function compareTables(before: Table, after: Table): string[] {
  const where = `table at line ${before.header.line}`;
  const width = before.header.cells.length;
  const problems: string[] = [];
  if (rowKey(before.header, width) !== rowKey(after.header, width)) problems.push(`${where}: the header would change`);
  if (before.delimiter.align.join() !== after.delimiter.align.join()) problems.push(`${where}: the column alignment would change`);
  const rowsBefore = before.rows.map((row) => rowKey(row, width)).sort();
  const rowsAfter = after.rows.map((row) => rowKey(row, width)).sort();
  if (rowsBefore.length !== rowsAfter.length) {
    problems.push(`${where}: ${rowsBefore.length} rows would become ${rowsAfter.length}`);
  } else if (rowsBefore.some((row, index) => row !== rowsAfter[index])) {
    problems.push(`${where}: a row's cells would change`);
  }
  return problems;
}

function rowKey(row: Row, width: number): string {
  return paddedCells(row, width).join('\u0000');
}
