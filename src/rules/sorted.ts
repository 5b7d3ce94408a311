import { sortedOrder } from '../format/sort.js';
import { columnIndex, rowLabel } from './columns.js';
import { defineSchemaRule } from './define.js';

/** Fixable without a cell fix: `catalog format` always sorts. One finding per table, at the first row out of place. */
export const sorted = defineSchemaRule(
  {
    id: 'sorted',
    severity: 'error',
    description: "Rows are in the schema's sort order",
    fixable: true,
  },
  (table) => {
    const order = sortedOrder(table);
    const position = order.findIndex((rowIndex, index) => rowIndex !== index);
    if (position < 0) return [];
    const row = table.rows[position]!;
    const before = table.rows[order[position]!]!;
    const sortColumns = table.schema.sortBy.filter((name) => columnIndex(table, name) >= 0);
    return [
      {
        range: row.range,
        message: `Rows are not sorted by ${sortColumns.join(', ')}: ${rowLabel(table, before)} (line ${before.line}) should come before ${rowLabel(table, row)}`,
        hint: 'Run `npm run format-catalog` to sort the table, or move the row by hand',
      },
    ];
  },
);
