import { DEFAULT_HEDGES, parseConfig } from '../catalog/load-config.js';
import type { Catalog, Cell, Row, Table } from '../catalog/model.js';
import { isBlank } from '../rules/columns.js';
import { normalizedKey } from '../rules/entries.js';
import { isAlignedTable } from '../catalog/table-layout.js';
import { hedgeFinder } from '../rules/no-hedge.js';
import { canonicalUrl } from '../rules/url-identity.js';
import { yearAfterPreprint } from '../rules/year-matches-paper.js';
import { inferColumn } from './column-type.js';
import type { RawColumn, RawConfig, RawTable } from './raw-config.js';
import { inferSortBy } from './sort-order.js';

/** One schema and the tables it was inferred from. */
export interface InferredSchema {
  schema: RawTable;
  tables: Table[];
  /** Some keys repeat in several tables (an entry listed under two headings): the schema gets `crossListing`. */
  repeatedKey: { key: string; lines: number[] } | null;
  /** A row whose Year is later than its arXiv preprint's: the list gives the venue's year, not the first version's. */
  venueYear: { line: number; year: number; preprintYear: number } | null;
  /** Non-key link columns whose links the list already repeats across rows (a licence page, a shared repository): set `sharedLinks`. */
  sharedLinks: SharedLink[];
  /** Tables not yet in the inferred sort order (`sorted` reports their rows). */
  unsorted: Table[];
  /** The first text cell that already holds one of no-hedge's phrases: the list uses them as words. */
  hedge: { line: number; column: string; phrase: string } | null;
}

/** The first link a column repeats: its URL as written and the lines of the two rows. */
export interface SharedLink {
  column: string;
  url: string;
  lines: [number, number];
}

export interface Inference {
  config: RawConfig;
  /** How many of the tables with rows are written in the aligned style: more than half make the list's style aligned. */
  alignedTables: { aligned: number; tables: number };
  schemas: InferredSchema[];
  /** Tables no schema was inferred for, and why. */
  skipped: { table: Table; reason: string }[];
}

/**
 * A starting config for a list: one schema per distinct header, inferred from the tables'
 * cells. Tables with no rows, or with an empty or repeated column name, get none.
 */
export function inferConfig(catalog: Catalog): Inference {
  const skipped: Inference['skipped'] = [];
  const groups = new Map<string, Table[]>();
  for (const table of catalog.tables) {
    const names = headerNames(table);
    const reason =
      table.rows.length === 0 ? 'it has no rows'
      : names.includes('') ? 'a column has no name'
      : new Set(names.map((name) => name.toLowerCase())).size < names.length ? 'two columns have the same name'
      : null;
    if (reason) {
      skipped.push({ table, reason });
      continue;
    }
    const key = names.join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), table]);
  }
  const schemas = [...groups.values()].map((tables) => inferSchema(tables, groups.size > 1));
  const rules: RawConfig['rules'] = {};
  // year-matches-paper holds a list to the first-version convention; one that dates entries by venue keeps its own.
  if (schemas.some((schema) => schema.venueYear)) rules['year-matches-paper'] = 'off';
  // A list whose text already holds "TODO" or "?" (an app's name, a question as a title) would draw no-hedge on rows it means.
  if (schemas.some((schema) => schema.hedge)) rules['no-hedge'] = 'off';
  const withRows = catalog.tables.filter((table) => table.rows.length > 0);
  const aligned = withRows.filter((table) => isAlignedTable(catalog, table)).length;
  // The list's own table style, so that format changes only what is out of it.
  const style = aligned > withRows.length / 2 ? 'aligned' : 'compact';
  return { config: { style, tables: schemas.map((inferred) => inferred.schema), rules }, alignedTables: { aligned, tables: withRows.length }, schemas, skipped };
}

function headerNames(table: Table): string[] {
  return table.header.cells.map((cell) => cell.text.trim());
}

function inferSchema(tables: Table[], named: boolean): InferredSchema {
  const names = headerNames(tables[0]!);
  const rows = tables.flatMap((table) => table.rows);
  const cellsOf = (index: number) => rows.map((row) => row.cells[index]);
  const columns = names.map((name, index) => {
    const cells = cellsOf(index);
    const filled = cells.filter((cell): cell is Cell => !isBlank(cell));
    return inferColumn(name, filled, filled.length === cells.length);
  });
  // An entry is named by text or a link, not by its year or a category.
  const keyIndex = inferKeyIndex(tables, columns.map((column) => column.type !== 'year' && column.type !== 'enumeration'));
  const headings = [...new Set(tables.map((table) => table.section.heading))];
  const schema: RawTable = {
    name: tables[0]!.section.heading || `table on line ${tables[0]!.header.line}`,
    // With several schemas each names the headings of its tables; alone, it describes any table with its key column.
    headings: named ? headings : [],
    key: names[keyIndex]!,
    sortBy: [],
    columns,
  };
  const sharedLinks = columns.flatMap((column, index) => {
    if (index === keyIndex || (column.type !== 'link' && column.type !== 'links')) return [];
    const shared = repeatedLink(rows, index);
    if (!shared) return [];
    column.sharedLinks = true;
    return [{ column: column.name, ...shared }];
  });
  const { sortBy, unsorted } = inferSortBy(tables, parseConfig({ tables: [schema] }, null).tables[0]!);
  schema.sortBy = sortBy;
  // A list that files an entry under several headings means it; duplicate-entry stays on for repeats within a table.
  const repeated = repeatedKey(tables, keyIndex);
  if (repeated) schema.crossListing = true;
  return { schema, tables, repeatedKey: repeated, venueYear: venueYear(rows, columns), sharedLinks, unsorted, hedge: firstHedge(rows, columns) };
}

/** The first text cell, row by row, that no-hedge would report with its default phrases. */
function firstHedge(rows: Row[], columns: RawColumn[]): InferredSchema['hedge'] {
  const hedgeOf = hedgeFinder(DEFAULT_HEDGES);
  for (const row of rows) {
    for (const [index, column] of columns.entries()) {
      const phrase = column.type === 'text' ? hedgeOf(row.cells[index]?.text ?? '') : undefined;
      if (phrase) return { line: row.line, column: column.name, phrase };
    }
  }
  return null;
}

/** The first link of the column that two rows share, as duplicate-entry would compare them. */
function repeatedLink(rows: Row[], index: number): Omit<SharedLink, 'column'> | null {
  const firstRow = new Map<string, Row>();
  for (const row of rows) {
    for (const link of row.cells[index]?.links ?? []) {
      const identity = canonicalUrl(link.url);
      const first = firstRow.get(identity);
      if (first && first !== row) return { url: link.url, lines: [first.line, row.line] };
      firstRow.set(identity, first ?? row);
    }
  }
  return null;
}

/** The first row dated later than an arXiv preprint it links to. */
function venueYear(rows: Row[], columns: RawColumn[]): InferredSchema['venueYear'] {
  const yearIndex = columns.findIndex((column) => column.type === 'year');
  if (yearIndex < 0) return null;
  for (const row of rows) {
    const later = yearAfterPreprint(row.cells[yearIndex], row.cells.flatMap((cell) => cell.links));
    if (later) return { line: row.line, year: later.year, preprintYear: later.preprint.year };
  }
  return null;
}

/**
 * The key: the first candidate column filled in every row whose values are unique within each table (an
 * entry may be listed again under another heading); in a long list (50 rows or more) 2% of
 * repeats are allowed, as slips for `lint` to report. Else the first column.
 */
function inferKeyIndex(tables: Table[], candidates: boolean[]): number {
  const rowCount = tables.reduce((sum, table) => sum + table.rows.length, 0);
  const allowed = rowCount >= 50 ? Math.floor(rowCount * 0.02) : 0;
  for (let index = 0; index < candidates.length; index++) {
    if (!candidates[index]) continue;
    let repeats = 0;
    let blank = false;
    for (const table of tables) {
      const seen = new Set<string>();
      for (const row of table.rows) {
        const cell = row.cells[index];
        if (isBlank(cell)) blank = true;
        const key = normalizedKey(cell?.text ?? '');
        if (seen.has(key)) repeats++;
        seen.add(key);
      }
    }
    if (!blank && repeats <= allowed) return index;
  }
  return 0;
}

/** The first key that appears in two of the tables, with the lines of its rows. */
function repeatedKey(tables: Table[], keyIndex: number): InferredSchema['repeatedKey'] {
  const linesOf = new Map<string, { key: string; lines: number[]; tables: Set<Table> }>();
  for (const table of tables) {
    for (const row of table.rows) {
      const text = row.cells[keyIndex]?.text.trim() ?? '';
      if (text === '') continue;
      const entry = linesOf.get(normalizedKey(text)) ?? { key: text, lines: [], tables: new Set<Table>() };
      entry.lines.push(row.line);
      entry.tables.add(table);
      linesOf.set(normalizedKey(text), entry);
    }
  }
  const repeated = [...linesOf.values()].find((entry) => entry.tables.size > 1);
  return repeated ? { key: repeated.key, lines: repeated.lines } : null;
}
