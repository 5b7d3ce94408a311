import type { ColumnSchema } from '../catalog/config.js';
import type { Catalog, Cell, Point, Row, Table } from '../catalog/model.js';
import { checkCell } from './cell-type.js';
import { columnProfile, type CellCost } from './column-profile.js';
import { columnIndex, isBlank } from './columns.js';
import { emptyRange } from './positions.js';

/**
 * A row whose cell count is off by one in a way one slip explains: a literal pipe that split
 * a cell (merging two neighbours gives the header's count), or a missing cell that shifted the
 * values after it one column left. The rules see the row as it would be once fixed, so one
 * round of lint shows every other problem of the row; `table-column-count` names the slip.
 */
export type RowRepair =
  | { kind: 'literal-pipe'; pipe: Point; alsoPossible: Point[]; column: number }
  | { kind: 'missing-cell'; column: number; at: Point };

export interface RepairedRow extends Row {
  repair: RowRepair;
  /** The row as GFM splits it. */
  original: Row;
}

/** A repair that leaves more type errors in the row than this is no explanation. */
const MOST_OTHER_ERRORS = 1;

export const isRepaired = (row: Row): row is RepairedRow => 'repair' in row;

/**
 * The catalog with each row that one slip explains replaced by its repaired form (the same
 * catalog when there is none). Without a schema only a pipe that is written unlike the
 * others (in a code span, or without blanks around it) is taken for a literal one.
 */
export function withRepairedRows(catalog: Catalog): Catalog {
  let changed = false;
  // The profile of a schema's columns, made once and only for a schema with a row to look at.
  const profiles = new Map<object, CellCost>();
  const profileOf = (table: Table) => {
    const schema = table.schema!;
    if (!profiles.has(schema)) profiles.set(schema, columnProfile(catalog.tables.filter((other) => other.schema === schema)));
    return profiles.get(schema)!;
  };
  const tables = catalog.tables.map((table) => {
    const width = table.header.cells.length;
    if (!table.schema && table.rows.every((row) => row.cells.length === width)) return table;
    const rows = table.rows.map((row) => {
      const repaired = row.cells.length === width + 1 ? literalPipe(catalog, table, row) : missingCell(table, row, profileOf);
      if (repaired) changed = true;
      return repaired ?? row;
    });
    return { ...table, rows };
  });
  return changed ? { ...catalog, tables } : catalog;
}

/** How well cells fit the schema's columns: type errors (fewer is better), then typed cells that fit (more is better). */
function fit(table: Table, cells: (Cell | undefined)[]): { errors: number; matches: number } {
  let errors = 0;
  let matches = 0;
  for (const column of table.schema?.columns ?? []) {
    const index = columnIndex(table, column.name);
    const cell = index < 0 ? undefined : cells[index];
    if (cell === undefined || isBlank(cell) || column.type === 'text') continue;
    if (problems(column, cell) > 0) errors++;
    else matches++;
  }
  return { errors, matches };
}

const problems = (column: ColumnSchema, cell: Cell) => checkCell(column, cell).length;

/** Whether a year or closed enumeration cell does not fit its column (the checks that need no parse of the cell). */
function misfitsCheaply(table: Table, cells: Cell[]): boolean {
  return (table.schema?.columns ?? []).some((column) => {
    if (column.type !== 'year' && !(column.type === 'enumeration' && column.closed)) return false;
    const index = columnIndex(table, column.name);
    const cell = index < 0 ? undefined : cells[index];
    return cell !== undefined && !isBlank(cell) && problems(column, cell) > 0;
  });
}

function literalPipe(catalog: Catalog, table: Table, row: Row): RepairedRow | null {
  const candidates = row.cells.slice(0, -1).map((cell, index) => {
    const next = row.cells[index + 1]!;
    const pipeOffset = cell.range.end.offset + catalog.source.slice(cell.range.end.offset, next.range.start.offset).indexOf('|');
    const cells = [...row.cells.slice(0, index), merged(catalog, cell, next), ...row.cells.slice(index + 2).map((later) => ({ ...later, index: later.index - 1 }))];
    const written = catalog.source.slice(pipeOffset - 1, pipeOffset + 2);
    return { index, pipeOffset, cells, unlikeOthers: written !== ' | ', ...fit(table, cells) };
  });
  // A slip may come with one more mistake in the row (a wrong year, say): it is then reported as such.
  // It must also fit better than the row as GFM shows it, without its last cell (an extra cell, not a split one).
  const fewestErrors = Math.min(...candidates.map((candidate) => candidate.errors));
  const explains = fewestErrors <= MOST_OTHER_ERRORS && fewestErrors < fit(table, row.cells.slice(0, -1)).errors;
  const plausible = table.schema
    ? candidates.filter((candidate) => candidate.errors === fewestErrors && explains)
    : candidates.filter((candidate) => candidate.unlikeOthers);
  if (plausible.length === 0 || (!table.schema && plausible.length > 1)) return null;
  // Typed cells that fit count most, then a pipe written unlike the separators, then a cell other than the key (names seldom hold a pipe).
  const keyIndex = table.schema ? columnIndex(table, table.schema.key) : -1;
  const score = (candidate: (typeof plausible)[number]) => candidate.matches * 4 + Number(candidate.unlikeOthers) * 2 + Number(candidate.index !== keyIndex);
  const best = Math.max(...plausible.map(score));
  const [chosen, ...others] = plausible.filter((candidate) => score(candidate) === best);
  return {
    ...row,
    cells: chosen!.cells,
    original: row,
    repair: { kind: 'literal-pipe', pipe: catalog.pointAt(chosen!.pipeOffset), alsoPossible: others.map((other) => catalog.pointAt(other.pipeOffset)), column: chosen!.index },
  };
}

/**
 * A row one cell short, or of full width but ending in an empty cell, whose values fit their
 * columns better once an empty cell is put back somewhere (and the trailing one dropped). Of the
 * places the cell may be missing from, the one whose reading leaves the fewest type errors
 * wins, then the likeliest by the columns' profile: required columns filled, each cell of the
 * length and kind its column usually holds. A short row is read as GFM pads it (the cell
 * missing at the end) unless another reading is clearly better.
 */
function missingCell(table: Table, row: Row, profileOf: (table: Table) => CellCost): RepairedRow | null {
  const width = table.header.cells.length;
  const fullWidth = row.cells.length === width;
  if (!table.schema || !(row.cells.length === width - 1 || (fullWidth && isBlank(row.cells[width - 1])))) return null;
  // Most full rows end in an empty optional cell: only those whose years or known values are off
  // (cheap to tell, unlike links) are worth the full check.
  if (fullWidth && !misfitsCheaply(table, row.cells)) return null;
  const kept = fullWidth ? row.cells.slice(0, -1) : row.cells;
  const cost = profileOf(table);
  const readings = Array.from({ length: kept.length + 1 }, (_, column) => {
    const at = column < kept.length ? kept[column]!.range.start : row.range.end;
    const empty: Cell = { index: column, source: '', range: emptyRange(at), text: '', links: [], nodes: [] };
    const cells = [...kept.slice(0, column), empty, ...kept.slice(column).map((later) => ({ ...later, index: later.index + 1 }))];
    return { column, cells, errors: fit(table, cells).errors, cost: readingCost(table, cells, cost) };
  });
  // The last reading is the row as GFM shows it, padded at the end.
  const asIs = readings[kept.length]!;
  const best = readings.reduce((chosen, reading) => (reading.errors < chosen.errors || (reading.errors === chosen.errors && reading.cost < chosen.cost) ? reading : chosen));
  if (best === asIs || best.errors > MOST_OTHER_ERRORS) return null;
  const clearlyBetter = fullWidth ? asIs.errors >= 2 && best.errors < asIs.errors : best.errors < asIs.errors || best.cost + CLEARLY_LIKELIER < asIs.cost;
  if (!clearlyBetter) return null;
  return { ...row, cells: best.cells, original: row, repair: { kind: 'missing-cell', column: best.column, at: best.cells[best.column]!.range.start } };
}

/** How much less likely (in nats) the row as GFM pads it must be before another reading is taken. */
const CLEARLY_LIKELIER = 4;

/** A required column left blank costs this much on top of its profile: such a reading is the last resort. */
const REQUIRED_BLANK = 3;

function readingCost(table: Table, cells: Cell[], cost: CellCost): number {
  const required = new Set((table.schema?.columns ?? []).filter((column) => column.required).map((column) => column.name.toLowerCase()));
  return table.header.cells.reduce((sum, header, index) => {
    const name = header.text.trim().toLowerCase();
    const cell = cells[index];
    return sum + cost(name, cell) + (required.has(name) && isBlank(cell) ? REQUIRED_BLANK : 0);
  }, 0);
}

/** Two neighbouring cells read as one, the pipe between them part of its text. */
function merged(catalog: Catalog, first: Cell, second: Cell): Cell {
  const between = catalog.source.slice(first.range.end.offset, second.range.start.offset);
  return {
    index: first.index,
    source: catalog.source.slice(first.range.start.offset, second.range.end.offset),
    range: { start: first.range.start, end: second.range.end },
    text: `${first.text}${between}${second.text}`,
    links: [...first.links, ...second.links],
    get nodes() {
      return [...first.nodes, ...second.nodes];
    },
  };
}
