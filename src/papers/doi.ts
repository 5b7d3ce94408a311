import { collapse, yearOf, type Lookup, type PaperAuthor, type PaperRecord } from './record.js';
import { endpoint, isFailure, type Quota, type RegistryHttp } from './registry-http.js';

export const DOI_DEFAULT_URL = 'https://doi.org';

/** doi.org's published limit for content negotiation: at most 2 requests a second, one DOI each. */
export const DOI_QUOTA: Quota = { minIntervalMs: 500, idsPerCall: 1 };

const CSL_JSON = 'application/vnd.citationstyles.csl+json';

/**
 * The registration agencies doi.org hands a CSL-JSON request to. A redirect anywhere else goes
 * to the publisher's landing page, which is never requested: the DOI exists, but its agency
 * offers no metadata.
 */
const AGENCY_HOSTS = new Set(['api.crossref.org', 'data.crossref.org', 'data.crosscite.org', 'api.datacite.org', 'data.datacite.org', 'data.medra.org', 'api.medra.org', 'data.jalc.or.jp', 'api.japanlinkcenter.org']);
const MAX_HOPS = 3;

/** Asks doi.org for one DOI's CSL-JSON, following redirects to its registration agency. */
export async function askDoi(doi: string, http: RegistryHttp, baseUrl: string): Promise<Lookup> {
  const start = endpoint(baseUrl, doi.split('/').map(encodeURIComponent).join('/'));
  let url = start;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const response = await http.get(url, { accept: CSL_JSON });
    if (isFailure(response)) return { kind: 'unverifiable', reason: response.failure };
    const { status, headers, body } = response;
    if (status === 404) return { kind: 'missing', reason: `doi.org: DOI ${doi} not found (404)` };
    if (status >= 300 && status < 400) {
      const next = headers['location'] ? new URL(headers['location'], url) : null;
      if (next === null) return { kind: 'unverifiable', reason: `doi.org answered ${status} without a Location` };
      if (next.host !== start.host && !AGENCY_HOSTS.has(next.hostname)) {
        return { kind: 'found', record: { ...EMPTY_RECORD, doi }, cached: false };
      }
      url = next;
      continue;
    }
    if (status !== 200) return { kind: status === 410 ? 'missing' : 'unverifiable', reason: `doi.org answered ${status} for ${doi}` };
    const record = readCsl(body, doi);
    return record ? { kind: 'found', record, cached: false } : { kind: 'unverifiable', reason: `doi.org's answer for ${doi} is not CSL-JSON` };
  }
  return { kind: 'unverifiable', reason: `doi.org: more than ${MAX_HOPS} redirects for ${doi}` };
}

const EMPTY_RECORD: PaperRecord = { title: null, abstract: null, authors: [], date: null, year: null, venue: null, venueKind: null, doi: null, comment: null };

interface CslItem {
  type?: unknown;
  title?: unknown;
  'container-title'?: unknown;
  event?: unknown;
  issued?: { 'date-parts'?: unknown };
  author?: unknown;
  DOI?: unknown;
}

/** The fields of a CSL-JSON item (Crossref and DataCite write some strings as one-element arrays). */
export function readCsl(body: string, doi: string): PaperRecord | null {
  let item: CslItem;
  try {
    item = JSON.parse(body) as CslItem;
  } catch {
    return null;
  }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const date = cslDate(item.issued?.['date-parts']);
  const container = cslText(item['container-title']);
  const event = typeof item.event === 'object' && item.event !== null ? cslText((item.event as { name?: unknown }).name) : cslText(item.event);
  const type = cslText(item.type);
  return {
    title: cslText(item.title) || null,
    abstract: null,
    authors: Array.isArray(item.author) ? item.author.flatMap(cslAuthor) : [],
    date,
    year: yearOf(date),
    venue: container || event || null,
    venueKind: type === 'article-journal' ? 'journal' : type === 'paper-conference' ? 'proceedings' : null,
    doi: (cslText(item.DOI) || doi).toLowerCase(),
    comment: null,
  };
}

function cslText(value: unknown): string {
  if (typeof value === 'string') return collapse(value);
  if (Array.isArray(value) && typeof value[0] === 'string') return collapse(value[0]);
  return '';
}

function cslDate(parts: unknown): string | null {
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : [];
  const numbers = first.map(Number).filter((part) => Number.isInteger(part) && part > 0);
  if (numbers.length === 0 || numbers[0]! < 1000) return null;
  return numbers
    .slice(0, 3)
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');
}

function cslAuthor(raw: unknown): PaperAuthor[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const { family, given, literal } = raw as { family?: unknown; given?: unknown; literal?: unknown };
  if (typeof family === 'string' && family.trim() !== '') return [typeof given === 'string' && given.trim() !== '' ? { family: collapse(family), given: collapse(given) } : { family: collapse(family) }];
  return typeof literal === 'string' && literal.trim() !== '' ? [{ family: collapse(literal) }] : [];
}
