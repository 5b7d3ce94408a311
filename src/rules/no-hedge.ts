import { presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';

/**
 * A phrase as a pattern: whole words where it begins or ends with a letter or digit, any text
 * otherwise (`?`); in any case, except a phrase in capitals (`TODO`), which a word such as
 * "Todo lists" is not.
 */
function hedgePattern(hedge: string): RegExp {
  const escaped = hedge.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const start = /^[\p{L}\p{N}]/u.test(hedge) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = /[\p{L}\p{N}]$/u.test(hedge) ? '(?![\\p{L}\\p{N}])' : '';
  const capitals = /\p{Lu}/u.test(hedge) && !/\p{Ll}/u.test(hedge);
  return new RegExp(`${start}${escaped}${end}`, capitals ? 'u' : 'iu');
}

const finders = new WeakMap<readonly string[], (text: string) => string | undefined>();

/**
 * The first of the hedges a text holds, or undefined. Most texts hold none: one pattern per
 * case rule, all phrases as alternatives, rules that out before each phrase is tried in order.
 * Made once per list of hedges (a config's), not once per table.
 */
export function hedgeFinder(hedges: readonly string[]): (text: string) => string | undefined {
  let finder = finders.get(hedges);
  if (finder) return finder;
  const patterns = hedges.map((hedge) => ({ hedge, pattern: hedgePattern(hedge) }));
  const anyOf = ['u', 'iu'].flatMap((flags) => {
    const sources = patterns.filter(({ pattern }) => pattern.flags === flags).map(({ pattern }) => `(?:${pattern.source})`);
    return sources.length > 0 ? [new RegExp(sources.join('|'), flags)] : [];
  });
  finder = (text) => (anyOf.some((pattern) => pattern.test(text)) ? patterns.find(({ pattern }) => pattern.test(text))?.hedge : undefined);
  finders.set(hedges, finder);
  return finder;
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
