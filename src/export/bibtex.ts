import type { ExportedEntry } from './catalog-json.js';

/**
 * What a citation knows about one paper from its registry (arXiv, doi.org, OpenReview). Every
 * field is optional: the record falls back to the row's own cells for whatever is missing.
 */
export interface CitationMetadata {
  title?: string;
  authors?: CitationAuthor[];
  /** Journal or proceedings name, or a free-form journal reference (arXiv's `journal_ref`). */
  venue?: string;
  /** Whether `venue` names a journal or a conference's proceedings; a preprint has neither. */
  venueKind?: 'journal' | 'proceedings';
  year?: number;
  doi?: string;
  /** An arXiv identifier without its version, such as `1811.06965` or `cs/0601001`. */
  arxivId?: string;
  url?: string;
}

export interface CitationAuthor {
  family: string;
  given?: string;
}

/** Which columns of the entry's section hold its name, its year and its paper links. */
export interface CitationColumns {
  name: string;
  year?: string;
  paper?: string;
}

export interface BibtexOptions {
  /** The record's key; `citationKey(entry, columns)` when left out. */
  key?: string;
}

/**
 * One BibTeX record for a catalog entry: the registry's metadata where there is some, the row's
 * cells (name, Year, the first paper link and its label) where there is none. The result ends
 * with a newline; records joined with a blank line make a `.bib` file.
 */
export function bibtexRecord(
  entry: ExportedEntry,
  columns: CitationColumns,
  metadata: CitationMetadata = {},
  options: BibtexOptions = {},
): string {
  const row = rowFacts(entry, columns);
  const fields: Array<[string, string]> = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') fields.push([name, value]);
  };
  add('title', `{${escapeBibtex(metadata.title ?? row.name)}}`);
  if (metadata.authors && metadata.authors.length > 0) add('author', metadata.authors.map(bibtexAuthor).join(' and '));
  const type = metadata.venue ? (metadata.venueKind === 'journal' ? 'article' : metadata.venueKind === 'proceedings' ? 'inproceedings' : 'misc') : 'misc';
  if (metadata.venue) add(type === 'article' ? 'journal' : type === 'inproceedings' ? 'booktitle' : 'howpublished', escapeBibtex(metadata.venue));
  else if (row.paperLabel) add('note', escapeBibtex(row.paperLabel));
  add('year', String(metadata.year ?? row.year ?? ''));
  add('doi', metadata.doi && verbatim(metadata.doi));
  if (metadata.arxivId) {
    add('eprint', verbatim(metadata.arxivId));
    add('archivePrefix', 'arXiv');
  }
  add('url', verbatim(metadata.url ?? row.paperUrl ?? ''));
  const key = options.key ?? citationKey(entry, columns);
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}},\n`).join('')}}\n`;
}

/**
 * A key that stays the same while the row's name and Year do: the name without its
 * parenthesized remarks, folded to ASCII letters and digits, then the year
 * (`Mercury (first called Celeritas)`, 2022 → `mercury2022`).
 */
export function citationKey(entry: ExportedEntry, columns: CitationColumns): string {
  const row = rowFacts(entry, columns);
  const name = row.name
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return `${name || 'entry'}${row.year ?? ''}`;
}

interface RowFacts {
  name: string;
  year: number | undefined;
  paperUrl: string | undefined;
  paperLabel: string | undefined;
}

function rowFacts(entry: ExportedEntry, columns: CitationColumns): RowFacts {
  const name = entry.fields[columns.name]?.text.trim() ?? '';
  const yearText = columns.year ? entry.fields[columns.year]?.text.trim() : undefined;
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const paper = columns.paper ? entry.fields[columns.paper]?.links[0] : undefined;
  return { name, year, paperUrl: paper?.url, paperLabel: paper && paper.text !== paper.url ? paper.text : undefined };
}

function bibtexAuthor(author: CitationAuthor): string {
  // A name with no given part (a consortium) is braced so BibTeX does not split it.
  return author.given ? `${escapeBibtex(author.family)}, ${escapeBibtex(author.given)}` : `{${escapeBibtex(author.family)}}`;
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text with LaTeX's special characters escaped, so braces always balance. */
function escapeBibtex(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}&%$#_~^]/g, (special) => LATEX_SPECIALS[special]!);
}

/** DOIs and URLs are read verbatim by biblatex and hyperref; only a brace could break the record. */
function verbatim(text: string): string {
  return text.replace(/[{}]/g, (brace) => encodeURIComponent(brace));
}
