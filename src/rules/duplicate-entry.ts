import type { Link } from '../catalog/model.js';
import { columnIndex } from './columns.js';
import { defineRule, type Finding } from './define.js';
import { entriesOf, normalizedKey, type Entry } from './entries.js';
import { canonicalUrl } from './url-identity.js';

/**
 * Two rows of the file (across all schema tables) are one entry when their keys match once
 * normalized, or when a link of a non-key link column (papers) shows the same page.
 */
export const duplicateEntry = defineRule(
  {
    id: 'duplicate-entry',
    severity: 'error',
    description: 'No entry is listed twice: same name, or same paper link',
    needsSchema: true,
    fixable: false,
  },
  (catalog) => {
    const findings: Finding[] = [];
    const firstByKey = new Map<string, Entry>();
    const firstByUrl = new Map<string, { entry: Entry; link: Link }>();
    // A row reported as a duplicate of another is reported once, on its key if the key repeats.
    const reportedPairs = new Set<string>();
    const pair = (first: Entry, second: Entry) => `${first.row.line}:${second.row.line}`;

    for (const entry of entriesOf(catalog)) {
      const key = entry.key ? normalizedKey(entry.key.text) : '';
      const first = firstByKey.get(key);
      if (key !== '' && first) {
        reportedPairs.add(pair(first, entry));
        findings.push({
          range: entry.key!.range,
          message: `Duplicate entry ${entry.label}: the same name as ${first.label} on line ${first.row.line}`,
          hint: 'Merge the two rows into one, or remove this one',
          related: [{ message: `The first ${first.label} is here`, range: first.key!.range }],
        });
      } else if (key !== '') {
        firstByKey.set(key, entry);
      }

      for (const { name, link } of nonKeyLinks(entry)) {
        const identity = canonicalUrl(link.url);
        const earlier = firstByUrl.get(identity);
        if (!earlier) {
          firstByUrl.set(identity, { entry, link });
          continue;
        }
        if (earlier.entry.row === entry.row || reportedPairs.has(pair(earlier.entry, entry))) continue;
        reportedPairs.add(pair(earlier.entry, entry));
        const same = earlier.link.url === link.url ? 'the same link' : `the same page as "${earlier.link.url}"`;
        findings.push({
          range: link.range,
          message: `Duplicate entry: the "${name}" link "${link.url}" of ${entry.label} is ${same} of ${earlier.entry.label} on line ${earlier.entry.row.line}`,
          hint: 'Two rows describe one paper: merge them into one, or correct the link that points to the wrong page',
          related: [{ message: `${earlier.entry.label} links to it here`, range: earlier.link.range }],
        });
      }
    }
    return findings;
  },
);

/** Links of the entry's link columns other than the key column (the key's link is `shared-repository`'s business). */
function nonKeyLinks(entry: Entry): { name: string; link: Link }[] {
  const { table, row } = entry;
  return table.schema.columns
    .filter((column) => (column.type === 'link' || column.type === 'links') && column.name.toLowerCase() !== table.schema.key.toLowerCase())
    .flatMap((column) => {
      const cell = row.cells[columnIndex(table, column.name)];
      return (cell?.links ?? []).map((link) => ({ name: column.name, link }));
    });
}
