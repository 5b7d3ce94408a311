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
      const year = Number(yearCell?.text.trim());
      if (!yearCell || !/^\d{4}$/u.test(yearCell.text.trim())) return [];
      const preprints = linkColumns
        .flatMap(({ index }) => row.cells[index]?.links ?? [])
        .flatMap((link) => {
          const id = arxivId(link.url);
          return id ? [{ link, id, year: arxivYear(id) }] : [];
        });
      const earliest = preprints.reduce<(typeof preprints)[number] | undefined>((first, preprint) => (!first || preprint.year < first.year ? preprint : first), undefined);
      if (!earliest || year <= earliest.year) return [];
      return [
        {
          range: yearCell.range,
          message: `Year ${year} is later than the arXiv preprint ${earliest.id} ("${earliest.link.text}", line ${earliest.link.range.start.line}), first posted in ${earliest.year}`,
          hint: `Year is the year of the first public version: write ${earliest.year}, or link the paper the row is about`,
          related: [{ message: `arXiv ${earliest.id} was first posted in ${earliest.year}`, range: earliest.link.range }],
        },
      ];
    });
  },
);
