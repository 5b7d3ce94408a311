import type { Catalog, Cell, Link, Row, Table } from '../catalog/model.js';

/**
 * The catalog as data, for a website or statistics (`catalog export`). Version 1; a change
 * that removes or renames a field raises the version. Positions are 1-based lines and columns
 * (UTF-16 code units) in the catalog file.
 */
export interface CatalogExport {
  version: 1;
  /** The catalog file, as it was named when read. */
  file: string;
  /** One per table, in document order. */
  sections: ExportedSection[];
}

export interface ExportedSection {
  /** Plain text of the heading above the table ('' when there is none). */
  heading: string;
  /** Heading level, 1–6 (0 when there is none). */
  depth: number;
  /** Line of the heading (0 when there is none). */
  line: number;
  /** Name of the schema that describes the table (from the config), or null. */
  schema: string | null;
  /** The header's column names, in order: the keys of every entry's `fields`. */
  columns: string[];
  entries: ExportedEntry[];
}

export interface ExportedEntry {
  /** Line of the row. */
  line: number;
  /** When the entry was added: the date (RFC 3339) of the first commit that holds it; null without git history or before it is committed. */
  added: string | null;
  /** One field per column; a row with fewer cells gets empty fields. */
  fields: Record<string, ExportedField>;
}

export interface ExportedField {
  /** Plain text (markup and HTML comments left out). */
  text: string;
  /** The cell's markdown source, trimmed. */
  source: string;
  links: ExportedLink[];
}

export interface ExportedLink {
  url: string;
  /** Plain text of the link's label (the URL itself for a bare URL). */
  text: string;
  /** Where the link starts. */
  line: number;
  column: number;
}

const CATALOG_EXPORT_VERSION = 1;

/** `added` gives each row's date added, when the file's history is known. */
export function exportCatalog(catalog: Catalog, added: ReadonlyMap<Row, string> | null = null): CatalogExport {
  return {
    version: CATALOG_EXPORT_VERSION,
    file: catalog.file,
    sections: catalog.tables.map((table) => exportSection(table, added)),
  };
}

function exportSection(table: Table, added: ReadonlyMap<Row, string> | null): ExportedSection {
  const columns = table.header.cells.map((cell) => cell.text);
  return {
    heading: table.section.heading,
    depth: table.section.depth,
    line: table.section.line,
    schema: table.schema?.name ?? null,
    columns,
    entries: table.rows.map((row) => exportEntry(row, columns, added?.get(row) ?? null)),
  };
}

/** Cells beyond the header have no column name and are left out (`catalog lint` reports them). */
function exportEntry(row: Row, columns: string[], added: string | null): ExportedEntry {
  const fields = Object.fromEntries(columns.map((column, index) => [column, exportField(row.cells[index])]));
  return { line: row.line, added, fields };
}

function exportField(cell: Cell | undefined): ExportedField {
  if (!cell) return { text: '', source: '', links: [] };
  return { text: cell.text, source: cell.source, links: cell.links.map(exportLink) };
}

function exportLink(link: Link): ExportedLink {
  return { url: link.url, text: link.text, line: link.range.start.line, column: link.range.start.column };
}
