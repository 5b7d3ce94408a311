import type { Catalog, Range, Row } from '../catalog/model.js';
import { defineStructureRule, type Finding } from './define.js';
import { shiftPoint } from './positions.js';

/**
 * GFM splits a row on every unescaped pipe, code spans included: `a|b` in backticks becomes
 * two cells, the first ending inside an unclosed code span that the next one closes.
 */
export const pipeInCodeSpan = defineStructureRule(
  {
    id: 'pipe-in-code-span',
    severity: 'warning',
    description: 'No code span is cut in two by a pipe',
    fixable: false,
  },
  (table, catalog) => [table.header, ...table.rows].flatMap((row) => checkRow(row, catalog)),
);

function checkRow(row: Row, catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  for (let index = 0; index < row.cells.length - 1; index++) {
    const opener = unclosedCodeSpan(row.cells[index]!.source);
    if (opener === null) continue;
    const closing = row.cells.findIndex((cell, later) => later > index && hasBacktickRun(cell.source, opener));
    if (closing < 0) continue;
    const splitter = pipeAfter(row, index, catalog);
    const code = catalog.source.slice(row.cells[index]!.range.start.offset, row.cells[closing]!.range.end.offset);
    findings.push({
      range: splitter,
      message: `Unexpected pipe inside the code span of "${code}": it ends the cell and splits the code span in two`,
      hint: 'Escape the pipe as `\\|` inside the code span (GFM shows it as a plain pipe)',
    });
    index = closing - 1;
  }
  return findings;
}

/** Length of the first backtick run that opens a code span and is never closed in `source`, or null. */
function unclosedCodeSpan(source: string): number | null {
  let index = 0;
  while (index < source.length) {
    if (source[index] === '\\') {
      index += 2;
      continue;
    }
    if (source[index] !== '`') {
      index++;
      continue;
    }
    const length = runLength(source, index);
    const close = findRun(source, index + length, length);
    if (close < 0) return length;
    index = close + length;
  }
  return null;
}

function runLength(source: string, start: number): number {
  let end = start;
  while (source[end] === '`') end++;
  return end - start;
}

/** Start of the next backtick run of exactly `length` from `from`, or -1 (backslashes do not escape in code). */
function findRun(source: string, from: number, length: number): number {
  let index = from;
  while (index < source.length) {
    if (source[index] !== '`') {
      index++;
      continue;
    }
    const run = runLength(source, index);
    if (run === length) return index;
    index += run;
  }
  return -1;
}

function hasBacktickRun(source: string, length: number): boolean {
  return findRun(source, 0, length) >= 0;
}

/** The range of the pipe that ends cell `index` of the row. */
function pipeAfter(row: Row, index: number, catalog: Catalog): Range {
  const end = row.cells[index]!.range.end;
  const between = catalog.source.slice(end.offset, row.cells[index + 1]!.range.start.offset);
  const at = Math.max(0, between.indexOf('|'));
  return { start: shiftPoint(end, at), end: shiftPoint(end, at + 1) };
}
