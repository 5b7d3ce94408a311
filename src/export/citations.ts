import type { Catalog } from '../catalog/model.js';
import { paperIdOf } from '../papers/identifiers.js';
import type { PaperCache } from '../papers/paper-cache.js';
import type { PaperRecord } from '../papers/record.js';
import { bibtexRecord, citationKey, type CitationColumns, type CitationMetadata } from './bibtex.js';
import { exportCatalog, type ExportedEntry } from './catalog-json.js';
import { cslItem, type CslItem } from './csl-json.js';

interface Citable {
  entry: ExportedEntry;
  columns: CitationColumns;
  metadata: CitationMetadata;
  key: string;
}

/**
 * Every entry of the catalogs' tables that have a schema, with what the cache knows of its
 * papers: the published version (a DOI, else OpenReview) for the venue, title and authors,
 * arXiv's record where there is nothing else, and the arXiv id beside a published version.
 * Keys that two entries share get a, b, … in document order.
 */
function citables(catalogs: readonly Catalog[], cache: PaperCache): Citable[] {
  const found: Citable[] = [];
  for (const catalog of catalogs) {
    const exported = exportCatalog(catalog);
    catalog.tables.forEach((table, index) => {
      const schema = table.schema;
      if (!schema) return;
      const section = exported.sections[index]!;
      const present = (name: string) => section.columns.find((column) => column.toLowerCase() === name.toLowerCase());
      const name = present(schema.key);
      if (!name) return;
      const year = schema.columns.find((column) => column.type === 'year' && present(column.name));
      const paper = schema.columns.find((column) => column.type === 'links' && present(column.name)) ?? schema.columns.find((column) => column.type === 'link' && column.name !== schema.key && present(column.name));
      const columns: CitationColumns = { name, year: year && present(year.name), paper: paper && present(paper.name) };
      for (const entry of section.entries) found.push({ entry, columns, metadata: metadataOf(entry, columns, cache), key: citationKey(entry, columns) });
    });
  }
  const counts = new Map<string, number>();
  for (const { key } of found) counts.set(key, (counts.get(key) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const citable of found) {
    if (counts.get(citable.key)! < 2) continue;
    const index = seen.get(citable.key) ?? 0;
    seen.set(citable.key, index + 1);
    citable.key = `${citable.key}${String.fromCharCode(97 + (index % 26))}${index >= 26 ? Math.floor(index / 26) : ''}`;
  }
  return found;
}

function metadataOf(entry: ExportedEntry, columns: CitationColumns, cache: PaperCache): CitationMetadata {
  const links = columns.paper ? entry.fields[columns.paper]?.links ?? [] : [];
  const records = new Map<string, { record: PaperRecord; url: string }>();
  let arxivId: string | undefined;
  for (const link of links) {
    const id = paperIdOf(link.url);
    if (id?.registry === 'arxiv') arxivId ??= id.id;
    const cached = id && cache.records[id.key];
    if (id && cached && !records.has(id.registry)) records.set(id.registry, { record: cached.record, url: link.url });
  }
  const chosen = records.get('doi') ?? records.get('openreview') ?? records.get('arxiv');
  if (!chosen) return {};
  const { record } = chosen;
  const metadata: CitationMetadata = { url: chosen.url };
  if (record.title) metadata.title = record.title;
  if (record.authors.length > 0) metadata.authors = record.authors;
  if (record.venue) metadata.venue = record.venue;
  if (record.venueKind) metadata.venueKind = record.venueKind;
  if (record.year !== null) metadata.year = record.year;
  if (record.doi) metadata.doi = record.doi;
  if (arxivId) metadata.arxivId = arxivId;
  return metadata;
}

/** A `.bib` file: one record per entry, a blank line between them. */
export function bibtexFile(catalogs: readonly Catalog[], cache: PaperCache): string {
  return citables(catalogs, cache)
    .map(({ entry, columns, metadata, key }) => bibtexRecord(entry, columns, metadata, { key }))
    .join('\n');
}

/** CSL-JSON: an array of items, one per entry. */
export function cslJson(catalogs: readonly Catalog[], cache: PaperCache): CslItem[] {
  return citables(catalogs, cache).map(({ entry, columns, metadata, key }) => cslItem(entry, columns, metadata, key));
}
