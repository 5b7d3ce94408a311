import { splitRow } from '../catalog/cells.js';
import type { Catalog, Paragraph, Range, Table } from '../catalog/model.js';
import { isDelimiterLike } from '../catalog/skeleton.js';

/** A line of a paragraph that looks like a table row: a row that is not in any table. */
export interface RowLikeLine {
  line: number;
  /** The row's text on its line (block quote markers and indentation left out). */
  range: Range;
  text: string;
  /** Cells as GFM would count them in a table. */
  cells: number;
  /** Each cell's text, trimmed. */
  cellTexts: string[];
  /** Made of dashes, colons and pipes only: a delimiter row GFM did not accept. */
  delimiter: boolean;
  paragraph: Paragraph;
}

const cache = new WeakMap<Catalog, RowLikeLine[]>();

const LINE_BREAK = /\r\n|\r|\n/u;
const QUOTE_MARKERS = /^(?:[ \t]*>[ \t]?)*[ \t]*/u;
const INDENT = /^[ \t]*/u;
const CODE_SPAN = /(`+)[^`]*?\1/gu;
// A link's label and address: `[DeepSeek-VL-1.3|7B](https://…)` in a list item is a name, not cells.
const INLINE_LINK = /\[[^\]]*\]\([^)\s]*\)/gu;

/**
 * Every paragraph line (outside tables, code and HTML) that looks like a table row: it starts
 * and ends with a pipe, or it has as many cells as the nearest table's header and at least
 * two pipes outside code spans and links. A paragraph in a block quote that holds no table is left
 * out: a quoted row is an example, not a lost one.
 */
export function rowLikeLines(catalog: Catalog): RowLikeLine[] {
  let found = cache.get(catalog);
  if (found) return found;
  found = [];
  for (const paragraph of catalog.paragraphs) {
    const quote = paragraph.blockQuote;
    if (quote && !catalog.tables.some((table) => table.range.start.offset >= quote.start.offset && table.range.end.offset <= quote.end.offset)) {
      continue;
    }
    let offset = paragraph.range.start.offset;
    const lines = catalog.source.slice(offset, paragraph.range.end.offset).split(LINE_BREAK);
    lines.forEach((content, index) => {
      const lineStart = offset;
      // Each line but the first starts at the column 1 of its line, before its container's markers.
      offset += content.length + (catalog.source.startsWith('\r\n', offset + content.length) ? 2 : 1);
      const prefix = index === 0 ? 0 : (quote ? QUOTE_MARKERS : INDENT).exec(content)![0].length;
      const text = content.slice(prefix).trimEnd();
      const line = paragraph.range.start.line + index;
      const candidate = classify(text, nearestTable(catalog, line));
      if (!candidate) return;
      const start = catalog.pointAt(lineStart + prefix);
      const end = catalog.pointAt(lineStart + prefix + text.length);
      found!.push({ line, range: { start, end }, text, ...candidate, paragraph });
    });
  }
  cache.set(catalog, found);
  return found;
}

function classify(text: string, nearest: Table | undefined): { cells: number; cellTexts: string[]; delimiter: boolean } | null {
  if (!text.includes('|')) return null;
  const cellTexts = splitRow(text, 0, text.length).map((slice) => text.slice(slice.start, slice.end));
  const found = { cells: cellTexts.length, cellTexts, delimiter: isDelimiterLike(text) };
  const outerPipes = text.length > 1 && text.startsWith('|') && text.endsWith('|') && !text.endsWith('\\|');
  if (outerPipes || found.delimiter) return found;
  const pipes = text.replace(CODE_SPAN, '').replace(INLINE_LINK, '').replace(/\\\\|\\\|/gu, '').split('|').length - 1;
  return pipes >= 2 && nearest !== undefined && found.cells === nearest.header.cells.length ? found : null;
}

/** The table whose header sits right below `line` with as many cells: GFM read that row as the header. */
export function displacedHeaderOf(catalog: Catalog, line: RowLikeLine): Table | undefined {
  return catalog.tables.find((table) => table.header.line === line.line + 1 && table.header.cells.length === line.cells && !line.delimiter);
}

/** The table a stray line most likely belongs to: the nearest one in its own section, else the nearest one. */
export function nearestTable(catalog: Catalog, line: number): Table | undefined {
  const section = [...catalog.headings].reverse().find((heading) => heading.line < line)?.line ?? 0;
  const inSection = catalog.tables.filter((table) => table.section.line === section);
  const distance = (table: Table) =>
    line < table.header.line ? table.header.line - line : Math.max(0, line - table.range.end.line);
  const candidates = inSection.length > 0 ? inSection : catalog.tables;
  return candidates.reduce<Table | undefined>((best, table) => (best === undefined || distance(table) < distance(best) ? table : best), undefined);
}
