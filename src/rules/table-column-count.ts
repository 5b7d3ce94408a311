import type { Row, Table } from '../catalog/model.js';
import { hasOnlyEmptyExtraCells } from '../catalog/padded-cells.js';
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
  if (actual < expected) return [missingCells(table, row, counts)];
  return [hasOnlyEmptyExtraCells(row, expected) ? emptyExtraCells(row, expected) : extraCells(row, expected, counts)];
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
  const moved = row.original.cells[repair.column];
  const fullWidth = row.original.cells.length === expected;
  const before = moved ? ` before ${quoted(moved.source)}` : '';
  const shifted = `the ${column} cell is missing${before}, so the cells after it sit one column left${fullWidth ? ' and the last cell is empty' : ''}; the rest of the row is checked as if it were there`;
  return {
    range: emptyRange(repair.at),
    message: fullWidth ? `${shifted.charAt(0).toUpperCase()}${shifted.slice(1)}` : `${counts}: ${shifted}`,
    hint: `Add the missing cell${before} by hand (an empty one, \`| |\`, where the column is optional)${fullWidth ? ', and remove the empty last cell' : ''}; \`npm run format-catalog\` leaves this table alone until then`,
  };
}

// A message quotes at most this much of a cell: it names the place, it does not repeat the row.
const QUOTED_LENGTH = 60;

function quoted(source: string): string {
  const characters = [...source];
  return `"${characters.length <= QUOTED_LENGTH ? source : `${characters.slice(0, QUOTED_LENGTH - 1).join('')}…`}"`;
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

/** Empty cells beyond the header: GFM drops them and nothing is lost, so `format` drops them too (a named fix). */
export function emptyExtraCells(row: Row, expected: number): Finding {
  const extra = row.cells.slice(expected);
  const count = extra.length === 1 ? 'an empty cell' : `${extra.length} empty cells`;
  return {
    range: { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end },
    message: `${countsOf(row.cells.length, expected)}: the row ends in ${count} beyond the header, which GFM drops`,
    hint: 'Remove the extra `| |`, or run `npm run format-catalog` to drop it',
  };
}

function extraCells(row: Row, expected: number, counts: string): Finding {
  const extra = row.cells.slice(expected);
  const first = extra[0]!;
  const last = extra[extra.length - 1]!;
  return {
    range: { start: first.range.start, end: last.range.end },
    message: `${counts}: GFM drops the extra ${extra.length === 1 ? 'cell' : 'cells'} ${extra.map((cell) => quoted(cell.source)).join(', ')} without a word`,
    hint: 'Remove the extra cell or merge it into its neighbour; write a literal pipe inside a cell as `\\|`. `npm run format-catalog` leaves this table alone until then',
  };
}
