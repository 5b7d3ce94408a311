import type { CitationColumns, CitationMetadata } from './bibtex.js';
import { citationKey } from './bibtex.js';
import type { ExportedEntry } from './catalog-json.js';

/** One item of CSL-JSON (the format citeproc, Zotero and pandoc read). */
export interface CslItem {
  id: string;
  type: 'paper-conference' | 'article-journal' | 'article';
  title: string;
  author?: { family: string; given?: string }[];
  'container-title'?: string;
  issued?: { 'date-parts': [[number]] };
  DOI?: string;
  URL?: string;
  /** arXiv's id as CSL writes it for a preprint. */
  number?: string;
  publisher?: string;
  note?: string;
}

/** The CSL-JSON item for a catalog entry: the same facts, and the same fall-backs, as its BibTeX record. */
export function cslItem(entry: ExportedEntry, columns: CitationColumns, metadata: CitationMetadata = {}, id = citationKey(entry, columns)): CslItem {
  const name = entry.fields[columns.name]?.text.trim() ?? '';
  const yearText = columns.year ? entry.fields[columns.year]?.text.trim() : undefined;
  const year = metadata.year ?? (yearText && /^\d{4}$/u.test(yearText) ? Number(yearText) : undefined);
  const paper = columns.paper ? entry.fields[columns.paper]?.links[0] : undefined;
  const item: CslItem = {
    id,
    type: metadata.venue && metadata.venueKind === 'journal' ? 'article-journal' : metadata.venue && metadata.venueKind === 'proceedings' ? 'paper-conference' : 'article',
    title: metadata.title ?? name,
  };
  if (metadata.authors && metadata.authors.length > 0) item.author = metadata.authors.map((author) => (author.given ? { family: author.family, given: author.given } : { family: author.family }));
  if (metadata.venue) item['container-title'] = metadata.venue;
  else if (paper && paper.text !== paper.url && !metadata.arxivId) item.note = paper.text;
  if (year !== undefined) item.issued = { 'date-parts': [[year]] };
  if (metadata.doi) item.DOI = metadata.doi;
  if (metadata.arxivId) {
    item.number = `arXiv:${metadata.arxivId}`;
    if (!metadata.venue) item.publisher = 'arXiv';
  }
  const url = metadata.url ?? paper?.url;
  if (url) item.URL = url;
  return item;
}
