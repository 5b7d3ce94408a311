import type { Link } from '../catalog/model.js';
import { defineRule, type Finding } from './define.js';
import { entriesOf, identityLinks, normalizedKey, type Entry } from './entries.js';
import { canonicalUrl, githubRepository } from './url-identity.js';

/**
 * Two rows of the file (across all schema tables) are one entry when their keys match once
 * normalized, or when a link of a non-key link column (papers) shows the same page; reported
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
    const firstByKey = new Map<string, Entry>();
    const firstByUrl = new Map<string, LinkOf>();
    // A row reported as a duplicate of another is reported once, on its key if the key repeats.
    const reportedPairs = new Set<string>();
    const pair = (first: Entry, second: Entry) => `${first.row.line}:${second.row.line}`;

    for (const entry of entriesOf(catalog)) {
      const key = entry.key ? normalizedKey(entry.key.text) : '';
      const first = firstByKey.get(key);
      if (key !== '' && first) {
        reportedPairs.add(pair(first, entry));
        const [{ entry: reported }, { entry: other }] = ordered({ entry: first }, { entry });
        findings.push({
          range: reported.key!.range,
          message: `Duplicate entry ${reported.label}: the same name as ${other.label} on line ${other.row.line}`,
          hint: 'Merge the two rows into one, or remove this one',
          related: [{ message: `The other ${other.label} is here`, range: other.key!.range }],
        });
      } else if (key !== '') {
        firstByKey.set(key, entry);
      }

      for (const { name, shared, link } of identityLinks(entry)) {
        // Links of shared columns are compared among themselves.
        const identity = `${shared ? 'shared ' : ''}${canonicalUrl(link.url)}`;
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
