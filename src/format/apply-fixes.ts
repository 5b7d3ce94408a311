import type { CellFix } from '../catalog/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import { splice, type Edit } from './splice.js';

/** Rewrites the cells that fixes name; the first fix for a cell wins. Fixes for cells that do not exist are skipped. */
export function applyCellFixes(catalog: Catalog, fixes: readonly CellFix[]): { source: string; applied: CellFix[] } {
  const edits = new Map<number, Edit>();
  const applied: CellFix[] = [];
  for (const fix of fixes) {
    const cell = catalog.tables[fix.table]?.rows[fix.row]?.cells[fix.column];
    if (!cell || edits.has(cell.range.start.offset) || cell.source === fix.replacement) continue;
    edits.set(cell.range.start.offset, { start: cell.range.start.offset, end: cell.range.end.offset, text: fix.replacement });
    applied.push(fix);
  }
  return { source: splice(catalog.source, [...edits.values()]), applied };
}
