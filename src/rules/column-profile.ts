import type { Cell, Row, Table } from '../catalog/model.js';
import { isBlank } from './columns.js';

/** What the cells of one column usually look like, from the rows of a schema's tables that have the header's width. */
interface ColumnStats {
  rows: number;
  blank: number;
  withLinks: number;
  /** Mean and spread of log(1 + length) of the non-empty cells' text. */
  mean: number;
  spread: number;
}

/**
 * How unlikely a cell is in a column, in nats: a blank where the column is seldom blank, a link
 * where it seldom has one, a length far from the column's usual. Used to tell which column a
 * row with a missing cell lacks when the types alone leave several readings (text columns
 * accept anything): a short name read as a description costs much more than the reverse.
 */
export type CellCost = (column: string, cell: Cell | undefined) => number;

// Lengths spread at least this much (in log units): a column of equal cells says little.
const LEAST_SPREAD = 0.5;

export function columnProfile(tables: readonly Table[]): CellCost {
  const stats = new Map<string, ColumnStats>();
  for (const table of tables) {
    const width = table.header.cells.length;
    table.header.cells.forEach((header, index) => {
      const name = header.text.trim().toLowerCase();
      const lengths: number[] = [];
      const column = stats.get(name) ?? { rows: 0, blank: 0, withLinks: 0, mean: 0, spread: LEAST_SPREAD };
      const fullRows = table.rows.filter((row: Row) => row.cells.length === width);
      for (const row of fullRows) {
        const cell = row.cells[index];
        column.rows++;
        if (isBlank(cell)) column.blank++;
        else {
          if (cell!.links.length > 0) column.withLinks++;
          lengths.push(Math.log1p(cell!.text.trim().length));
        }
      }
      if (lengths.length > 0) {
        const mean = lengths.reduce((sum, value) => sum + value, 0) / lengths.length;
        const variance = lengths.reduce((sum, value) => sum + (value - mean) ** 2, 0) / lengths.length;
        column.mean = mean;
        column.spread = Math.max(LEAST_SPREAD, Math.sqrt(variance));
      }
      stats.set(name, column);
    });
  }
  // Laplace's rule: a share seen k times in n rows is (k + 1) / (n + 2).
  const nats = (count: number, total: number) => -Math.log((count + 1) / (total + 2));
  return (name, cell) => {
    const column = stats.get(name.trim().toLowerCase());
    if (!column) return 0;
    if (isBlank(cell)) return nats(column.blank, column.rows);
    const filled = column.rows - column.blank;
    const links = cell!.links.length > 0 ? nats(column.withLinks, filled) : nats(filled - column.withLinks, filled);
    const deviation = (Math.log1p(cell!.text.trim().length) - column.mean) / column.spread;
    return nats(filled, column.rows) + links + deviation ** 2 / 2;
  };
}
