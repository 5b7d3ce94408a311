import type { Row, Table } from './model.js';
import { paddedCells } from './padded-cells.js';

/**
 * Deterministic, locale-free ordering: the sort key is compared NFKC-normalized and
 * case-folded, with runs of digits compared as numbers; ties fall back to plain code
 * point order, then to the whole row's source. An empty key sorts after every other.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const folded = compareNumericAware(fold(a), fold(b));
  if (folded !== 0) return folded;
  return compareCodePoints(a, b);
}

function fold(text: string): string {
  // toLowerCase without a locale is the Unicode default case mapping, the same on every machine.
  return text.normalize('NFKC').toLowerCase();
}

const DIGITS_OR_NOT = /\d+|\D+/gu;

function compareNumericAware(a: string, b: string): number {
  const partsA = a.match(DIGITS_OR_NOT) ?? [];
  const partsB = b.match(DIGITS_OR_NOT) ?? [];
  const length = Math.min(partsA.length, partsB.length);
  for (let i = 0; i < length; i++) {
    const partA = partsA[i]!;
    const partB = partsB[i]!;
    if (partA === partB) continue;
    if (isDigits(partA) && isDigits(partB)) {
      const byValue = compareDigitRuns(partA, partB);
      if (byValue !== 0) return byValue;
    }
    return compareCodePoints(partA, partB);
  }
  return partsA.length - partsB.length;
}

function isDigits(part: string): boolean {
  const code = part.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Compares two digit runs by numeric value without converting (runs may exceed 2^53). */
function compareDigitRuns(a: string, b: string): number {
  const trimmedA = a.replace(/^0+(?=\d)/u, '');
  const trimmedB = b.replace(/^0+(?=\d)/u, '');
  if (trimmedA.length !== trimmedB.length) return trimmedA.length - trimmedB.length;
  return compareCodePoints(trimmedA, trimmedB);
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const iteratorA = a[Symbol.iterator]();
  const iteratorB = b[Symbol.iterator]();
  for (;;) {
    const nextA = iteratorA.next();
    const nextB = iteratorB.next();
    if (nextA.done) return nextB.done ? 0 : -1;
    if (nextB.done) return 1;
    const difference = nextA.value.codePointAt(0)! - nextB.value.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
}

/** The sort key of a row: the plain text of each sort column. */
function rowKeys(row: Row, columns: number[]): string[] {
  return columns.map((column) => (row.cells[column]?.text ?? '').trim());
}


/**
 * The order the schema asks for, as indexes into `table.rows`. Tables without a schema,
 * or whose schema has no sort key, keep their order. A line without a pipe that GFM took into
 * the table stays where it is; the rows are sorted around it.
 */
export function sortedOrder(table: Table): number[] {
  const order = table.rows.map((_, index) => index);
  if (!table.rows.some((row) => row.pipeless)) return sortedRows(table, order);
  const sorted = sortedRows(table, order.filter((index) => !table.rows[index]!.pipeless));
  let next = 0;
  return order.map((index) => (table.rows[index]!.pipeless ? index : sorted[next++]!));
}

/** The given rows (indexes into `table.rows`) in the schema's order. */
function sortedRows(table: Table, order: number[]): number[] {
  const schema = table.schema;
  if (!schema || schema.sortBy.length === 0) return order;
  const headerNames = table.header.cells.map((cell) => cell.text.trim().toLowerCase());
  const columns = schema.sortBy
    .map((name) => headerNames.indexOf(name.toLowerCase()))
    .filter((index) => index >= 0);
  if (columns.length === 0) return order;
  const keys = table.rows.map((row) => rowKeys(row, columns));
  const width = table.header.cells.length;
  // Padded, so that padding a short row does not move it.
  const sources = table.rows.map((row) => paddedCells(row, width).join('\u0000'));
  return order.sort((a, b) => {
    const keysA = keys[a]!;
    const keysB = keys[b]!;
    for (let i = 0; i < columns.length; i++) {
      const byKey = compareKeys(keysA[i]!, keysB[i]!);
      if (byKey !== 0) return byKey;
    }
    return compareCodePoints(sources[a]!, sources[b]!) || a - b;
  });
}
