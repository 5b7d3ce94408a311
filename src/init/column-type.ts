import type { ColumnSchema, ColumnType } from '../catalog/config.js';
import type { Cell } from '../catalog/model.js';
import { checkCell } from '../rules/cell-type.js';
import { commentSpans, linkSpans, textOutside } from '../rules/cell-spans.js';
import type { RawColumn } from './raw-config.js';
import { inferVocabulary } from './vocabulary.js';

/**
 * The share of cells that must already fit a type for the column to get it. The few that do
 * not are what `lint` then reports: a malformed year, a cell with two links in a column of one.
 */
const FITTING = { year: 0.8, link: 0.95, links: 0.95 };

/**
 * A column's type from its non-empty cells: `year`, `link` (with `allowPlainText` when some
 * cells are plain text), `links`, `enumeration` (few distinct values), else `text`. Each type
 * is tried with the lint rule's own check, so the inferred schema accepts what the list has.
 */
export function inferColumn(name: string, cells: readonly Cell[], required: boolean): RawColumn {
  const column: RawColumn = { name, type: 'text', required };
  if (cells.length === 0) return column;
  const fitting = (type: ColumnType, settings: Partial<ColumnSchema> = {}) => {
    const schema = columnSchema(name, type, settings);
    return cells.filter((cell) => checkCell(schema, cell).length === 0).length / cells.length;
  };
  if (fitting('year') >= FITTING.year) return { ...column, type: 'year' };
  const withLinks = cells.filter((cell) => cell.links.length > 0).length;
  // A cell with two links (two licence badges, two papers) makes a column of links.
  if (cells.some((cell) => cell.links.length > 1)) {
    const separator = commonSeparator(cells);
    if (fitting('links', { separator }) >= FITTING.links) return { ...column, type: 'links', ...(separator === ', ' ? {} : { separator }) };
  }
  if (fitting('link') >= FITTING.link) return { ...column, type: 'link' };
  if (withLinks >= cells.length / 2 && fitting('link', { allowPlainText: true }) >= FITTING.link) {
    return { ...column, type: 'link', allowPlainText: true };
  }
  if (withLinks === 0) {
    const vocabulary = inferVocabulary(cells.map((cell) => cell.source));
    if (vocabulary) {
      return { ...column, type: 'enumeration', values: vocabulary.values, aliases: vocabulary.aliases, multiple: vocabulary.multiple, closed: false };
    }
  }
  return column;
}

function columnSchema(name: string, type: ColumnType, settings: Partial<ColumnSchema>): ColumnSchema {
  return { name, type, required: false, allowPlainText: false, sharedLinks: false, separator: ', ', values: [], aliases: {}, multiple: false, closed: false, ...settings };
}

/** What the column's cells most often put between two links (", " when they agree on nothing else). */
function commonSeparator(cells: readonly Cell[]): string {
  const counts = new Map<string, number>([[', ', 0]]);
  for (const cell of cells) {
    const links = linkSpans(cell);
    if (links.length < 2) continue;
    const comments = commentSpans(cell);
    links.slice(1).forEach((link, index) => {
      const separator = textOutside(cell.source, links[index]!.end, link.start, comments);
      if (separator !== '') counts.set(separator, (counts.get(separator) ?? 0) + 1);
    });
  }
  return [...counts].reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}
