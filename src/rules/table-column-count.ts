import type { Row, Table } from '../catalog/model.js';
import { defineStructureRule, type Finding } from './define.js';
import { emptyRange } from './positions.js';
import { isRepaired, type RepairedRow } from './row-repairs.js';

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
  if (isRepaired(row)) return [repairedRow(table, row, expected)];
  const actual = row.cells.length;
  if (actual === expected) return [];
  const counts = countsOf(actual, expected);
  return actual < expected ? [missingCells(table, row, counts)] : [extraCells(row, expected, counts)];
}

const countsOf = (actual: number, expected: number) => `Row has ${actual} ${actual === 1 ? 'cell' : 'cells'}, expected ${expected} (the header has ${expected})`;

const place = (point: { line: number; column: number }) => `${point.line}:${point.column}`;

/** A slip that explains the count: named, with the fix; the other rules checked the row as if it were fixed. */
function repairedRow(table: Table, row: RepairedRow, expected: number): Finding {
  const counts = countsOf(row.original.cells.length, expected);
  const { repair } = row;
  const column = `"${table.header.cells[repair.column]?.text.trim() || `column ${repair.column + 1}`}"`;
  if (repair.kind === 'literal-pipe') {
    const others = repair.alsoPossible.length === 0 ? '' : ` (or the one at ${repair.alsoPossible.map(place).join(', or ')})`;
    return {
      range: { start: repair.pipe, end: { ...repair.pipe, column: repair.pipe.column + 1, offset: repair.pipe.offset + 1 } },
      message: `${counts}: the pipe at ${place(repair.pipe)}${others} splits the ${column} cell in two; the rest of the row is checked as if it were escaped`,
      hint: 'Write a literal pipe inside a cell as `\\|`, or remove it',
    };
  }
  const moved = row.original.cells[repair.column]!;
  const fullWidth = row.original.cells.length === expected;
  const shifted = `the cells from "${moved.source}" on look shifted one column left${fullWidth ? ', with an empty cell at the end' : ''}: the ${column} cell is missing before "${moved.source}"; the rest of the row is checked as if it were there`;
  return {
    range: emptyRange(repair.at),
    message: fullWidth ? `${shifted.charAt(0).toUpperCase()}${shifted.slice(1)}` : `${counts}, and ${shifted}`,
    hint: `Add the missing cell before "${moved.source}" (an empty one, \`| |\`, where the column is optional)${fullWidth ? ', and remove the empty last cell' : ''}`,
  };
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
