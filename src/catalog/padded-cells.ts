import type { Row } from './model.js';

/** The row's cell sources, padded with empty cells to `width`: how GFM shows a short row. */
export function paddedCells(row: Row, width: number): string[] {
  const cells = row.cells.map((cell) => cell.source);
  while (cells.length < width) cells.push('');
  return cells;
}
