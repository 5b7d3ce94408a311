import { collapse, type PublishedVersion } from './record.js';
import { endpoint, isFailure, type Quota, type RegistryHttp } from './registry-http.js';

export const DBLP_DEFAULT_URL = 'https://dblp.org';

/** DBLP asks for at least 2 s between requests to its search API. */
export const DBLP_QUOTA: Quota = { minIntervalMs: 2000, idsPerCall: 1 };

interface DblpInfo {
  title?: unknown;
  venue?: unknown;
  year?: unknown;
  type?: unknown;
  doi?: unknown;
  url?: unknown;
}

/** DBLP's listing of preprints (CoRR) is not a published version. */
const NOT_PUBLISHED = new Set(['Informal and Other Publications', 'Informal Publications']);

/**
 * The published version of a paper, searched by its title: a hit whose title equals it after
 * normalization and that is not a CoRR preprint; null when there is none; a string when DBLP
 * could not be asked.
 */
export async function findPublished(title: string, http: RegistryHttp, baseUrl: string): Promise<PublishedVersion | null | { failure: string }> {
  const url = endpoint(baseUrl, 'search/publ/api');
  url.searchParams.set('q', title);
  url.searchParams.set('format', 'json');
  url.searchParams.set('h', '10');
  const response = await http.get(url, { accept: 'application/json' });
  if (isFailure(response)) return response;
  if (response.status !== 200) return { failure: `DBLP answered ${response.status}` };
  let hits: unknown;
  try {
    hits = (JSON.parse(response.body) as { result?: { hits?: { hit?: unknown } } }).result?.hits?.hit ?? [];
  } catch {
    return { failure: "DBLP's answer is not JSON" };
  }
  const wanted = normalizedTitle(title);
  for (const hit of Array.isArray(hits) ? hits : [hits]) {
    const info = (hit as { info?: DblpInfo } | null)?.info;
    if (!info || normalizedTitle(string(info.title)) !== wanted) continue;
    const venue = string(info.venue);
    if (NOT_PUBLISHED.has(string(info.type)) || venue === 'CoRR' || venue === '') continue;
    const year = Number(string(info.year));
    return { title: string(info.title), venue, year: Number.isInteger(year) && year > 0 ? year : null, doi: string(info.doi).toLowerCase() || null, url: string(info.url) || null };
  }
  return null;
}

/** Case, punctuation and whitespace folded away (DBLP ends its titles with a period). */
export function normalizedTitle(title: string): string {
  return title.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function string(value: unknown): string {
  if (typeof value === 'string') return collapse(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return string(value[0]);
  return '';
}
