import type { Cell, Link } from '../catalog/model.js';
import { presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';
import { arxivId } from './url-identity.js';

/**
 * The year an arXiv identifier encodes: `2111.04007` → 2021, `cs/0112017` → 2001. Identifiers
 * are numbered by the month of their first version, so no version of the paper is older.
 */
export function arxivYear(id: string): number {
  const digits = /(\d{2})\d{2}[.\d]*$/u.exec(id)![1]!;
  const twoDigits = Number(digits);
  // Old-style identifiers begin in August 1991.
  return twoDigits >= 91 ? 1900 + twoDigits : 2000 + twoDigits;
}

export interface YearAfterPreprint {
  year: number;
  preprint: { link: Link; id: string; year: number };
}

/** A four-digit Year later than the earliest arXiv preprint among `links`, or null. */
export function yearAfterPreprint(yearCell: Cell | undefined, links: Link[]): YearAfterPreprint | null {
  const text = yearCell?.text.trim() ?? '';
  if (!/^\d{4}$/u.test(text)) return null;
  let earliest: YearAfterPreprint['preprint'] | null = null;
  for (const link of links) {
    const id = arxivId(link.url);
    if (id && (!earliest || arxivYear(id) < earliest.year)) earliest = { link, id, year: arxivYear(id) };
  }
  return earliest && Number(text) > earliest.year ? { year: Number(text), preprint: earliest } : null;
}

/**
 * The Year of an entry is the year of its first public version, so it is never later than the
 * year of an arXiv preprint the row links to.
 */
export const yearMatchesPaper = defineSchemaRule(
  {
    id: 'year-matches-paper',
    severity: 'error',
    description: 'Year is not later than the first version of an arXiv paper the row links to',
    fixable: false,
  },
  (table) => {
    const columns = presentColumns(table);
    const yearColumn = columns.find(({ column }) => column.type === 'year');
    if (!yearColumn) return [];
    const linkColumns = columns.filter(({ column }) => column.type === 'link' || column.type === 'links');
    return table.rows.flatMap((row): Finding[] => {
      const yearCell = row.cells[yearColumn.index];
      const later = yearAfterPreprint(yearCell, linkColumns.flatMap(({ index }) => row.cells[index]?.links ?? []));
      if (!yearCell || !later) return [];
      const { year, preprint } = later;
      return [
        {
          range: yearCell.range,
          message: `Year ${year} is later than the arXiv preprint ${preprint.id} ("${preprint.link.text}", line ${preprint.link.range.start.line}), first posted in ${preprint.year}`,
          hint: `Year is the year of the first public version: write ${preprint.year}, or link the paper the row is about`,
          related: [{ message: `arXiv ${preprint.id} was first posted in ${preprint.year}`, range: preprint.link.range }],
        },
      ];
    });
  },
);
