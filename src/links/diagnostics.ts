import type { CellFix, Diagnostic } from '../catalog/diagnostic.js';
import { mergeCellFixes, type UrlEdit } from './fixes.js';
import type { LinkCheckReport, LinkLocation, LinkResult, SuspicionReason } from './types.js';

export const LINK_RULES = {
  'dead-link': 'A link is dead (404, 410, NXDOMAIN, refused connection or redirect loop, confirmed by a second attempt)',
  'unverifiable-link': 'A site would not confirm a link (401/403/429/999, bot protection, timeouts, 5xx); an error once it lasts',
  'permanent-redirect': 'A link permanently redirects; `catalog format --fix-redirects` writes the new address',
  'suspicious-redirect': 'A link redirects to a login page, a home page or another domain',
  'archived-repository': 'A linked GitHub repository is archived',
} as const;

const SUSPICION_TEXT: Record<SuspicionReason, string> = {
  'login-page': 'a login page',
  'home-page': "the site's home page",
  'other-domain': 'another domain',
};

/** The results as diagnostics at each link's place, for the shared reporters (stylish, github, sarif). */
export function linkDiagnostics(report: LinkCheckReport): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fixes = redirectFixesByLocation(report);
  for (const { result, locations } of report.links) {
    for (const location of locations) {
      const at = { file: location.file, range: location.range };
      const diagnostic = resultDiagnostic(result, location, fixes.get(location));
      if (diagnostic) diagnostics.push({ ...diagnostic, ...at });
      if (result.verdict === 'alive' && result.suspicious) {
        diagnostics.push({
          ruleId: 'suspicious-redirect',
          severity: 'warning',
          message: `${result.url} redirects to ${SUSPICION_TEXT[result.suspicious]} (${result.finalUrl}), not to the page linked to`,
          hint: 'Open it in a browser; link to the page itself if it moved, or remove the link if the page is gone',
          ...at,
        });
      }
      if (result.archived) {
        diagnostics.push({
          ruleId: 'archived-repository',
          severity: 'warning',
          message: `${result.finalUrl} is an archived repository (read-only, no longer maintained)`,
          hint: 'Keep it if the method is still worth listing; mention a maintained fork if there is one',
          ...at,
        });
      }
    }
  }
  return diagnostics;
}

function resultDiagnostic(result: LinkResult, location: LinkLocation, fix: CellFix | undefined): Omit<Diagnostic, 'file' | 'range'> | null {
  const evidence = evidenceText(result);
  switch (result.verdict) {
    case 'dead':
      return {
        ruleId: 'dead-link',
        severity: 'error',
        message: `Dead link ${result.url}: ${result.reason}${evidence}`,
        hint: 'Replace it with the new address of the page, an archived copy (web.archive.org), or remove it',
      };
    case 'unverifiable':
      return {
        ruleId: 'unverifiable-link',
        severity: result.escalated ? 'error' : 'warning',
        message: `Could not verify ${result.url}: ${result.reason}${evidence}${streakText(result)}`,
        hint: result.reason.includes('--allow-private')
          ? 'The link points into a private, loopback or link-local network, which a public list should not link to; use a public address (--allow-private lifts the refusal, for tests)'
          : result.escalated
            ? 'It has been unverifiable for too long: open it in a browser, then fix it, or accept its status or skip it in links.hosts of the config'
            : 'Open it in a browser; if it works, nothing to do (it becomes an error only if this lasts)',
      };
    case 'alive':
      if (!result.permanentRedirect) return null;
      return {
        ruleId: 'permanent-redirect',
        severity: 'warning',
        message: `${location.writtenUrl} permanently redirects; update this link to ${result.permanentRedirect}`,
        hint: 'Run `catalog format --fix-redirects` to rewrite it',
        ...(fix ? { fix } : {}),
      };
  }
}

function evidenceText(result: LinkResult): string {
  const parts: string[] = [];
  if (result.redirects.length > 0) parts.push(`after ${result.redirects.map((hop) => `${hop.status} → ${hop.location}`).join(', ')}`);
  if (result.attempts > 1) parts.push(`${result.attempts} requests`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function streakText(result: LinkResult): string {
  if (result.unverifiableRuns <= 1 || result.unverifiableSince === null) return '';
  return `; unverifiable for ${result.unverifiableRuns} runs, since ${result.unverifiableSince.slice(0, 10)}`;
}

/** The merged cell fix for each place that has a permanent redirect. */
function redirectFixesByLocation(report: LinkCheckReport): Map<LinkLocation, CellFix> {
  const edits: (UrlEdit & { location: LinkLocation })[] = [];
  for (const { result, locations } of report.links) {
    if (result.verdict !== 'alive' || !result.permanentRedirect) continue;
    for (const location of locations) {
      if (location.cell && location.urlRange) {
        edits.push({ cell: location.cell, urlRange: location.urlRange, writtenUrl: location.writtenUrl, target: result.permanentRedirect, location });
      }
    }
  }
  const byLocation = new Map<LinkLocation, CellFix>();
  for (const { fix, edits: cellEdits } of mergeCellFixes(edits, (edit) => edit.location.file)) {
    for (const edit of cellEdits) byLocation.set(edit.location, fix);
  }
  return byLocation;
}

/** 1 when a link is dead or an unverifiable one has escalated, else 0 (2 is the CLI's, for usage and internal errors). */
export function linkExitCode(report: LinkCheckReport): 0 | 1 {
  return report.links.some(({ result }) => result.verdict === 'dead' || result.escalated) ? 1 : 0;
}
