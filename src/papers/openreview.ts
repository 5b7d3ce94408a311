import { collapse, splitName, type Lookup, type PaperRecord } from './record.js';
import { endpoint, isFailure, type Quota, type RegistryHttp } from './registry-http.js';

export const OPENREVIEW_DEFAULT_URL = 'https://api2.openreview.net';

/** OpenReview's API: at most one request a second here, one note each. */
export const OPENREVIEW_QUOTA: Quota = { minIntervalMs: 1000, idsPerCall: 1 };

interface Note {
  id?: unknown;
  content?: Record<string, { value?: unknown } | undefined>;
}

/** Asks OpenReview's API v2 for one note: `notes[0].content`, an empty list when it does not exist. */
export async function askOpenReview(id: string, http: RegistryHttp, baseUrl: string): Promise<Lookup> {
  const url = endpoint(baseUrl, 'notes');
  url.searchParams.set('id', id);
  const response = await http.get(url, { accept: 'application/json' });
  if (isFailure(response)) return { kind: 'unverifiable', reason: response.failure };
  if (response.status === 404) return { kind: 'missing', reason: `OpenReview API: no note ${id} (404)` };
  if (response.status !== 200) return { kind: 'unverifiable', reason: `OpenReview API answered ${response.status} for ${id}` };
  let notes: unknown;
  try {
    notes = (JSON.parse(response.body) as { notes?: unknown }).notes;
  } catch {
    return { kind: 'unverifiable', reason: `OpenReview API's answer for ${id} is not JSON` };
  }
  if (!Array.isArray(notes)) return { kind: 'unverifiable', reason: `OpenReview API's answer for ${id} has no notes list` };
  if (notes.length === 0) return { kind: 'missing', reason: `OpenReview API: no note ${id}` };
  return { kind: 'found', record: toRecord(notes[0] as Note), cached: false };
}

function toRecord(note: Note): PaperRecord {
  const value = (field: string): unknown => note.content?.[field]?.value;
  const string = (field: string): string => {
    const raw = value(field);
    return typeof raw === 'string' ? collapse(raw) : '';
  };
  const venue = string('venue') || null;
  const authors = value('authors');
  const year = venue ? /\b(19|20)\d{2}\b/u.exec(venue)?.[0] : undefined;
  return {
    title: string('title') || null,
    abstract: string('abstract') || null,
    authors: Array.isArray(authors) ? authors.filter((name): name is string => typeof name === 'string').map(splitName) : [],
    date: null,
    year: year ? Number(year) : null,
    venue,
    venueKind: venue ? 'proceedings' : null,
    doi: null,
    comment: null,
  };
}
