import { isBlank, presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';
import { listValues } from './list-values.js';
import { rangeInCell } from './positions.js';
import { matchVocabulary } from './vocabulary.js';

/**
 * One finding per variant value, each at the value's own place; every finding of a cell
 * carries the same fix, the cell with all its variants rewritten, so one pass of the
 * formatter fixes the whole cell.
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
          const variants = listValues(cell.source, column.multiple).flatMap(({ value, start, end }) => {
            const match = matchVocabulary(column, value);
            return match.kind === 'variant' ? [{ value, start, end, canonical: match.canonical }] : [];
          });
          let replacement = cell.source;
          for (const { start, end, canonical } of [...variants].reverse()) {
            replacement = replacement.slice(0, start) + canonical + replacement.slice(end);
          }
          return variants.map(
            ({ value, start, end, canonical }): Finding => ({
              range: rangeInCell(cell, start, end),
              message: `Unexpected "${value}", expected "${canonical}"`,
              hint: `Write "${canonical}", or run \`npm run format-catalog\` to rewrite it`,
              fix: { table: table.index, row: rowIndex, column: index, replacement },
            }),
          );
        }),
      ),
);
