import type { TableSchema } from '../catalog/config.js';
import type { Table } from '../catalog/model.js';
import { sortedOrder } from '../catalog/sort.js';

/**
 * A column counts only where it orders something: a table with at least five different values
 * in it (fewer are in order by chance).
 */
const ORDERING_VALUES = 5;

/** At least four tables in five that a column orders must be sorted by it already: the others are slips for `lint` to report. */
const mostlySorted = (sorted: number, all: number) => sorted * 5 >= all * 4;

/** The inferred order: the column, and the tables it orders that are not in that order yet. */
export interface InferredSort {
  sortBy: string[];
  unsorted: Table[];
}

/**
 * The column the tables are already sorted by (the key first, then the others in order), as
 * `catalog format` sorts, or none: rows keep their order. Four tables in five sorted by it are
 * enough; the others are listed.
 */
export function inferSortBy(tables: readonly Table[], schema: TableSchema): InferredSort {
  const names = [schema.key, ...schema.columns.map((column) => column.name).filter((name) => name !== schema.key)];
  for (const name of names) {
    const sorted = { ...schema, sortBy: [name] };
    const index = tables[0]!.header.cells.findIndex((cell) => cell.text.trim() === name);
    const ordering = tables.filter((table) => new Set(table.rows.map((row) => row.cells[index]?.text.trim() ?? '')).size >= ORDERING_VALUES);
    if (ordering.length === 0) continue;
    const unsorted = tables.filter((table) => !sortedOrder({ ...table, schema: sorted }).every((rowIndex, position) => rowIndex === position));
    const unsortedOrdering = unsorted.filter((table) => ordering.includes(table)).length;
    if (mostlySorted(ordering.length - unsortedOrdering, ordering.length) && mostlySorted(tables.length - unsorted.length, tables.length)) {
      return { sortBy: [name], unsorted };
    }
  }
  return { sortBy: [], unsorted: [] };
}
