// Keeps one issue, found by its label, up to date with the weekly link check: dead links, the
// paper findings of `catalog papers`, unverifiable links that escalated, and permanent
// redirects. Closes it when all is clear.
// Run from actions/github-script (links.yml) with its authenticated Octokit client.

export const ISSUE_LABEL = 'link-check';
export const ISSUE_TITLE = 'Link check: dead links and permanent redirects';
/** Items listed per kind of problem; the job summary has them all. */
export const MAX_ITEMS_PER_KIND = 200;

/**
 * The links that need a maintainer, from `catalog links --format json` (its `urls` entries),
 * and the paper findings from `catalog papers --format json` (its `diagnostics`), when given.
 * Throws when an output lacks its array, so a changed format cannot close the issue.
 */
export function linkProblems(results, paperResults) {
  if (!results || !Array.isArray(results.urls)) {
    throw new Error('`catalog links --format json` printed no "urls" array; the issue was left as it was.');
  }
  if (paperResults !== undefined && !Array.isArray(paperResults?.diagnostics)) {
    throw new Error('`catalog papers --format json` printed no "diagnostics" array; the issue was left as it was.');
  }
  return {
    dead: results.urls.filter((entry) => entry.verdict === 'dead'),
    papers: paperResults?.diagnostics ?? [],
    escalated: results.urls.filter((entry) => entry.verdict === 'unverifiable' && entry.escalated),
    redirects: results.urls.filter((entry) => entry.permanentRedirect),
  };
}

export function isClear({ dead, papers = [], escalated, redirects }) {
  return dead.length === 0 && papers.length === 0 && escalated.length === 0 && redirects.length === 0;
}

export function issueBody(problems, runUrl) {
  const sections = [
    section('Dead links', 'Gone for good (confirmed by a second try): replace or remove them.', problems.dead, (entry) => entry.reason),
    paperSection(problems.papers ?? []),
    section(
      'Unverifiable for too long',
      'The site would not tell us for several runs: open them in a browser, then fix them, or accept their status or skip them under `links.hosts` in `catalog.config.json`.',
      problems.escalated,
      (entry) => entry.reason,
    ),
    section(
      'Permanent redirects',
      'Moved for good: run `node bin/catalog.js links` (it fills the local link cache), then `npm run format-catalog -- --fix-redirects` writes the new addresses.',
      problems.redirects,
      (entry) => `→ <${entry.permanentRedirect}>`,
    ),
  ].filter((text) => text !== '');
  return [
    `The weekly link check found these in the catalog. Last run: ${runUrl} (its summary has the full report).`,
    ...sections,
    'This issue is updated by every run of the Links workflow and closed when all is clear.',
  ].join('\n\n');
}

/** What `catalog papers` found, each at its cell, with the registry's evidence. */
function paperSection(findings) {
  if (findings.length === 0) return '';
  const lines = findings.slice(0, MAX_ITEMS_PER_KIND).map((finding) => `- [ ] ${finding.file}:${finding.line}:${finding.column} \`${finding.ruleId}\` (${finding.severity}): ${finding.message}`);
  if (findings.length > MAX_ITEMS_PER_KIND) lines.push(`- …and ${findings.length - MAX_ITEMS_PER_KIND} more (see the run's summary)`);
  const advice = "Facts checked against arXiv, doi.org, OpenReview and DBLP: fix the cell against the registry's record, or suppress the rule in the row with a comment saying why.";
  return [`### Paper findings (${findings.length})`, advice, ...lines].join('\n');
}

function section(title, advice, items, detail) {
  if (items.length === 0) return '';
  const lines = items.slice(0, MAX_ITEMS_PER_KIND).map((entry) => {
    const where = entry.locations.map((location) => `${location.file}:${location.line}:${location.column}`).join(', ');
    return `- [ ] <${entry.url}> (${where}): ${detail(entry)}`;
  });
  if (items.length > MAX_ITEMS_PER_KIND) lines.push(`- …and ${items.length - MAX_ITEMS_PER_KIND} more (see the run's summary)`);
  return [`### ${title} (${items.length})`, advice, ...lines].join('\n');
}

/** Opens, updates or closes the issue; returns what it did, in words. */
export async function updateLinkIssue({ github, repo, results, paperResults, runUrl }) {
  const problems = linkProblems(results, paperResults);
  const open = await openIssue(github, repo);

  if (isClear(problems)) {
    if (!open) return 'All links are fine; there is no open link-check issue.';
    await github.rest.issues.createComment({ ...repo, issue_number: open.number, body: `All links are fine as of ${runUrl}. Closing.` });
    await github.rest.issues.update({ ...repo, issue_number: open.number, state: 'closed', state_reason: 'completed' });
    return `All links are fine; closed issue #${open.number}.`;
  }

  const body = issueBody(problems, runUrl);
  const counts = `${problems.dead.length} dead, ${problems.papers.length} paper findings, ${problems.escalated.length} unverifiable for too long, ${problems.redirects.length} permanent redirects`;
  if (open) {
    await github.rest.issues.update({ ...repo, issue_number: open.number, title: ISSUE_TITLE, body });
    return `${counts}; updated issue #${open.number}.`;
  }
  await ensureLabel(github, repo);
  const created = await github.rest.issues.create({ ...repo, title: ISSUE_TITLE, body, labels: [ISSUE_LABEL] });
  return `${counts}; opened issue #${created.data.number}.`;
}

/** The oldest open issue with the label (pull requests excluded), or null. */
async function openIssue(github, repo) {
  const { data } = await github.rest.issues.listForRepo({
    ...repo,
    labels: ISSUE_LABEL,
    state: 'open',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return data.find((issue) => !issue.pull_request) ?? null;
}

async function ensureLabel(github, repo) {
  try {
    await github.rest.issues.getLabel({ ...repo, name: ISSUE_LABEL });
  } catch (error) {
    if (error?.status !== 404) throw error;
    await github.rest.issues.createLabel({ ...repo, name: ISSUE_LABEL, color: 'd93f0b', description: 'Found by the weekly link check' });
  }
}
