import type { Link } from '../catalog/model.js';
import { defineRule, type Finding } from './define.js';
import { entriesOf, identityLinks, normalizedKey, type Entry } from './entries.js';
import { canonicalUrl, githubRepository, siteOf } from './url-identity.js';

/**
 * Two rows of the file (across the tables of one schema) are one entry when their keys match once
 * normalized (unless both have links and share none: namesakes, a warning when their links
 * lead to one site), or when a link of
 * a non-key link column (papers) shows the same page. A row with the name and a link of a row
 * in another table is a cross-listing, no duplicate, where the schema allows it. Reported
 * on the later row, or, when the `--changed-since` diff added the earlier one and not the
 * later, on the added row: the annotation lands on a line the pull request changed. In a column
 * whose links entries may share (`sharedLinks`), only a link into a GitHub repository named after
 * one of the two entries is reported, on the other entry: it was copied from that row.
 */
export const duplicateEntry = defineRule(
  {
    id: 'duplicate-entry',
    severity: 'error',
    description: 'No entry is listed twice: same name, or the same link in a column of links no two entries share',
    needsSchema: true,
    fixable: false,
  },
  (catalog, _config, context) => {
    const findings: Finding[] = [];
    const added = (entry: Entry) => context.addedLines?.has(entry.row.line) ?? false;
    /** [the row to report, the row it repeats], in document order unless only the first was added. */
    const ordered = <T extends { entry: Entry }>(first: T, second: T): [T, T] =>
      added(first.entry) && !added(second.entry) ? [first, second] : [second, first];
    const earlierByKey = new Map<string, Entry[]>();
    const firstByUrl = new Map<string, LinkOf>();
    // A row reported as a duplicate of another is reported once, on its key if the key repeats;
    // a cross-listing or two namesakes are not compared by their links either.
    const reportedPairs = new Set<string>();
    const pair = (first: Entry, second: Entry) => `${first.row.line}:${second.row.line}`;

    // Entries of two schemas (papers and talks about them, say) are never one entry.
    const schemaNumbers = new Map<object, number>();
    for (const entry of entriesOf(catalog)) {
      const schema = schemaNumbers.get(entry.table.schema) ?? schemaNumbers.set(entry.table.schema, schemaNumbers.size).size - 1;
      const name = entry.key ? normalizedKey(entry.key.text) : '';
      const key = `${schema} ${name}`;
      const earlier = name === '' ? [] : (earlierByKey.get(key) ?? []);
      if (name !== '') earlierByKey.set(key, [...earlier, entry]);
      const same = earlier.find((first) => sameEntry(first, entry) && !crossListed(first, entry));
      for (const first of earlier) reportedPairs.add(pair(first, entry));
      if (same) {
        const [{ entry: reported }, { entry: other }] = ordered({ entry: same }, { entry });
        const where = reported.table === other.table ? '' : ` (in another table; set "crossListing": true on the schema if the list files an entry under several headings)`;
        findings.push({
          range: reported.key!.range,
          message: `Duplicate entry ${reported.label}: the same name as ${other.label} on line ${other.row.line}${where}`,
          hint: 'Merge the two rows into one, or remove this one',
          related: [{ message: `The other ${other.label} is here`, range: other.key!.range }],
        });
      } else {
        const namesake = earlier.find((first) => !sameEntry(first, entry) && sameSite(first, entry));
        if (namesake) findings.push(namesakes(namesake, entry));
      }

      for (const { name, shared, link } of identityLinks(entry)) {
        // Links of shared columns are compared among themselves.
        const identity = `${schema} ${shared ? 'shared ' : ''}${canonicalUrl(link.url)}`;
        const earlier = firstByUrl.get(identity);
        if (!earlier) {
          firstByUrl.set(identity, { entry, link });
          continue;
        }
        if (earlier.entry.row === entry.row || reportedPairs.has(pair(earlier.entry, entry))) continue;
        const finding = shared ? copiedLink(name, earlier, { entry, link }) : sameLink(name, ...ordered(earlier, { entry, link }));
        if (!finding) continue;
        reportedPairs.add(pair(earlier.entry, entry));
        findings.push(finding);
      }
    }
    return findings;
  },
);

/** The links that tell an entry apart: its key's and those of its link columns that entries do not share. */
function entryLinks(entry: Entry): string[] {
  return [...(entry.key?.links ?? []), ...identityLinks(entry).filter(({ shared }) => !shared).map(({ link }) => link)].map((link) => link.url);
}

const canonicalLinks = (entry: Entry) => new Set(entryLinks(entry).map(canonicalUrl));

/** Two rows of one name are one entry unless both have links and share none: then they are namesakes. */
function sameEntry(first: Entry, second: Entry): boolean {
  const firstLinks = canonicalLinks(first);
  const secondLinks = canonicalLinks(second);
  if (firstLinks.size === 0 || secondLinks.size === 0) return true;
  return [...firstLinks].some((url) => secondLinks.has(url));
}

/** Namesakes whose links lead to one site (`ipstack.com/` and `ipstack.com/?utm_source=…`) may be one entry after all. */
function sameSite(first: Entry, second: Entry): boolean {
  const sites = new Set(entryLinks(first).map(siteOf));
  return entryLinks(second).some((url) => sites.has(siteOf(url)));
}

/** One entry filed under two headings of a schema that allows it. */
const crossListed = (first: Entry, second: Entry) => first.table !== second.table && first.table.schema.crossListing;

/** Two entries of one name, no link in common, but links to one site: worth a look. */
function namesakes(first: Entry, second: Entry): Finding {
  const linkOf = (entry: Entry) => entry.key?.links[0]?.url ?? identityLinks(entry)[0]!.link.url;
  return {
    severity: 'warning',
    range: second.key!.range,
    message: `${second.label} links to "${linkOf(second)}", and ${first.label} on line ${first.row.line} to "${linkOf(first)}": two entries of one name`,
    hint: 'If they are one entry, merge the rows or give them the same link; if they are two, tell them apart in the name (e.g. with the owner)',
    related: [{ message: `The other ${first.label} is here`, range: first.key!.range }],
  };
}

/** A link and the entry whose row holds it. */
interface LinkOf {
  entry: Entry;
  link: Link;
}

function sameLink(name: string, reported: LinkOf, other: LinkOf): Finding {
  const same = other.link.url === reported.link.url ? 'the same link' : `the same page as "${other.link.url}"`;
  return {
    range: reported.link.range,
    message: `Duplicate entry: the "${name}" link "${reported.link.url}" of ${reported.entry.label} is ${same} of ${other.entry.label} on line ${other.entry.row.line}`,
    hint: `Two rows describe one entry: merge them into one, or correct the link that points to the wrong page; if entries may share the "${name}" link (a licence, one repository for two methods), set "sharedLinks": true on that column`,
    related: [{ message: `${other.entry.label} links to it here`, range: other.link.range }],
  };
}

/** A shared link is meant, unless it leads to a GitHub repository named after one of the two only: copied from that row. */
function copiedLink(name: string, earlier: LinkOf, later: LinkOf): Finding | null {
  const repository = githubRepository(later.link.url);
  const owners = repository ? [earlier, later].filter((candidate) => namedAfter(repository, candidate.entry)) : [];
  if (owners.length !== 1) return null;
  const other = owners[0]!;
  const reported = other === earlier ? later : earlier;
  return {
    range: reported.link.range,
    message: `The "${name}" link "${reported.link.url}" of ${reported.entry.label} leads to the repository of ${other.entry.label} on line ${other.entry.row.line} (${repository})`,
    hint: `Link ${reported.entry.label} to its own page; if the two entries really share it, end this row's first cell with <!-- catalog-disable-line duplicate-entry -->`,
    related: [{ message: `${other.entry.label} links to it here`, range: other.link.range }],
  };
}

/** The entry's own link leads to the repository, or a word of the repository's name is a word of the entry's name. */
function namedAfter(repository: string, entry: Entry): boolean {
  if (entry.key?.links.some((link) => githubRepository(link.url) === repository)) return true;
  const words = new Set(wordsOf(entry.key?.text ?? ''));
  return wordsOf(repository.split('/')[1] ?? '').some((word) => words.has(word));
}

/** Words of three characters or more that are not plain numbers ("ECCV22-FOSTER" → eccv22, foster). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !/^\d+$/u.test(word));
}
