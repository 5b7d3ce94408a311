import type { Row } from '../catalog/model.js';
import { sortedOrder } from '../catalog/sort.js';
import { rewriteIndent } from '../catalog/table-indent.js';
import { columnIndex, rowLabel } from './columns.js';
import { defineSchemaRule, type Finding, type SchemaTable } from './define.js';

// Past this many rows to move, one finding stands for the table (a table sorted by another key, say).
const MOST_REPORTED = 10;

/**
 * Fixable without a cell fix: `catalog format` always sorts. Reported on the rows that are out
 * of place, not on their innocent neighbours: the rows outside the longest run that is already
 * in order. Among runs as long, the one that keeps the rows the diff did not add (with
 * `--changed-since`), then the earlier rows, so a row added out of place is the one reported.
 */
export const sorted = defineSchemaRule(
  {
    id: 'sorted',
    severity: 'error',
    description: "Rows are in the schema's sort order",
    fixable: true,
  },
  (table, catalog, _config, context) => {
    const order = sortedOrder(table);
    if (order.every((rowIndex, position) => rowIndex === position)) return [];
    const rank: number[] = [];
    order.forEach((rowIndex, position) => (rank[rowIndex] = position));
    const kept = rowsInOrder(rank, (rowIndex) => context.addedLines?.has(table.rows[rowIndex]!.line) ?? false);
    // A line without a pipe stays in place (pipeless-row reports it): it is neither moved nor a row to place another by.
    table.rows.forEach((row, index) => row.pipeless && kept.delete(index));
    const moved = table.rows.map((_, index) => index).filter((index) => !kept.has(index) && !table.rows[index]!.pipeless);
    const sortColumns = table.schema.sortBy.filter((name) => columnIndex(table, name) >= 0).join(', ');
    const hint =
      rewriteIndent(catalog, table) === null
        ? 'Move the row by hand: `catalog format` leaves a table in a block quote or on a list item\'s first line as it is'
        : 'Run `npm run format-catalog` to sort the table, or move the row by hand';
    if (moved.length > MOST_REPORTED) {
      const first = moved[0]!;
      return [{ range: table.rows[first]!.range, message: `${moved.length} rows are out of the sort order (${sortColumns}), the first on this line: ${place(table, order, rank, kept, first)}`, hint }];
    }
    return moved.map((index): Finding => ({
      range: table.rows[index]!.range,
      message: `${capitalized(rowLabel(table, table.rows[index]!))} is out of the sort order (${sortColumns}): ${place(table, order, rank, kept, index)}`,
      hint,
    }));
  },
);

/** Where a moved row belongs: before the next row in order that stays, or after the last one. */
function place(table: SchemaTable, order: number[], rank: number[], kept: Set<number>, index: number): string {
  const next = order.slice(rank[index]! + 1).find((other) => kept.has(other));
  const previous = order.slice(0, rank[index]!).reverse().find((other) => kept.has(other));
  const name = (row: Row) => `${rowLabel(table, row)} (line ${row.line})`;
  if (next !== undefined) return `it belongs before ${name(table.rows[next]!)}`;
  return previous === undefined ? 'it belongs elsewhere' : `it belongs after ${name(table.rows[previous]!)}`;
}

const capitalized = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

type Score = [length: number, notAdded: number, earliness: number];

const better = (a: Score, b: Score) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * The rows (indexes) of the best run that is already in order: the longest subsequence of
 * rows whose ranks increase, preferring rows not added, then earlier rows. O(n log n), with a
 * Fenwick tree of the best run ending at each rank.
 */
function rowsInOrder(rank: number[], isAdded: (rowIndex: number) => boolean): Set<number> {
  const count = rank.length;
  const tree: { score: Score; row: number }[] = Array.from({ length: count + 1 }, () => ({ score: [0, 0, 0], row: -1 }));
  const previous: number[] = [];
  const scores: Score[] = [];
  for (let row = 0; row < count; row++) {
    let best = { score: [0, 0, 0] as Score, row: -1 };
    for (let at = rank[row]!; at > 0; at -= at & -at) if (better(tree[at]!.score, best.score) > 0) best = tree[at]!;
    const score: Score = [best.score[0] + 1, best.score[1] + (isAdded(row) ? 0 : 1), best.score[2] + count - row];
    previous[row] = best.row;
    scores[row] = score;
    for (let at = rank[row]! + 1; at <= count; at += at & -at) if (better(score, tree[at]!.score) > 0) tree[at] = { score, row };
  }
  let last = -1;
  for (let row = 0; row < count; row++) if (last < 0 || better(scores[row]!, scores[last]!) > 0) last = row;
  const kept = new Set<number>();
  for (let row = last; row >= 0; row = previous[row]!) kept.add(row);
  return kept;
}
