import { isBlank, presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';
import { listValues } from './list-values.js';
import { rangeInCell } from './positions.js';
import { matchVocabulary } from './vocabulary.js';

/**
 * One finding per variant value; its fix rewrites only that value, so each fix stands on its
 * own (a cell with two variants gets two fixes, applied one after the other).
 */
export const canonicalVocabulary = defineSchemaRule(
  {
    id: 'canonical-vocabulary',
    severity: 'error',
    description: 'Enumeration values use their canonical spelling',
    fixable: true,
  },
  (table) =>
    presentColumns(table)
      .filter(({ column }) => column.type === 'enumeration')
      .flatMap(({ column, index }) =>
        table.rows.flatMap((row, rowIndex) => {
          const cell = row.cells[index];
          if (cell === undefined || isBlank(cell)) return [];
          return listValues(cell.source, column.multiple).flatMap(({ value, start, end }): Finding[] => {
            const match = matchVocabulary(column, value);
            if (match.kind !== 'variant') return [];
            return [
              {
                range: rangeInCell(cell, start, end),
                message: `Unexpected "${value}", expected "${match.canonical}"`,
                hint: `Write "${match.canonical}", or run \`npm run format-catalog\` to rewrite it`,
                fix: {
                  table: table.index,
                  row: rowIndex,
                  column: index,
                  replacement: cell.source.slice(0, start) + match.canonical + cell.source.slice(end),
                },
              },
            ];
          });
        }),
      ),
);
