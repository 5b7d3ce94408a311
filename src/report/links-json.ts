import { findingsOf, type LinkCheckReport, type LinkResult, type Verdict } from '../links/types.js';

interface Place {
  file: string;
  line: number;
  column: number;
}

export interface LinkJsonEntry extends Omit<LinkResult, 'bytesRead' | 'unverifiableSince'> {
  locations: Place[];
}

export interface LinkJsonReport {
  summary: { total: number; alive: number; dead: number; unverifiable: number; escalated: number; permanentRedirects: number; skipped: number; durationMs: number };
  urls: LinkJsonEntry[];
  skipped: { url: string; locations: Place[] }[];
  hosts: LinkCheckReport['hosts'];
  warnings: string[];
}

/** `catalog links --format json`: one entry per URL, with its evidence and every place it appears. */
export function linkReportJson(report: LinkCheckReport): LinkJsonReport {
  const place = ({ file, line, column }: Place): Place => ({ file, line, column });
  const urls = report.links.map(
    ({ result, locations }): LinkJsonEntry => ({
      url: result.url,
      ...findingsOf(result),
      escalated: result.escalated,
      attempts: result.attempts,
      cached: result.cached,
      firstSeen: result.firstSeen,
      unverifiableRuns: result.unverifiableRuns,
      locations: locations.map(place),
    }),
  );
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
