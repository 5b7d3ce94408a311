import type { CheckedLink, LinkCheckReport } from '../links/types.js';

/**
 * `catalog links --report-md FILE`: a markdown report for `$GITHUB_STEP_SUMMARY` and for the
 * weekly issue. Every problem comes with its evidence: status, redirect chain, requests made,
 * first seen, and the places in the catalog.
 */
export function linkReportMarkdown(report: LinkCheckReport): string {
  const links = report.links;
  const dead = links.filter(({ result }) => result.verdict === 'dead');
  const escalated = links.filter(({ result }) => result.escalated);
  const redirects = links.filter(({ result }) => result.verdict === 'alive' && result.permanentRedirect);
  const suspicious = links.filter(({ result }) => result.verdict === 'alive' && result.suspicious);
  const archived = links.filter(({ result }) => result.archived);
  const unverifiable = links.filter(({ result }) => result.verdict === 'unverifiable' && !result.escalated);
  const alive = links.filter(({ result }) => result.verdict === 'alive').length;

  const lines: string[] = ['# Link check', ''];
  lines.push(
    `${links.length} links checked on ${report.startedAt.slice(0, 10)} in ${(report.durationMs / 1000).toFixed(1)} s: ` +
      `${alive} alive, ${dead.length} dead, ${unverifiable.length + escalated.length} unverifiable` +
      (escalated.length > 0 ? ` (${escalated.length} for too long)` : '') +
      `, ${redirects.length} permanent redirects` +
      (report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : '') +
      '.',
    '',
  );
  for (const warning of report.warnings) lines.push(`> [!WARNING]\n> ${warning}`, '');

  section(lines, 'Dead links', dead, ({ result }) => result.reason);
  section(lines, 'Unverifiable for too long', escalated, ({ result }) => `${result.reason}; ${result.unverifiableRuns} runs since ${result.unverifiableSince?.slice(0, 10) ?? '?'}`);
  section(lines, 'Permanent redirects (run `catalog format --fix-redirects`)', redirects, ({ result }) => `update to ${code(result.permanentRedirect ?? '')}`);
  section(lines, 'Suspicious redirects', suspicious, ({ result }) => `ends on ${result.suspicious} ${code(result.finalUrl)}`);
  section(lines, 'Archived repositories', archived, () => 'archived');
  if (unverifiable.length > 0) {
    lines.push('<details><summary>Unverifiable (not an error yet)</summary>', '');
    table(lines, unverifiable, ({ result }) => result.reason);
    lines.push('</details>', '');
  }
  if (report.hosts.length > 0) {
    lines.push('<details><summary>Requests per host</summary>', '', '| host | requests | most in flight | waited for the host (s) |', '| --- | --- | --- | --- |');
    for (const host of [...report.hosts].sort((a, b) => b.requests - a.requests)) {
      lines.push(`| ${escape(host.host)} | ${host.requests} | ${host.maxInFlight} | ${(host.backoffMs / 1000).toFixed(1)} |`);
    }
    lines.push('', '</details>', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function section(lines: string[], title: string, links: CheckedLink[], what: (link: CheckedLink) => string): void {
  if (links.length === 0) return;
  lines.push(`## ${title} (${links.length})`, '');
  table(lines, links, what);
}

function table(lines: string[], links: CheckedLink[], what: (link: CheckedLink) => string): void {
  lines.push('| link | where | finding | status | redirects | requests | first seen |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const link of links) {
    const { result, locations } = link;
    const where = locations.map((location) => `${location.file}:${location.line}:${location.column}`).join('<br>');
    const chain = result.redirects.map((hop) => `${hop.status} → ${code(hop.location)}`).join('<br>') || '—';
    const requests = result.cached ? 'cached' : String(result.attempts);
    lines.push(`| ${code(result.url)} | ${escape(where)} | ${escape(what(link))} | ${result.status ?? '—'} | ${chain} | ${requests} | ${result.firstSeen.slice(0, 10)} |`);
  }
  lines.push('');
}

function code(text: string): string {
  return `\`${text.replace(/`/gu, '%60').replace(/\|/gu, '%7C')}\``;
}

function escape(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\r?\n/gu, ' ');
}
