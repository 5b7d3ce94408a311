import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../format/atomic-write.js';
import { plainHttpUrl } from './replacement-url.js';
import { findingsOf, type LinkFindings, type LinkHistory, type RedirectHop } from './types.js';

export const CACHE_FORMAT = 'catalog-links-cache';
export const CACHE_VERSION = 1;
const DAY_MS = 86_400_000;
/** Entries of URLs not seen for this long are dropped, so the file does not grow forever. */
const FORGET_AFTER_MS = 90 * DAY_MS;

/** The last result for one URL, and what the next runs need to know about it. */
export interface CacheEntry extends LinkFindings, LinkHistory {
  /** ISO time of the last check (not of the last cache read). */
  checkedAt: string;
  /** ISO time until which an alive result is trusted without a request; null for other verdicts (never final). */
  aliveUntil: string | null;
}

export interface CacheFile {
  format: typeof CACHE_FORMAT;
  version: typeof CACHE_VERSION;
  entries: Record<string, CacheEntry>;
  /** The paper registries' answers (src/papers/paper-cache.ts reads and checks them). */
  papers?: unknown;
}

export function emptyCache(): CacheFile {
  return { format: CACHE_FORMAT, version: CACHE_VERSION, entries: {} };
}

/** The cache as read, and whether a run may replace the file with its own results. */
export interface LoadedCache {
  cache: CacheFile;
  warning: string | null;
  /** false for a file that is not a cache this tool wrote (never replaced: it may be anything, the catalog included). */
  replaceable: boolean;
}

/**
 * Reads the cache. A missing file is an empty cache; a corrupt or foreign one, or something else
 * than a regular file, is an empty cache and a warning, never a failure (the cache only saves
 * time), and is left as it is. Entries dated after `now` are dropped: a clock set wrong, or a
 * planted entry, must not make a link trusted for ever.
 */
export function loadCache(path: string, now = new Date()): LoadedCache {
  const ignored = (why: string): LoadedCache => ({
    cache: emptyCache(),
    warning: `${path}: ${why}; ignored and left as it is, checking every link (delete it, or name another cache file, to keep a cache)`,
    replaceable: false,
  });
  let text: string;
  try {
    if (!statSync(path).isFile()) return ignored('not a regular file');
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { cache: emptyCache(), warning: null, replaceable: true };
    return ignored(`cannot read the link cache (${code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return ignored('not valid JSON, so not a link cache of this tool');
  }
  if (!isCacheFile(raw)) return ignored(`not a link cache of this tool (expected format "${CACHE_FORMAT}" version ${CACHE_VERSION})`);
  // No prototype: a URL such as `__proto__` is a key like any other.
  const entries: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>;
  let dropped = 0;
  for (const [url, entry] of Object.entries(raw.entries)) {
    if (isEntry(entry) && !isDatedAfter(entry, now)) entries[url] = entry;
    else dropped++;
  }
  const warning = dropped === 0 ? null : `${path}: dropped ${dropped} invalid ${dropped === 1 ? 'entry' : 'entries'} of the link cache; ${dropped === 1 ? 'its link is' : 'their links are'} checked again`;
  return { cache: { ...raw, entries }, warning, replaceable: true };
}

/** An entry checked, or first seen, after `now`. */
function isDatedAfter(entry: CacheEntry, now: Date): boolean {
  return [entry.checkedAt, entry.firstSeen, entry.unverifiableSince].some((time) => time !== null && Date.parse(time) > now.getTime());
}

/** Writes the cache atomically, dropping entries not checked for a long time. */
export function saveCache(path: string, cache: CacheFile, now: Date): void {
  const entries: Record<string, CacheEntry> = {};
  for (const [url, entry] of Object.entries(cache.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (now.getTime() - Date.parse(entry.checkedAt) <= FORGET_AFTER_MS) entries[url] = entry;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomically(path, `${JSON.stringify({ ...cache, entries }, null, 2)}\n`);
}

/** An alive result still trusted at `now`: until its `aliveUntil`, and never more than `aliveDays` after it was checked. */
export function isFreshAlive(entry: CacheEntry | undefined, now: Date, aliveDays: number): entry is CacheEntry {
  if (entry?.verdict !== 'alive' || entry.aliveUntil === null) return false;
  const until = Math.min(Date.parse(entry.aliveUntil), Date.parse(entry.checkedAt) + aliveDays * DAY_MS);
  return until > now.getTime();
}

export interface Freshness {
  aliveDays: number;
  random: () => number;
}

/**
 * The entry after a check. An alive result is kept for between half and all of `aliveDays`
 * (drawn at random), so the cached links expire on different runs and each run re-checks a
 * slice. The unverifiable streak counts consecutive runs and remembers when it began.
 */
export function nextEntry(previous: CacheEntry | undefined, result: LinkFindings, now: Date, freshness: Freshness): CacheEntry {
  const iso = now.toISOString();
  const unverifiable = result.verdict === 'unverifiable';
  const keepMs = freshness.aliveDays * DAY_MS * (0.5 + 0.5 * freshness.random());
  const streakSince = unverifiable ? (previous?.unverifiableSince ?? iso) : null;
  // At most one run a day counts towards escalation: a maintainer re-running the check by
  // hand, or a machine offline for an afternoon, must not turn a site's refusal into an error.
  const streakDays = streakSince === null ? 0 : Math.floor((now.getTime() - Date.parse(streakSince)) / DAY_MS);
  return {
    ...findingsOf(result),
    checkedAt: iso,
    aliveUntil: result.verdict === 'alive' ? new Date(now.getTime() + keepMs).toISOString() : null,
    firstSeen: previous?.firstSeen ?? iso,
    unverifiableRuns: unverifiable ? Math.min((previous?.unverifiableRuns ?? 0) + 1, 1 + streakDays) : 0,
    unverifiableSince: streakSince,
  };
}

export interface Escalation {
  escalateAfterRuns: number;
  escalateAfterDays: number;
}

/** An unverifiable link becomes an error after K consecutive runs (at most one a day) or D days. */
export function isEscalated(entry: CacheEntry, now: Date, escalation: Escalation): boolean {
  if (entry.verdict !== 'unverifiable' || entry.unverifiableSince === null) return false;
  const days = (now.getTime() - Date.parse(entry.unverifiableSince)) / DAY_MS;
  return entry.unverifiableRuns >= escalation.escalateAfterRuns || days >= escalation.escalateAfterDays;
}

function isCacheFile(raw: unknown): raw is CacheFile {
  if (typeof raw !== 'object' || raw === null) return false;
  const file = raw as Partial<CacheFile>;
  return file.format === CACHE_FORMAT && file.version === CACHE_VERSION && typeof file.entries === 'object' && file.entries !== null && !Array.isArray(file.entries);
}

/** Every field of an entry, checked: a hand-edited or damaged entry must not reach the report or a fix. */
function isEntry(raw: unknown): raw is CacheEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const entry = raw as Record<keyof CacheEntry, unknown>;
  return (
    (entry.verdict === 'alive' || entry.verdict === 'dead' || entry.verdict === 'unverifiable') &&
    (entry.status === null || isCount(entry.status)) &&
    typeof entry.reason === 'string' &&
    Array.isArray(entry.redirects) &&
    entry.redirects.every(isHop) &&
    typeof entry.finalUrl === 'string' &&
    (entry.permanentRedirect === null || (typeof entry.permanentRedirect === 'string' && plainHttpUrl(entry.permanentRedirect) === entry.permanentRedirect)) &&
    (entry.suspicious === null || entry.suspicious === 'login-page' || entry.suspicious === 'home-page' || entry.suspicious === 'other-domain') &&
    typeof entry.archived === 'boolean' &&
    isIsoTime(entry.checkedAt) &&
    (entry.aliveUntil === null || isIsoTime(entry.aliveUntil)) &&
    isIsoTime(entry.firstSeen) &&
    isCount(entry.unverifiableRuns) &&
    (entry.unverifiableSince === null || isIsoTime(entry.unverifiableSince))
  );
}

function isHop(raw: unknown): raw is RedirectHop {
  if (typeof raw !== 'object' || raw === null) return false;
  const hop = raw as Record<keyof RedirectHop, unknown>;
  return typeof hop.url === 'string' && isCount(hop.status) && typeof hop.location === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/u;

/** A time as `Date.prototype.toISOString` writes it (any offset, any fraction), and a real one. */
function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
