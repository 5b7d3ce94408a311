import { isBlank, presentColumns } from './columns.js';
import { defineSchemaRule } from './define.js';

/** A missing cell (a short row) is left to `table-column-count`, which names it. */
export const requiredCell = defineSchemaRule(
  {
    id: 'required-cell',
    severity: 'error',
    description: 'Cells of required columns are not empty',
    fixable: false,
  },
  (table) =>
    presentColumns(table)
      .filter(({ column }) => column.required)
      .flatMap(({ column, index }) =>
        table.rows.flatMap((row) => {
          const cell = row.cells[index];
          if (cell === undefined || !isBlank(cell)) return [];
          return [
            {
              range: cell.range,
              message: `The "${column.name}" cell is empty, and the column is required`,
              hint: `Fill in the ${column.name.toLowerCase()}, or make the column optional in the schema ("required": false)`,
            },
          ];
        }),
      ),
);
