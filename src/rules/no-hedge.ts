import { presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';

const LETTER_OR_DIGIT_FIRST = /^[\p{L}\p{N}]/u;
const LETTER_OR_DIGIT_LAST = /[\p{L}\p{N}]$/u;

/** A phrase in capitals (`TODO`) matches only in capitals: "Todo lists" is no hedge. */
function inCapitals(hedge: string): boolean {
  return /\p{Lu}/u.test(hedge) && !/\p{Ll}/u.test(hedge);
}

interface HedgeGroup {
  pattern: RegExp;
  /** The phrase matched (lower case, unless in capitals) → the hedge as the config writes it. */
  hedgeOf: Map<string, string>;
  capitals: boolean;
}

/**
 * The hedges as one pattern per kind (whole word at the start or not, at the end or not, in
 * capitals or in any case), each an alternation of the escaped phrases, longest first: a
 * text is searched a few times whatever the number of hedges, not once per hedge.
 */
function hedgeGroups(hedges: readonly string[]): HedgeGroup[] {
  const kinds = new Map<string, string[]>();
  for (const hedge of hedges) {
    const kind = [LETTER_OR_DIGIT_FIRST.test(hedge), LETTER_OR_DIGIT_LAST.test(hedge), inCapitals(hedge)].join();
    const members = kinds.get(kind) ?? [];
    members.push(hedge);
    kinds.set(kind, members);
  }
  return [...kinds].map(([kind, members]) => {
    const [wordStart, wordEnd, capitals] = kind.split(',').map((flag) => flag === 'true') as [boolean, boolean, boolean];
    const alternatives = [...members].sort((a, b) => b.length - a.length).map((hedge) => hedge.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    const start = wordStart ? '(?<![\\p{L}\\p{N}])' : '';
    const end = wordEnd ? '(?![\\p{L}\\p{N}])' : '';
    const hedgeOf = new Map<string, string>();
    for (const hedge of [...members].reverse()) hedgeOf.set(capitals ? hedge : hedge.toLowerCase(), hedge);
    // In any case: the text is lowered and matched against lowered phrases. V8's `i` flag on a
    // long alternation takes seconds a cell; this takes milliseconds.
    const lowered = capitals ? alternatives : alternatives.map((alternative) => alternative.toLowerCase());
    return { pattern: new RegExp(`${start}(?:${lowered.join('|')})${end}`, 'u'), hedgeOf, capitals };
  });
}

/** The config's hedges compiled once, not once per table. */
const compiled = new WeakMap<readonly string[], HedgeGroup[]>();

/** The hedge a text holds first (leftmost; at one place, the longest), or undefined. */
export function hedgeFinder(hedges: readonly string[]): (text: string) => string | undefined {
  let groups = compiled.get(hedges);
  if (!groups) compiled.set(hedges, (groups = hedgeGroups(hedges)));
  return (text) => {
    const lowered = text.toLowerCase();
    let found: { at: number; length: number; hedge: string } | undefined;
    for (const { pattern, hedgeOf, capitals } of groups) {
      const match = pattern.exec(capitals ? text : lowered);
      if (!match || (found && (match.index > found.at || (match.index === found.at && match[0].length <= found.length)))) continue;
      const written = match[0];
      found = { at: match.index, length: written.length, hedge: hedgeOf.get(written) ?? written };
    }
    return found?.hedge;
  };
}

/**
 * A description tells a reader what a system does; a hedge ("not verified", "TODO", "?") tells
 * them only that someone was unsure. The phrases come from the config's "hedges".
 */
export const noHedge = defineSchemaRule(
  {
    id: 'no-hedge',
    severity: 'warning',
    description: 'Text cells hold no hedge such as "not verified", "unknown", "TODO" or "?"',
    fixable: false,
  },
  (table, _catalog, config) => {
    if (config.hedges.length === 0) return [];
    const hedgeOf = hedgeFinder(config.hedges);
    return presentColumns(table)
      .filter(({ column }) => column.type === 'text')
      .flatMap(({ column, index }) =>
        table.rows.flatMap((row): Finding[] => {
          const cell = row.cells[index];
          if (!cell) return [];
          const hedge = hedgeOf(cell.text);
          if (!hedge) return [];
          return [
            {
              range: cell.range,
              message: `The "${column.name}" cell hedges ("${hedge}")`,
              hint: 'Check the fact at its source and state it, or leave it out; a hedge tells a reader nothing they can act on',
            },
          ];
        }),
      );
  },
);
