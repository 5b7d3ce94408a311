import type { Catalog, Row } from '../catalog/model.js';
import { siteModel, type SiteEntry, type SiteModel } from './model.js';

/** The site's entry of each row: the model has one section per table, in document order, and one entry per row. */
export function siteEntriesByRow(catalogs: Catalog[], model: SiteModel): Map<Row, SiteEntry> {
  const entries = new Map<Row, SiteEntry>();
  catalogs.flatMap((catalog) => catalog.tables).forEach((table, index) => table.rows.forEach((row, at) => entries.set(row, model.sections[index]!.entries[at]!)));
  return entries;
}

/** Each row's anchor on the site built from `catalogs` (`alpa`, `alpa-1` for a second Alpa). */
export function entryAnchors(catalogs: Catalog[]): Map<Row, string> {
  return new Map([...siteEntriesByRow(catalogs, siteModel(catalogs))].map(([row, entry]) => [row, entry.id]));
}
