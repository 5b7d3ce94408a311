import type { Catalog, Cell, Link, Row } from '../catalog/model.js';
import { columnIndex, rowLabel } from './columns.js';
import { hasSchema, type SchemaTable } from './define.js';

/** A row of a schema table, with what the entry rules need to name it. */
export interface Entry {
  table: SchemaTable;
  row: Row;
  /** The key cell (undefined when the header lacks the key column or the row is short). */
  key: Cell | undefined;
  /** `"GPipe"`, or `the row on line 12` when the key is empty. */
  label: string;
}

/** Every row of every schema table, in document order: the first of two duplicates comes first. */
export function entriesOf(catalog: Catalog): Entry[] {
  return catalog.tables.filter(hasSchema).flatMap((table) => {
    const keyIndex = columnIndex(table, table.schema.key);
    return table.rows.map((row) => ({ table, row, key: row.cells[keyIndex], label: rowLabel(table, row) }));
  });
}

/** The entry's key as compared for duplicates: NFKC, case-folded, trimmed, inner spaces collapsed. */
export function normalizedKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Links of the entry's link columns other than the key column (the key's link is
 * `shared-repository`'s business), each with its column and whether entries may share its
 * column's links. Two rows with one such link of a column that is not shared are one entry.
 */
export function identityLinks(entry: Entry): { name: string; shared: boolean; link: Link }[] {
  const { table, row } = entry;
  return table.schema.columns
    .filter((column) => (column.type === 'link' || column.type === 'links') && column.name.toLowerCase() !== table.schema.key.toLowerCase())
    .flatMap((column) => {
      const cell = row.cells[columnIndex(table, column.name)];
      return (cell?.links ?? []).map((link) => ({ name: column.name, shared: column.sharedLinks, link }));
    });
}
