import type { LinkCheckReport, RedirectHop, SuspicionReason, Verdict } from '../links/types.js';

export interface LinkJsonEntry {
  url: string;
  verdict: Verdict;
  status: number | null;
  reason: string;
  redirects: RedirectHop[];
  finalUrl: string;
  permanentRedirect: string | null;
  suspicious: SuspicionReason | null;
  archived: boolean;
  escalated: boolean;
  attempts: number;
  cached: boolean;
  firstSeen: string;
  unverifiableRuns: number;
  locations: { file: string; line: number; column: number }[];
}

export interface LinkJsonReport {
  summary: { total: number; alive: number; dead: number; unverifiable: number; escalated: number; permanentRedirects: number; skipped: number; durationMs: number };
  urls: LinkJsonEntry[];
  skipped: { url: string; locations: { file: string; line: number; column: number }[] }[];
  hosts: LinkCheckReport['hosts'];
  warnings: string[];
}

/** `catalog links --format json`: one entry per URL, with its evidence and every place it appears. */
export function linkReportJson(report: LinkCheckReport): LinkJsonReport {
  const place = ({ file, line, column }: { file: string; line: number; column: number }) => ({ file, line, column });
  const urls = report.links.map(({ result, locations }) => ({
    url: result.url,
    verdict: result.verdict,
    status: result.status,
    reason: result.reason,
    redirects: result.redirects,
    finalUrl: result.finalUrl,
    permanentRedirect: result.permanentRedirect,
    suspicious: result.suspicious,
    archived: result.archived,
    escalated: result.escalated,
    attempts: result.attempts,
    cached: result.cached,
    firstSeen: result.firstSeen,
    unverifiableRuns: result.unverifiableRuns,
    locations: locations.map(place),
  }));
  const count = (verdict: Verdict) => urls.filter((entry) => entry.verdict === verdict).length;
  return {
    summary: {
      total: urls.length,
      alive: count('alive'),
      dead: count('dead'),
      unverifiable: count('unverifiable'),
      escalated: urls.filter((entry) => entry.escalated).length,
      permanentRedirects: urls.filter((entry) => entry.permanentRedirect !== null).length,
      skipped: report.skipped.length,
      durationMs: report.durationMs,
    },
    urls,
    skipped: report.skipped.map(({ url, locations }) => ({ url, locations: locations.map(place) })),
    hosts: report.hosts,
    warnings: report.warnings,
  };
}
