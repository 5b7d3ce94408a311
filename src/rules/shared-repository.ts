import type { Link } from '../catalog/model.js';
import { defineRule, type Finding } from './define.js';
import { entriesOf, normalizedKey, type Entry } from './entries.js';
import { canonicalUrl, githubRepository } from './url-identity.js';

/**
 * Two entries whose key link points into one code repository. Legitimate at times (OptCNN and
 * FlexFlow share FlexFlow's repository), hence a warning that names both.
 */
export const sharedRepository = defineRule(
  {
    id: 'shared-repository',
    severity: 'warning',
    description: "Two entries' key links point into the same code repository",
    needsSchema: true,
    fixable: false,
  },
  (catalog) => {
    const findings: Finding[] = [];
    const firstByRepository = new Map<string, { entry: Entry; link: Link }>();
    for (const entry of entriesOf(catalog)) {
      for (const link of entry.key?.links ?? []) {
        // Outside GitHub, one repository is one URL.
        const repository = githubRepository(link.url) ?? canonicalUrl(link.url);
        const first = firstByRepository.get(repository);
        if (!first) {
          firstByRepository.set(repository, { entry, link });
          continue;
        }
        // One entry listed again (under another heading) is duplicate-entry's to report, or meant.
        if (first.entry.row === entry.row || sameKey(first.entry, entry)) continue;
        findings.push({
          range: link.range,
          message: `${entry.label} and ${first.entry.label} (line ${first.entry.row.line}) link to the same repository ${repository}`,
          hint: `Fine when one repository implements both; otherwise link each entry to its own code. To keep it, end this row's name cell with <!-- catalog-disable-line shared-repository -->`,
          related: [{ message: `${first.entry.label} links to ${repository} here`, range: first.link.range }],
        });
      }
    }
    return findings;
  },
);

function sameKey(first: Entry, second: Entry): boolean {
  const key = normalizedKey(first.key?.text ?? '');
  return key !== '' && key === normalizedKey(second.key?.text ?? '');
}
