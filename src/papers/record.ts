import type { PaperId } from './identifiers.js';

export interface PaperAuthor {
  family: string;
  given?: string;
}

/** What a registry says of one paper: the fields the rules and the citations use. */
export interface PaperRecord {
  title: string | null;
  /** arXiv's summary; other registries give none. */
  abstract: string | null;
  authors: PaperAuthor[];
  /** arXiv: the first version's date; DOI: `issued`. `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when not given. */
  date: string | null;
  /** The year of `date`, or of the venue when the registry gives only that (OpenReview's "ICLR 2020"). */
  year: number | null;
  /** arXiv's journal reference, a DOI's container title or event, OpenReview's venue. */
  venue: string | null;
  venueKind: 'journal' | 'proceedings' | null;
  /** The DOI arXiv links to the paper (its published version), or the DOI itself. */
  doi: string | null;
  /** arXiv's comment (where a withdrawal is said). */
  comment: string | null;
}

/** A published version of a preprint, as DBLP lists it. */
export interface PublishedVersion {
  title: string;
  venue: string;
  year: number | null;
  doi: string | null;
  /** The DBLP record's page. */
  url: string | null;
}

/**
 * How a registry answered for an identifier. `missing` only when it said the identifier does
 * not exist; anything else that is not an answer (a refusal, a page that is not the API's
 * format, a registry that is down) is `unverifiable`.
 */
export type Lookup =
  | { kind: 'found'; record: PaperRecord; cached: boolean }
  | { kind: 'missing'; reason: string }
  | { kind: 'unverifiable'; reason: string };

/** One registry's answers: by `PaperId.key`; an id left out is unverifiable. */
export type Answers = Map<string, Lookup>;

export type { PaperId };

/** The year of an ISO-like date (`2019-10-03`, `2019`). */
export function yearOf(date: string | null): number | null {
  const match = date ? /^(\d{4})/u.exec(date) : null;
  return match ? Number(match[1]) : null;
}

/** "Yanping Huang" → family Huang, given Yanping (registries that give a name as one string). */
export function splitName(name: string): PaperAuthor {
  const parts = name.trim().split(/\s+/u);
  const family = parts.pop() ?? '';
  return parts.length > 0 ? { family, given: parts.join(' ') } : { family };
}

/** Whitespace runs (arXiv wraps its titles and summaries) as one space. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
