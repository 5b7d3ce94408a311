import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { arxivId } from '../rules/url-identity.js';
import { collapse, splitName, yearOf, type Answers, type Lookup, type PaperRecord } from './record.js';
import { endpoint, isFailure, type Quota, type RegistryHttp } from './registry-http.js';

export const ARXIV_DEFAULT_URL = 'https://export.arxiv.org/api';

/** arXiv's API terms: no more than one request every three seconds, at most 100 ids a call here. */
export const ARXIV_QUOTA: Quota = { minIntervalMs: 3000, idsPerCall: 100 };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'link',
});

interface AtomEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  author?: { name?: unknown }[];
  journal_ref?: unknown;
  doi?: unknown;
  comment?: unknown;
}

/** Asks arXiv about `ids` (without versions) in calls of at most 100; every id gets an answer. */
export async function askArxiv(ids: readonly string[], http: RegistryHttp, baseUrl: string): Promise<Answers> {
  const answers: Answers = new Map();
  for (let start = 0; start < ids.length; start += ARXIV_QUOTA.idsPerCall) {
    const batch = ids.slice(start, start + ARXIV_QUOTA.idsPerCall);
    const url = endpoint(baseUrl, 'query');
    url.searchParams.set('id_list', batch.join(','));
    url.searchParams.set('max_results', String(batch.length));
    const response = await http.get(url, { accept: 'application/atom+xml' });
    const feed = isFailure(response)
      ? { failure: response.failure }
      : response.status === 200
        ? readFeed(response.body)
        : { failure: `arXiv API answered ${response.status}` };
    for (const id of batch) answers.set(`arxiv:${id}`, 'failure' in feed ? { kind: 'unverifiable', reason: feed.failure } : answerFor(id, feed));
  }
  return answers;
}

interface Feed {
  records: Map<string, PaperRecord>;
  /** Ids arXiv's error entries name ("incorrect id format for 1234.5678"). */
  errors: Map<string, string>;
}

/** A well-formed Atom feed's entries by id; anything else (an empty body, HTML, "Rate exceeded.") is a failure. */
export function readFeed(body: string): Feed | { failure: string } {
  const notAFeed = { failure: `arXiv API answered with something that is not an Atom feed (${describeBody(body)})` };
  if (!body.trim().startsWith('<') || XMLValidator.validate(body) !== true) return notAFeed;
  const parsed = parser.parse(body) as { feed?: { entry?: AtomEntry[] } | string };
  if (typeof parsed.feed !== 'object' || parsed.feed === null) return notAFeed;
  const records = new Map<string, PaperRecord>();
  const errors = new Map<string, string>();
  for (const entry of parsed.feed.entry ?? []) {
    const idUrl = text(entry.id);
    if (/\/api\/errors#/u.test(idUrl)) {
      const summary = text(entry.summary);
      const named = /for (\S+)$/u.exec(summary)?.[1];
      if (named) errors.set(named.replace(/v\d+$/u, '').toLowerCase(), summary);
      continue;
    }
    const id = arxivId(idUrl);
    if (id) records.set(id, toRecord(entry));
  }
  return { records, errors };
}

function answerFor(id: string, feed: Feed): Lookup {
  const record = feed.records.get(id);
  if (record) return { kind: 'found', record, cached: false };
  const error = feed.errors.get(id);
  return { kind: 'missing', reason: error ? `arXiv API: ${error}` : `arXiv API has no entry for ${id}` };
}

function toRecord(entry: AtomEntry): PaperRecord {
  const published = text(entry.published).slice(0, 10) || null;
  const journalRef = text(entry.journal_ref) || null;
  return {
    title: text(entry.title) || null,
    abstract: text(entry.summary) || null,
    authors: (entry.author ?? []).map((author) => splitName(text(author.name))).filter((author) => author.family !== ''),
    date: published,
    year: yearOf(published),
    venue: journalRef,
    venueKind: null,
    doi: text(entry.doi).toLowerCase() || null,
    comment: text(entry.comment) || null,
  };
}

/** An element's text: a string, or the `#text` of an element with attributes. */
function text(value: unknown): string {
  if (typeof value === 'string') return collapse(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return text((value as { '#text': unknown })['#text']);
  return '';
}

function describeBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return 'an empty body';
  if (/^<!doctype html|^<html/iu.test(trimmed)) return 'an HTML page';
  return `"${collapse(trimmed).slice(0, 60)}"`;
}
