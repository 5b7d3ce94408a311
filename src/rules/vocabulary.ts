import type { ColumnSchema } from '../catalog/config.js';
import { listValues } from './list-values.js';

export type VocabularyMatch =
  | { kind: 'canonical' }
  | { kind: 'variant'; canonical: string }
  | { kind: 'unknown' };

/** A value as the vocabulary compares it: NFKC, lower case, inner spaces collapsed. */
export function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * How an enumeration value relates to the column's vocabulary: exactly a canonical value,
 * a variant of one (another case, or an alias, both matched case-insensitively), or unknown.
 * `written` is the value as the cell's source holds it.
 */
export function matchVocabulary(column: ColumnSchema, written: string): VocabularyMatch {
  // Written in a cell, a value's `|` is escaped (`\|`), or it would end the cell.
  const value = written.replace(/\\\|/gu, '|');
  if (column.values.includes(value)) return { kind: 'canonical' };
  const folded = fold(value);
  const sameLetters = column.values.find((canonical) => fold(canonical) === folded);
  if (sameLetters !== undefined) return { kind: 'variant', canonical: sameLetters };
  const alias = Object.entries(column.aliases).find(([variant]) => fold(variant) === folded);
  if (alias !== undefined) return { kind: 'variant', canonical: alias[1] };
  return { kind: 'unknown' };
}

/** A canonical value as it is written into a cell: a `|` escaped, so that it does not end the cell. */
export function writtenValue(value: string): string {
  return value.replace(/\|/gu, '\\|');
}

/** The values of an enumeration cell in their canonical spellings (an unknown value as written). */
export function canonicalValues(column: ColumnSchema, text: string): string[] {
  return listValues(text, column.multiple)
    .map(({ value }) => value)
    .filter((value) => value !== '')
    .map((value) => {
      const match = matchVocabulary(column, value);
      return match.kind === 'variant' ? match.canonical : value;
    });
}
