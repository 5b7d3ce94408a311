import type { TableSchema } from '../catalog/config.js';
import type { Table } from '../catalog/model.js';
import { sortedOrder } from '../catalog/sort.js';

/**
 * The column the tables are already sorted by (the key first, then the others in order), as
 * `catalog format` sorts, or none: rows keep their order. A column counts only where it
 * orders something: a table with at least five different values in it (fewer are in order by chance).
 */
const ORDERING_VALUES = 5;

export function inferSortBy(tables: readonly Table[], schema: TableSchema): string[] {
  const names = [schema.key, ...schema.columns.map((column) => column.name).filter((name) => name !== schema.key)];
  const sortedBy = names.find((name) => {
    const sorted = { ...schema, sortBy: [name] };
    const index = tables[0]!.header.cells.findIndex((cell) => cell.text.trim() === name);
    const orders = tables.some((table) => new Set(table.rows.map((row) => row.cells[index]?.text.trim() ?? '')).size >= ORDERING_VALUES);
    return orders && tables.every((table) => sortedOrder({ ...table, schema: sorted }).every((rowIndex, position) => rowIndex === position));
  });
  return sortedBy === undefined ? [] : [sortedBy];
}
