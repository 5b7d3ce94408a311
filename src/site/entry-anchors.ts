import type { Catalog, Row } from '../catalog/model.js';
import { siteModel } from './model.js';

/** Each row's anchor on the site built from `catalogs` (`alpa`, `alpa-1` for a second Alpa). */
export function entryAnchors(catalogs: Catalog[]): Map<Row, string> {
  const sections = siteModel(catalogs).sections;
  const anchors = new Map<Row, string>();
  // The site has one section per table, in document order, and one entry per row.
  catalogs.flatMap((catalog) => catalog.tables).forEach((table, index) => table.rows.forEach((row, at) => anchors.set(row, sections[index]!.entries[at]!.id)));
  return anchors;
}
