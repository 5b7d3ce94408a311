import type { Cell, Point, Range } from '../catalog/model.js';

/** Cells and rows sit on one line, so a position inside them is their start moved by some columns. */
export function shiftPoint(point: Point, delta: number): Point {
  return { line: point.line, column: point.column + delta, offset: point.offset + delta };
}

export function emptyRange(point: Point): Range {
  return { start: point, end: point };
}

/** The range of `cell.source.slice(start, end)`. */
export function rangeInCell(cell: Cell, start: number, end: number): Range {
  return { start: shiftPoint(cell.range.start, start), end: shiftPoint(cell.range.start, end) };
}

/**
 * Index into `cell.source` of a point inside the cell, or -1 when the point is elsewhere.
 * Computed from line and column, which mdast nodes and the model share.
 */
export function indexInCell(cell: Cell, point: { line: number; column: number }): number {
  if (point.line !== cell.range.start.line) return -1;
  const index = point.column - cell.range.start.column;
  return index >= 0 && index <= cell.source.length ? index : -1;
}
