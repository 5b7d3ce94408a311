// The catalog as the site shows it: sections in document order, each entry with its id, its
// cells as safe HTML, and the values the page filters on. The schema decides what is filtered:
// every enumeration column is a facet, the year column gives the year range, and each of the
// config's `site.facets` gives values to the entries whose cell in its column holds one of the
// value's phrases; without a schema every column is text and only the search is offered.
import { basename, dirname, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { ColumnSchema, SiteConfig, TextFacet } from '../catalog/config.js';
import type { Catalog, Row, Section, Table } from '../catalog/model.js';
import { bibtexRecord, type CitationColumns } from '../export/bibtex.js';
import { exportCatalog, type ExportedEntry } from '../export/catalog-json.js';
import { columnIndex } from '../rules/columns.js';
import { canonicalValues } from '../rules/vocabulary.js';
import { cellRenderer, type CellHtml } from './cell-html.js';
import { blockHtml } from './render-markdown.js';
import { holdsPhrase, searchableText } from './words.js';

export interface SiteField {
  label: string;
  html: string;
  /** A column of links (the paper): each link's accessible name is given its entry's name. */
  links: boolean;
  /** The values of an enumeration cell, shown as tags. */
  tags?: string[];
}

export interface SiteEntry {
  /** The GitHub slug of its name (`alpa`, `alpa-1` for a second Alpa): the page anchor. */
  id: string;
  name: string;
  nameHtml: string;
  year: number | null;
  /** Facet key → the entry's values (canonical spellings), in the order of the facets' columns. A map: the config names the keys, `__proto__` included. */
  facets: Map<string, string[]>;
  fields: SiteField[];
  /** A BibTeX record from the row (name, year, paper link), for the card's Cite button; '' for a table without a schema. */
  citation: string;
  /** The day it was added (YYYY-MM-DD, from git history), when known. */
  added?: string;
}

export interface SiteSection {
  id: string;
  heading: string;
  introHtml: string;
  entries: SiteEntry[];
  /** The prose after its table up to the next section with a table, or the end of the file ('' when none). */
  afterHtml: string;
}

export interface SiteFacet {
  /** The URL query parameter, e.g. `framework`. */
  key: string;
  label: string;
  /** The schema's (or the config's) values first, in its order, then values the schema does not list, each with its number of entries. */
  values: { value: string; count: number }[];
}

export interface SiteModel {
  title: string;
  /** The introduction's first paragraph (shown), and the rest of it (folded away on the page). */
  introLeadHtml: string;
  introRestHtml: string;
  /** The first paragraph as plain text: the page's description for link previews. */
  description: string;
  sections: SiteSection[];
  facets: SiteFacet[];
  /** Filters beyond the search: the section, the year range and the sort (only with a schema). */
  filters: boolean;
  years: { min: number; max: number } | null;
  total: number;
  /** The search's synonyms (`site.synonyms`), for the page script. */
  synonyms: string[][];
  /** Dates added (from git history): the first and last day, and the first day an entry counts as new; null without them. */
  added?: { first: string; last: string; newSince: string } | null;
}

const NO_SITE_CONFIG: SiteConfig = { url: null, newDays: 30, synonyms: [], facets: [] };

/** Query parameters the page uses for itself; a facet never takes one of these names. */
const RESERVED_KEYS = ['q', 'section', 'from', 'to', 'sort', 'added'];

/** The site's model of one or more catalogs (the first one names the site). */
export function siteModel(catalogs: Catalog[], site: SiteConfig = NO_SITE_CONFIG): SiteModel {
  const render = cellRenderer();
  const facetColumns = new Map<string, FacetColumn>();
  const facetKey = facetKeys(facetColumns);
  // The config's facets take their keys first, in its order; each keeps it where its column is.
  for (const facet of site.facets) facetKey(facet.name, facet.values.map(({ value }) => value), true);
  const entrySlugs = new GithubSlugger();
  const sections: SiteSection[] = [];
  for (const catalog of catalogs) {
    const lines = catalog.source.replace(/^\uFEFF/u, '').split(/\r?\n/u);
    const prose = (from: number, to: number) => blockHtml(withoutTableOfContents(lines.slice(from, to).join('\n')));
    let previous: SiteSection | undefined;
    let previousEnd = 0;
    const exported = exportCatalog(catalog).sections;
    for (const [tableIndex, table] of catalog.tables.entries()) {
      // Sections without a table, or prose after a table, belong to the page too.
      if (previous && table.section.line - 1 > previousEnd) previous.afterHtml = prose(previousEnd, table.section.line - 1);
      const introHtml = prose(Math.max(table.section.line, previousEnd), table.header.line - 1);
      previousEnd = table.range.end.line;
      const layout = tableLayout(table, site.facets);
      const citing = citationColumns(table);
      const entries = table.rows.map((row) => entryOf(layout, row, render, facetKey, entrySlugs));
      if (citing) entries.forEach((entry, rowIndex) => (entry.citation = bibtexRecord(withWebLinks(exported[tableIndex]!.entries[rowIndex]!), citing)));
      previous = { id: '', heading: table.section.heading, introHtml, entries, afterHtml: '' };
      sections.push(previous);
    }
    if (previous) previous.afterHtml = prose(previousEnd, lines.length);
  }
  // Entries keep their plain slugs (`#alpa`); a section whose heading takes one gets a suffix.
  const sectionSlugs = new GithubSlugger();
  sectionSlugs.occurrences = { ...entrySlugs.occurrences };
  for (const section of sections) section.id = sectionSlugs.slug(section.heading || 'entries');
  const entries = sections.flatMap((section) => section.entries);
  const years = entries.flatMap((entry) => (entry.year === null ? [] : [entry.year]));
  const intro = splitLead(documentIntro(catalogs[0]!));
  return {
    title: documentTitle(catalogs[0]!),
    introLeadHtml: intro.lead,
    introRestHtml: intro.rest,
    description: plainText(intro.lead),
    sections,
    // The config's facets first, in its order (it chose them to answer readers' questions), then the schema's enumerations.
    facets: [...facetColumns]
      .sort(([, a], [, b]) => Number(b.fromText) - Number(a.fromText))
      .map(([key, { label, values }]) => facetOf(key, label, values, entries))
      .filter((facet) => facet.values.length > 0),
    filters: catalogs.some((catalog) => catalog.tables.some((table) => table.schema !== null)),
    years: years.length > 0 ? { min: Math.min(...years), max: Math.max(...years) } : null,
    total: entries.length,
    synonyms: site.synonyms,
  };
}

/** A facet as the page offers it: its label and its values in their order. */
interface FacetColumn {
  label: string;
  values: string[];
  /** One of the config's facets over a text column, not an enumeration. */
  fromText: boolean;
}

type FacetKey = (name: string, values: string[], fromText: boolean) => string;

/** Gives each facet (by name, across tables) its query parameter. */
function facetKeys(facetColumns: Map<string, FacetColumn>): FacetKey {
  const byName = new Map<string, string>();
  const slugger = new GithubSlugger();
  for (const reserved of RESERVED_KEYS) slugger.slug(reserved);
  return (name, values, fromText) => {
    let key = byName.get(name);
    if (key === undefined) {
      key = slugger.slug(name) || 'column';
      byName.set(name, key);
      facetColumns.set(key, { label: name, values, fromText });
    }
    return key;
  };
}

/** What each column of a table is to the site, worked out once per table. */
interface TableLayout {
  nameIndex: number;
  labels: string[];
  /** Per header column: its schema column, if the schema describes it. */
  columns: (ColumnSchema | undefined)[];
  /** Per enumeration column: cell source → canonical values (cells repeat a lot). */
  values: Map<string, string[]>[];
  /** Per header column: the config's facets over it. */
  textFacets: TextFacet[][];
}

function tableLayout(table: Table, textFacets: TextFacet[]): TableLayout {
  const schema = table.schema;
  const labels = table.header.cells.map((cell) => cell.text.trim());
  return {
    nameIndex: schema ? Math.max(columnIndex(table, schema.key), 0) : 0,
    labels,
    columns: labels.map((label) => schema?.columns.find((column) => column.name.toLowerCase() === label.toLowerCase())),
    values: labels.map(() => new Map()),
    textFacets: labels.map((label) => (schema ? textFacets.filter((facet) => facet.column.toLowerCase() === label.toLowerCase()) : [])),
  };
}

/** The values of a config facet whose phrases the text holds, in the config's order. */
function textFacetValues(facet: TextFacet, text: string): string[] {
  const searchable = searchableText(text);
  return facet.values.filter(({ patterns }) => patterns.some((pattern) => holdsPhrase(searchable, pattern))).map(({ value }) => value);
}

function entryOf(layout: TableLayout, row: Row, render: CellHtml, facetKey: FacetKey, slugs: GithubSlugger): SiteEntry {
  const nameCell = row.cells[layout.nameIndex];
  const name = nameCell?.text.trim() ?? '';
  const entry: SiteEntry = { id: slugs.slug(name || `line ${row.line}`), name, nameHtml: nameCell ? render(nameCell) : '', year: null, facets: new Map(), fields: [], citation: '' };
  layout.labels.forEach((label, index) => {
    const cell = row.cells[index];
    for (const facet of layout.textFacets[index]!) {
      const key = facetKey(facet.name, facet.values.map(({ value }) => value), true);
      const values = cell ? textFacetValues(facet, cell.text) : [];
      if (values.length > 0) entry.facets.set(key, values);
    }
    if (index === layout.nameIndex || !cell || cell.source === '') return;
    const column = layout.columns[index];
    const field: SiteField = { label, html: render(cell), links: column?.type === 'links' };
    if (column?.type === 'year' && /^\d{4}$/u.test(cell.text.trim())) entry.year = Number(cell.text.trim());
    if (column?.type === 'enumeration') {
      const known = layout.values[index]!;
      let values = known.get(cell.source);
      if (values === undefined) {
        values = canonicalValues(column, cell.text);
        known.set(cell.source, values);
      }
      entry.facets.set(facetKey(column.name, column.values, false), values);
      field.tags = values;
    }
    entry.fields.push(field);
  });
  return entry;
}

function facetOf(key: string, label: string, known: string[], entries: SiteEntry[]): SiteFacet {
  const counts = new Map<string, number>(known.map((value) => [value, 0]));
  for (const entry of entries) for (const value of entry.facets.get(key) ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
  return { key, label, values: [...counts].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count })) };
}

/** The heading that names the list: its first, unless a heading is of a higher level or it heads a table of contents. */
function titleHeading(catalog: Catalog): Section | undefined {
  const [first] = catalog.headings;
  const top = Math.min(...catalog.headings.map((heading) => heading.depth));
  return first && first.depth === top && !/^(?:table of )?contents$/iu.test(first.heading.trim()) ? first : undefined;
}

/** Without a title heading, the file's name; a README's is its folder's, as on GitHub. */
function documentTitle(catalog: Catalog): string {
  const name = basename(catalog.file).replace(/\.md$/iu, '');
  return titleHeading(catalog)?.heading || (/^(?:readme|index)$/iu.test(name) ? basename(dirname(resolve(catalog.file))) : name);
}

/** The prose between the title and the first section with a table. */
function documentIntro(catalog: Catalog): string {
  const lines = catalog.source.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const first = catalog.tables[0];
  const title = titleHeading(catalog);
  const end = first ? (first.section.line || first.header.line) - 1 : lines.length;
  return blockHtml(withoutTableOfContents(lines.slice(title?.line ?? 0, end).join('\n')));
}

/** The columns a citation is made of: the key, the year and the first column of links; none without a schema. */
function citationColumns(table: Table): CitationColumns | undefined {
  const schema = table.schema;
  if (!schema) return undefined;
  const header = (type: string) => {
    const column = schema.columns.find((candidate) => candidate.type === type && candidate.name !== schema.key);
    return table.header.cells.map((cell) => cell.text).find((text) => text.trim().toLowerCase() === column?.name.toLowerCase());
  };
  const name = table.header.cells[Math.max(columnIndex(table, schema.key), 0)]?.text;
  return name === undefined ? undefined : { name, year: header('year'), paper: header('links') };
}

/** The entry with only its http(s) links: a citation on the page never holds an address the page would not link to. */
function withWebLinks(entry: ExportedEntry): ExportedEntry {
  const fields = Object.fromEntries(Object.entries(entry.fields).map(([column, field]) => [column, { ...field, links: field.links.filter((link) => /^https?:\/\//iu.test(link.url)) }]));
  return { ...entry, fields };
}

/** The first paragraph of some HTML, when it starts with one, and what follows it. */
function splitLead(html: string): { lead: string; rest: string } {
  const end = html.indexOf('</p>');
  if (!html.startsWith('<p>') || end < 0) return { lead: '', rest: html };
  return { lead: html.slice(0, end + 4), rest: html.slice(end + 4).trim() };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };

/** The text of a piece of the page's own HTML (sanitized, so tags never hold a ">"). */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/gu, '')
    .replace(/&(?:amp|lt|gt|quot|#x27);/gu, (entity) => ENTITIES[entity]!)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The generated table of contents links to the markdown file's anchors; the page has its own navigation. */
function withoutTableOfContents(markdown: string): string {
  return markdown.replace(/<!--\s*catalog:toc\s*-->[^]*?<!--\s*catalog:toc:end\s*-->/u, '');
}
