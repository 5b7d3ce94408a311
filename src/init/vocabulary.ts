import { listValues } from '../rules/list-values.js';
import { fold } from '../rules/vocabulary.js';

export interface InferredVocabulary {
  /** Canonical spellings, in order of first appearance. */
  values: string[];
  /** Variant spelling (lower case) → canonical spelling. */
  aliases: Record<string, string>;
  multiple: boolean;
}

/** At most this many distinct values make an enumeration… */
const MOST_VALUES = 20;
/** …each used this many times on average. */
const USES_PER_VALUE = 3;
/** A longer value is prose, not a vocabulary word. */
const LONGEST_VALUE = 40;

/**
 * The vocabulary of a column of plain-text cells (their markdown source), or null when the
 * column is not an enumeration: few distinct values, each used several times. Cells that list
 * values with ", " make it `multiple` when the listed values form the vocabulary. Spellings
 * that differ only in case, spaces, `-`, `_` or marks (`apiKey` in a code span or not) are one
 * value: the most used spelling is canonical, the others its aliases.
 */
export function inferVocabulary(sources: readonly string[]): InferredVocabulary | null {
  const lists = sources.some((source) => source.includes(','));
  return (lists ? vocabularyOf(sources, true) : null) ?? vocabularyOf(sources, false);
}

function vocabularyOf(sources: readonly string[], multiple: boolean): InferredVocabulary | null {
  const values = sources.flatMap((source) => listValues(source, multiple).map((item) => item.value)).filter((value) => value !== '');
  if (values.length === 0 || values.some((value) => value.length > LONGEST_VALUE)) return null;
  // Numbers (stars, sizes, counts) are measurements, not a vocabulary.
  if (values.every((value) => /^[\d\s.,%+-]+$/u.test(value))) return null;
  const spellingsOf = new Map<string, Map<string, number>>();
  for (const value of values) {
    const key = spellingKey(value);
    const spellings = spellingsOf.get(key) ?? new Map<string, number>();
    spellings.set(value, (spellings.get(value) ?? 0) + 1);
    spellingsOf.set(key, spellings);
  }
  if (spellingsOf.size > MOST_VALUES || values.length < USES_PER_VALUE * spellingsOf.size) return null;
  const canonicalValues: string[] = [];
  const aliases: Record<string, string> = Object.create(null);
  for (const spellings of spellingsOf.values()) {
    // The most used spelling; the first seen among equals (a Map keeps insertion order).
    const canonical = [...spellings].reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
    canonicalValues.push(canonical);
    for (const variant of spellings.keys()) if (variant !== canonical) aliases[variant.toLowerCase()] = canonical;
  }
  return { values: canonicalValues, aliases, multiple };
}

/** Spellings of one value share this key: case, spaces, `-`, `_` and code or emphasis marks aside. */
function spellingKey(value: string): string {
  return fold(value).replace(/[\s_*`-]+/gu, '');
}
