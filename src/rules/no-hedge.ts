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

/** The first of the hedges a text holds, or undefined. */
export function hedgeFinder(hedges: readonly string[]): (text: string) => string | undefined {
  const patterns = hedges.map((hedge) => ({ hedge, pattern: hedgePattern(hedge) }));
  return (text) => patterns.find(({ pattern }) => pattern.test(text))?.hedge;
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
