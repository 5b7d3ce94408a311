// The entries of a catalog as its history compares them: who each one is (its identity, by the
// rules duplicate-entry uses) and what each field says once spelling and layout are set aside.
import type { Catalog, Cell, Row, Table } from '../catalog/model.js';
import { columnIndex } from '../rules/columns.js';
import { hasSchema, type SchemaTable } from '../rules/define.js';
import { identityLinks, normalizedKey } from '../rules/entries.js';
import { canonicalUrl } from '../rules/url-identity.js';
import { canonicalValues } from '../rules/vocabulary.js';

export interface EntryField {
  column: string;
  /** The cell's markdown source ('' for a missing cell). */
  source: string;
  /** What the field says: equal for two cells that differ only in layout or a normalized spelling. */
  meaning: string;
}

export interface CatalogEntry {
  /** The heading of the entry's section ('' when there is none). */
  section: string;
  /** How people name it: the key's text (generic tables: the first cell's). */
  name: string;
  /**
   * What matches it across revisions: `key:` and its normalized key, or, in a table without a
   * schema (or for an empty key), `row:` and the meaning of the whole row.
   */
  match: string;
  /** `link:` and the canonical URL of each link of a column no two entries share (a renamed entry keeps these). */
  links: string[];
  /** Plain text of its first text column after the key (generic tables: of its second cell), '' when none. */
  description: string;
  /** The header's name of the key column (null: a table without a schema). */
  keyColumn: string | null;
  /** Every column of the header, in order (none for a table without a schema: a row is compared whole). */
  fields: EntryField[];
  table: Table;
  row: Row;
}

/** Every row of every table, in document order. */
export function catalogEntries(catalog: Catalog): CatalogEntry[] {
  return catalog.tables.flatMap((table) => (hasSchema(table) ? schemaEntries(table) : genericEntries(table)));
}

/** The tokens that make a row this entry: its match and its links. Two rows sharing one are one entry. */
export function identityTokens(entry: Pick<CatalogEntry, 'match' | 'links'>): string[] {
  return [entry.match, ...entry.links];
}

function schemaEntries(table: SchemaTable): CatalogEntry[] {
  const keyIndex = columnIndex(table, table.schema.key);
  const columns = table.header.cells.map((cell) => {
    const name = cell.text;
    return { name, schema: table.schema.columns.find((column) => column.name.toLowerCase() === name.toLowerCase()) };
  });
  return table.rows.map((row) => {
    const key = row.cells[keyIndex]?.text ?? '';
    const fields = columns.map(({ name, schema }, index): EntryField => {
      const cell = row.cells[index];
      const meaning = schema?.type === 'enumeration' ? canonicalValues(schema, cell?.text ?? '').join(', ') : cellMeaning(cell);
      return { column: name, source: cell?.source ?? '', meaning };
    });
    const entry = { table, row, key: row.cells[keyIndex], label: '' };
    const links = [...new Set(identityLinks(entry).flatMap(({ shared, link }) => (shared ? [] : [`link:${canonicalUrl(link.url)}`])))];
    const describing = table.schema.columns.find((column) => column.type === 'text' && column.name.toLowerCase() !== table.schema.key.toLowerCase());
    const description = describing ? (row.cells[columnIndex(table, describing.name)]?.text ?? '') : '';
    const match = normalizedKey(key) === '' ? `row:${fields.map((field) => field.meaning).join('\u0000')}` : `key:${normalizedKey(key)}`;
    return { section: table.section.heading, name: key, match, links, description, keyColumn: table.header.cells[keyIndex]?.text ?? null, fields, table, row };
  });
}

function genericEntries(table: Table): CatalogEntry[] {
  return table.rows.map((row) => ({
    section: table.section.heading,
    name: row.cells[0]?.text ?? '',
    match: `row:${row.cells.map(cellMeaning).join('\u0000')}`,
    links: [],
    description: row.cells[1]?.text ?? '',
    keyColumn: null,
    fields: [],
    table,
    row,
  }));
}

/** The text with its blanks collapsed, and where its links lead. */
function cellMeaning(cell: Cell | undefined): string {
  if (!cell) return '';
  const text = cell.text.replace(/\s+/gu, ' ');
  return cell.links.length === 0 ? text : `${text}\u0001${cell.links.map((link) => canonicalUrl(link.url)).join(' ')}`;
}
