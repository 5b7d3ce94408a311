import { splitRow } from '../catalog/cells.js';
import type { Catalog, Paragraph, Range, Table } from '../catalog/model.js';
import { sectionAbove } from '../catalog/read.js';
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
 * and ends with a pipe, or it has as many cells as the header of a table in its section and at
 * least two pipes outside code spans and links. A paragraph in a block quote that holds no table is left
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
      // Most lines hold no pipe: the table of the section is looked for only for those that do.
      const candidate = text.includes('|') ? classify(text, () => tableOfSection(catalog, line)) : null;
      if (!candidate) return;
      const start = catalog.pointAt(lineStart + prefix);
      const end = catalog.pointAt(lineStart + prefix + text.length);
      found!.push({ line, range: { start, end }, text, ...candidate, paragraph });
    });
  }
  cache.set(catalog, found);
  return found;
}

/**
 * Outer pipes or a delimiter make a row. Without them, " | " is also how lists separate links
 * and words (`[Paper](…) | [Code](…)`), so the line must match the cell count of a table of its
 * own section (or one a few lines away) and hold at least two pipes outside code spans and links.
 */
function classify(text: string, sectionTable: () => Table | undefined): { cells: number; cellTexts: string[]; delimiter: boolean } | null {
  const cellTexts = splitRow(text, 0, text.length).map((slice) => text.slice(slice.start, slice.end));
  const found = { cells: cellTexts.length, cellTexts, delimiter: isDelimiterLike(text) };
  const outerPipes = text.length > 1 && text.startsWith('|') && text.endsWith('|') && !text.endsWith('\\|');
  if (outerPipes || found.delimiter) return found;
  const pipes = text.replace(CODE_SPAN, '').replace(INLINE_LINK, '').replace(/\\\\|\\\|/gu, '').split('|').length - 1;
  if (pipes < 2) return null;
  const table = sectionTable();
  return table !== undefined && found.cells === table.header.cells.length ? found : null;
}

/** The table whose header sits right below `line` with as many cells: GFM read that row as the header. */
export function displacedHeaderOf(catalog: Catalog, line: RowLikeLine): Table | undefined {
  return catalog.tables.find((table) => table.header.line === line.line + 1 && table.header.cells.length === line.cells && !line.delimiter);
}

/** The table a stray line most likely belongs to: the nearest one in its own section, else the nearest one. */
export function nearestTable(catalog: Catalog, line: number): Table | undefined {
  const inSection = tablesOfSection(catalog, line);
  return nearest(inSection.length > 0 ? inSection : catalog.tables, line);
}

/** How far from a table of another section a line without outer pipes is still taken for one of its rows. */
const NEARBY_LINES = 10;

/** The nearest table of the line's own section, else a table of another section a few lines away. */
function tableOfSection(catalog: Catalog, line: number): Table | undefined {
  const own = nearest(tablesOfSection(catalog, line), line);
  if (own) return own;
  const other = nearest(catalog.tables, line);
  return other && distance(other, line) <= NEARBY_LINES ? other : undefined;
}

function tablesOfSection(catalog: Catalog, line: number): Table[] {
  const section = sectionAbove(catalog.headings, line).line;
  return catalog.tables.filter((table) => table.section.line === section);
}

function nearest(tables: Table[], line: number): Table | undefined {
  return tables.reduce<Table | undefined>((best, table) => (best === undefined || distance(table, line) < distance(best, line) ? table : best), undefined);
}

/** Lines between a line and a table (0 inside it). */
function distance(table: Table, line: number): number {
  return line < table.header.line ? table.header.line - line : Math.max(0, line - table.range.end.line);
}
