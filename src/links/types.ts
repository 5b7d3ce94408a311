import type { Range } from '../catalog/model.js';

/** `alive`: reachable. `dead`: confirmed gone. `unverifiable`: the site would not tell us. */
export type Verdict = 'alive' | 'dead' | 'unverifiable';

/** A table cell: its indexes (as in `CellFix`), its source and where that source starts. */
export interface CellPlace {
  table: number;
  /** Index within the table's body rows. */
  row: number;
  column: number;
  source: string;
  /** Document offset of the first character of `source`. */
  offset: number;
}

/** Where a URL appears: in a table cell, or (with `--all`) in prose. */
export interface LinkLocation {
  file: string;
  line: number;
  column: number;
  /** Range of the whole link syntax. */
  range: Range;
  /** Range of the URL itself, when known. */
  urlRange: Range | null;
  /** The URL exactly as written (before the fragment was dropped for checking). */
  writtenUrl: string;
  /** The cell holding the link, or null for a link in prose. */
  cell: CellPlace | null;
}

/** One hop of a redirect chain. */
export interface RedirectHop {
  url: string;
  status: number;
  /** Where the response pointed to (absolute). */
  location: string;
}

export type SuspicionReason = 'login-page' | 'home-page' | 'other-domain';

/**
 * What checking one URL found out: the one result shape that the check, the cache entry, the
 * report's result and its JSON form all derive from.
 */
export interface LinkFindings {
  verdict: Verdict;
  /** Final HTTP status, or null when no response came (DNS, refused, timeout). */
  status: number | null;
  /** What decided the verdict, e.g. "404 Not Found", "ENOTFOUND", "cf-mitigated: challenge". */
  reason: string;
  redirects: RedirectHop[];
  finalUrl: string;
  /** The URL to write instead, when every hop to it was permanent (301/308 or http→https). */
  permanentRedirect: string | null;
  /** A redirect that ended somewhere that does not look like the page linked to. */
  suspicious: SuspicionReason | null;
  /** For github.com repositories checked through the API. */
  archived: boolean;
}

/** The findings alone, without whatever else `source` carries (e.g. before it goes to the cache file). */
export function findingsOf(source: LinkFindings): LinkFindings {
  const { verdict, status, reason, redirects, finalUrl, permanentRedirect, suspicious, archived } = source;
  return { verdict, status, reason, redirects, finalUrl, permanentRedirect, suspicious, archived };
}

/** How a URL fared over the runs (kept in the cache). */
export interface LinkHistory {
  /** ISO time the URL was first seen by the checker. */
  firstSeen: string;
  /** Consecutive runs it has been unverifiable, this one included (0 otherwise). */
  unverifiableRuns: number;
  /** ISO time since when it has been unverifiable, or null. */
  unverifiableSince: string | null;
}

/** What one check of a URL cost. */
export interface CheckCost {
  /** Requests made for this URL in this run (0 when the result came from the cache). */
  attempts: number;
  /** Body bytes read while checking it. */
  bytesRead: number;
}

export interface LinkResult extends LinkFindings, LinkHistory, CheckCost {
  url: string;
  /** The result came from the cache (an alive result not yet expired). */
  cached: boolean;
  /** Unverifiable for too long (K runs or D days): reported as an error. */
  escalated: boolean;
}

export interface CheckedLink {
  result: LinkResult;
  locations: LinkLocation[];
}

export interface HostStats {
  host: string;
  requests: number;
  maxInFlight: number;
  /** Milliseconds spent waiting because the host asked us to slow down. */
  backoffMs: number;
}

export interface LinkCheckReport {
  links: CheckedLink[];
  /** URLs not checked because a skip pattern or a skipped host matched them. */
  skipped: { url: string; locations: LinkLocation[] }[];
  hosts: HostStats[];
  /** Problems that did not stop the check, e.g. a corrupt or foreign cache file that was ignored. */
  warnings: string[];
  startedAt: string;
  durationMs: number;
}
