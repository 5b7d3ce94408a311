import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../format/atomic-write.js';
import { loadCache, type LoadedCache } from '../links/cache.js';
import type { PaperRecord, PublishedVersion } from './record.js';

const DAY_MS = 86_400_000;
/** A registry's metadata is trusted this long; a failure is never kept. */
export const PAPER_FRESH_DAYS = 30;

/**
 * Registry answers, kept in the link cache file under `papers`: what each registry said of an
 * identifier that exists, and what DBLP said of a preprint's title. A "does not exist" and a
 * failure are never kept, so both are asked again next run.
 */
export interface PaperCache {
  records: Record<string, { fetchedAt: string; record: PaperRecord }>;
  /** By arXiv key: the published version DBLP lists, or null when it lists none. */
  published: Record<string, { fetchedAt: string; version: PublishedVersion | null }>;
}

export function emptyPaperCache(): PaperCache {
  return { records: {}, published: {} };
}

/** The `papers` field of a link cache; entries that are not well formed are dropped. */
export function readPaperCache(raw: unknown, now = new Date()): PaperCache {
  const cache = emptyPaperCache();
  if (typeof raw !== 'object' || raw === null) return cache;
  const { records, published } = raw as Partial<Record<keyof PaperCache, unknown>>;
  for (const [key, entry] of entriesOf(records)) {
    if (isTime(entry.fetchedAt, now) && isRecord(entry.record)) cache.records[key] = { fetchedAt: entry.fetchedAt, record: entry.record };
  }
  for (const [key, entry] of entriesOf(published)) {
    if (isTime(entry.fetchedAt, now) && (entry.version === null || isVersion(entry.version))) cache.published[key] = { fetchedAt: entry.fetchedAt, version: entry.version };
  }
  return cache;
}

/** Reads the paper answers of a link cache file (a missing, unreadable or foreign file has none). */
export function loadPaperCache(path: string, now = new Date()): PaperCache {
  return readPaperCache(linkCacheOf(path, now).cache.papers, now);
}

/**
 * Writes the paper answers into the link cache file, keeping its links. A file that is not a
 * cache this tool wrote is never replaced (it may be anything, the catalog included). Returns
 * why nothing was written, or null; a write error (a full disk, a read-only folder) is thrown.
 */
export function savePaperCache(path: string, papers: PaperCache, now: Date): string | null {
  const { cache, replaceable, warning } = linkCacheOf(path, now);
  if (!replaceable) return warning;
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomically(path, `${JSON.stringify({ ...cache, papers: withoutStale(papers, now) }, null, 2)}\n`);
  return null;
}

function linkCacheOf(path: string, now: Date): LoadedCache & { cache: { papers?: unknown } } {
  return loadCache(path, now);
}

/** Drops what is too old to be used again, so the file does not grow forever. */
export function withoutStale(papers: PaperCache, now: Date): PaperCache {
  const fresh = <T extends { fetchedAt: string }>(entries: Record<string, T>) =>
    Object.fromEntries(Object.entries(entries).filter(([, entry]) => isFresh(entry.fetchedAt, now)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { records: fresh(papers.records), published: fresh(papers.published) };
}

export function isFresh(fetchedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(fetchedAt) < PAPER_FRESH_DAYS * DAY_MS;
}

function entriesOf(raw: unknown): [string, Record<string, unknown>][] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw).filter((pair): pair is [string, Record<string, unknown>] => typeof pair[1] === 'object' && pair[1] !== null);
}

/** A time no later than `now`: an answer dated in the future (a clock set wrong, a planted entry) is not trusted. */
function isTime(value: unknown, now: Date): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && Date.parse(value) <= now.getTime();
}

const nullableString = (value: unknown) => value === null || typeof value === 'string';

function isRecord(raw: unknown): raw is PaperRecord {
  if (typeof raw !== 'object' || raw === null) return false;
  const record = raw as Record<keyof PaperRecord, unknown>;
  return (
    nullableString(record.title) &&
    nullableString(record.abstract) &&
    Array.isArray(record.authors) &&
    record.authors.every((author) => typeof author === 'object' && author !== null && typeof (author as { family?: unknown }).family === 'string') &&
    nullableString(record.date) &&
    isYear(record.year) &&
    nullableString(record.venue) &&
    (record.venueKind === null || record.venueKind === 'journal' || record.venueKind === 'proceedings') &&
    nullableString(record.doi) &&
    nullableString(record.comment)
  );
}

/** A year as the registries give one (four digits), or null: a planted `-5` or `1e21` must not reach a label. */
function isYear(value: unknown): value is number | null {
  return value === null || (Number.isInteger(value) && (value as number) >= 1000 && (value as number) <= 9999);
}

function isVersion(raw: unknown): raw is PublishedVersion {
  if (typeof raw !== 'object' || raw === null) return false;
  const version = raw as Record<keyof PublishedVersion, unknown>;
  return typeof version.title === 'string' && typeof version.venue === 'string' && isYear(version.year) && nullableString(version.doi) && nullableString(version.url);
}
