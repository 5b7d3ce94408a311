import type { Row } from './model.js';

/**
 * The row's cell sources, padded with empty cells to `width`, without the empty cells beyond
 * it: how GFM shows the row (it drops cells beyond the header, and an empty one holds nothing).
 */
export function paddedCells(row: Row, width: number): string[] {
  const cells = row.cells.map((cell) => cell.source);
  while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
  while (cells.length < width) cells.push('');
  return cells;
}

/** The row has cells beyond the header's `width`, and all of them are empty. */
export function hasOnlyEmptyExtraCells(row: Row, width: number): boolean {
  return row.cells.length > width && row.cells.slice(width).every((cell) => cell.source === '');
}
