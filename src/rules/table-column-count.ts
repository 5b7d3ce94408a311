import type { Row, Table } from '../catalog/model.js';
import { defineStructureRule, type Finding } from './define.js';
import { emptyRange } from './positions.js';

/**
 * Rows with fewer cells than the header render padded with empty cells; rows with more
 * lose the extra cells silently (remark-gfm drops them), so both are reported.
 * The delimiter row needs no check here: GFM reads lines whose delimiter row has another
 * cell count than the header as a paragraph, not a table.
 */
export const tableColumnCount = defineStructureRule(
  {
    id: 'table-column-count',
    severity: 'error',
    description: 'Every row has as many cells as the header',
    fixable: false,
  },
  (table) => table.rows.flatMap((row) => checkRow(table, row)),
);

function checkRow(table: Table, row: Row): Finding[] {
  const expected = table.header.cells.length;
  const actual = row.cells.length;
  if (actual === expected) return [];
  const counts = `Row has ${actual} ${actual === 1 ? 'cell' : 'cells'}, expected ${expected} (the header has ${expected})`;
  return actual < expected ? [missingCells(table, row, counts)] : [extraCells(row, expected, counts)];
}

function missingCells(table: Table, row: Row, counts: string): Finding {
  const names = table.header.cells.slice(row.cells.length).map((cell) => `"${cell.text.trim() || `column ${cell.index + 1}`}"`);
  const what = names.length === 1 ? `the ${names[0]} cell is missing` : `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} cells are missing`;
  return {
    range: emptyRange(row.range.end),
    message: `${counts}: ${what}`,
    hint: `Add the missing ${names.length === 1 ? 'cell' : 'cells'} (empty is fine where a column is optional), or run \`npm run format-catalog\` to pad the row`,
  };
}

function extraCells(row: Row, expected: number, counts: string): Finding {
  const extra = row.cells.slice(expected);
  const first = extra[0]!;
  const last = extra[extra.length - 1]!;
  const quoted = extra.map((cell) => `"${cell.source}"`).join(', ');
  return {
    range: { start: first.range.start, end: last.range.end },
    message: `${counts}: GFM drops the extra ${extra.length === 1 ? 'cell' : 'cells'} ${quoted} without a word`,
    hint: 'Remove the extra cell or merge it into its neighbour; write a literal pipe inside a cell as `\\|`. `npm run format-catalog` leaves this table alone until then',
  };
}
