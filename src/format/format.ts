import type { CatalogConfig } from '../catalog/config.js';
import type { CellFix, Diagnostic } from '../catalog/diagnostic.js';
import type { Catalog, Range, Table } from '../catalog/model.js';
import { readCatalog } from '../catalog/read.js';
import { rewriteIndent } from '../catalog/table-indent.js';
import { hasOnlyEmptyExtraCells } from '../catalog/padded-cells.js';
import { lintCatalog, rules } from '../rules/index.js';
import { isRepaired, withRepairedRows, type RepairedRow } from '../rules/row-repairs.js';
import { emptyExtraCells, tableColumnCount } from '../rules/table-column-count.js';
import { applyCellFixes } from './apply-fixes.js';
import { renderTable } from './render.js';
import { renderAlignedTable } from './render-aligned.js';
import { sortedOrder } from '../catalog/sort.js';
import { splice, type Edit } from './splice.js';
import { tableOfContents } from './toc.js';

/** A table the writer will not rewrite; its bytes stay exactly as they were. */
export interface RefusedTable {
  /** The first row that stops it. */
  range: Range;
  reason: string;
}

export interface FormatResult {
  /** The catalog the output was made from (after the fixes). */
  catalog: Catalog;
  output: string;
  refused: RefusedTable[];
  /** The fixes applied, as the diagnostics that carried them. */
  fixed: Diagnostic[];
  /** Hand-written lines between the table of contents markers, which the list replaces. */
  replacedByTableOfContents: number[];
  /** The replacements that made `output` out of `catalog.source`: the tables and the contents rewritten. */
  edits: Edit[];
}

export interface FormatOptions {
  /** Fixes from outside the lint rules (permanent redirects), each in the diagnostic that explains it. */
  extraFixes?: (catalog: Catalog) => Diagnostic[];
  /** The source already read, and its lint diagnostics, when the caller has them. */
  catalog?: Catalog;
  lintDiagnostics?: readonly Diagnostic[];
}

const fixableRules = new Set(rules.filter((rule) => rule.fixable).map((rule) => rule.id));

// A cell with two fixes (two misspelt values) takes one per pass; a pass that finds
// nothing to fix ends the loop, and the bound keeps a rule that keeps offering fixes from
// looping for ever (the proof's second pass would then refuse the write).
const MAX_FIX_PASSES = 10;

/**
 * Regenerates the tables of a markdown file (normalized cells, the schema's sort) and the
 * generated table of contents, and splices them into the untouched source. The fixes of
 * the fixable lint rules (vocabulary) and any extra ones (redirects) are applied first, as
 * named cell rewrites.
 */
export function formatSource(file: string, source: string, config: CatalogConfig, options: FormatOptions = {}): FormatResult {
  let catalog = options.catalog ?? readCatalog({ file, source, config });
  let lintDiagnostics = options.lintDiagnostics;
  // A table the writer refuses is left byte for byte: no fix is applied inside it either.
  const refusedTables = new Set(refusals(catalog).map((refusal) => refusal.table));
  const fixed: Diagnostic[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const candidates = [
      ...(lintDiagnostics ?? lintCatalog(catalog, config)).filter((diagnostic) => diagnostic.fix && fixableRules.has(diagnostic.ruleId)),
      ...(options.extraFixes?.(catalog) ?? []).filter((diagnostic) => diagnostic.fix),
    ].filter((diagnostic) => !refusedTables.has(diagnostic.fix!.table));
    lintDiagnostics = undefined;
    const result = applyCellFixes(catalog, candidates.map((diagnostic) => diagnostic.fix!));
    if (result.applied.length === 0) break;
    // Every finding whose fix was applied, including those that shared a cell's one rewrite.
    const sameFix = (a: CellFix, b: CellFix) => a.table === b.table && a.row === b.row && a.column === b.column && a.replacement === b.replacement;
    fixed.push(...candidates.filter((diagnostic) => result.applied.some((fix) => sameFix(fix, diagnostic.fix!))));
    catalog = readCatalog({ file, source: result.source, config });
  }
  const refused = refusals(catalog);
  const edits = tableEdits(catalog, new Set(refused.map((refusal) => refusal.table)), config);
  fixed.push(...droppedCells(catalog, edits.tables));
  const toc = tableOfContents(catalog);
  if (toc) edits.edits.push({ start: toc.start, end: toc.end, text: toc.text });
  return {
    catalog,
    output: splice(catalog.source, edits.edits),
    refused: refused.map(({ range, reason }) => ({ range, reason })),
    fixed,
    edits: edits.edits,
    replacedByTableOfContents: toc?.handWritten ?? [],
  };
}

/** The rows of the rewritten tables whose empty cells beyond the header were dropped, as the findings that name them. */
function droppedCells(catalog: Catalog, rewritten: readonly Table[]): Diagnostic[] {
  return rewritten.flatMap((table) =>
    table.rows
      .filter((row) => hasOnlyEmptyExtraCells(row, table.header.cells.length))
      .map((row): Diagnostic => ({ ruleId: tableColumnCount.id, severity: tableColumnCount.severity, file: catalog.file, ...emptyExtraCells(row, table.header.cells.length) })),
  );
}

function tableEdits(catalog: Catalog, refused: ReadonlySet<number>, config: CatalogConfig): { edits: Edit[]; tables: Table[] } {
  const edits: Edit[] = [];
  const tables: Table[] = [];
  for (const table of catalog.tables) {
    if (refused.has(table.index)) continue;
    const indent = rewriteIndent(catalog, table);
    if (indent === null) continue;
    tables.push(table);
    const eol = lineEnding(catalog.source, table.header.range.end.offset);
    const order = sortedOrder(table);
    const rendered = config.style === 'aligned' ? renderAlignedTable(catalog, table, order, indent) : renderTable(table, order, indent);
    edits.push(...keepingPipelessLines(table, rendered, eol));
  }
  return { edits, tables };
}

/**
 * The edits that write a table's rendered lines, one per run of lines between the lines without
 * a pipe: those stay byte for byte where they are (the sort leaves them in place), and only the
 * rows around them are rewritten.
 */
function keepingPipelessLines(table: Table, rendered: string[], eol: string): Edit[] {
  const sourceLines = [table.header, { range: table.delimiter.range, pipeless: undefined }, ...table.rows];
  const edits: Edit[] = [];
  let runStart = 0;
  sourceLines.forEach((line, index) => {
    const endsRun = index === sourceLines.length - 1 || sourceLines[index + 1]!.pipeless;
    if (line.pipeless) {
      runStart = index + 1;
    } else if (endsRun) {
      edits.push({ start: sourceLines[runStart]!.range.start.offset, end: line.range.end.offset, text: rendered.slice(runStart, index + 1).join(eol) });
    }
  });
  return edits;
}

// The reason names this many rows, and counts the rest: one line stays readable on a long list.
const ROWS_NAMED = 3;

/** The tables the writer must not rewrite, each with its index, first offending row and reason. */
function refusals(catalog: Catalog): (RefusedTable & { table: number })[] {
  // Only a schema tells a shifted row (generic tables are never read as missing a cell).
  const repaired = catalog.tables.some((table) => table.schema) ? withRepairedRows(catalog) : catalog;
  return catalog.tables.flatMap((table) => {
    const refusedTable = refusal(table, repaired.tables[table.index]!);
    return refusedTable ? [{ ...refusedTable, table: table.index }] : [];
  });
}

/**
 * Why a table must not be rewritten, at its first offending row, or null: a row with text in
 * cells beyond the header (GFM would drop it), or a row that lint reads as missing a cell
 * (padding it at the end would save its values under the wrong columns).
 */
function refusal(table: Table, repaired: Table): RefusedTable | null {
  const width = table.header.cells.length;
  const long = table.rows.filter((row) => row.cells.length > width && !hasOnlyEmptyExtraCells(row, width));
  if (long.length > 0) {
    const reason =
      `the header has ${width} cells but ${named(long, (row) => `line ${row.line} has ${row.cells.length} cells`)}; ` +
      `remark-gfm would drop the extra cells, so the table is left as it is (merge or remove the extra cells, or escape a literal pipe as \\|)`;
    return { range: long[0]!.range, reason };
  }
  const shifted = repaired.rows.filter((row): row is RepairedRow => isRepaired(row) && row.repair.kind === 'missing-cell');
  if (shifted.length === 0) return null;
  const reason =
    `${named(shifted, (row) => `line ${row.line} lacks its "${table.header.cells[row.repair.column]?.text.trim()}" cell`)}, so its later cells sit one column left; ` +
    `the table is left as it is, since padding the row would save its values under the wrong columns (add the missing cell by hand)`;
  return { range: shifted[0]!.original.range, reason };
}

/** The first rows, each described, and a count of the rest: one line stays readable on a long list. */
function named<T>(rows: readonly T[], describe: (row: T) => string): string {
  const names = rows.slice(0, ROWS_NAMED).map(describe);
  if (rows.length > ROWS_NAMED) names.push(`${rows.length - ROWS_NAMED} more ${rows.length - ROWS_NAMED === 1 ? 'row does' : 'rows do'}`);
  return names.join(', ');
}

function lineEnding(source: string, lineEnd: number): string {
  return source.startsWith('\r\n', lineEnd) ? '\r\n' : source[lineEnd] === '\r' ? '\r' : '\n';
}
