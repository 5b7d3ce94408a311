import type { Catalog, Table } from '../catalog/model.js';
import { defineRule, type Finding } from './define.js';
import { displacedHeaderOf, nearestTable, rowLikeLines, type RowLikeLine } from './row-like-lines.js';

/**
 * Rows that left their table render as a paragraph of raw pipes, and every rule of the table
 * misses them: a row pasted after the table's blank line, under an intro paragraph or into a
 * list, rows cut off by a blank line inside the table, and a table whose delimiter row was
 * deleted or broken. One finding per run of such lines, on its first line.
 */
export const strayRow = defineRule(
  {
    id: 'stray-row',
    severity: 'error',
    description: 'No table row sits outside a table (as a paragraph of raw pipes)',
    needsSchema: false,
    fixable: false,
  },
  (catalog) => runsOf(catalog).map((run) => findingFor(catalog, run)),
);

/** Consecutive row-like lines of one paragraph; a line that GFM took the table below's header away from is `header-row`'s. */
function runsOf(catalog: Catalog): RowLikeLine[][] {
  const runs: RowLikeLine[][] = [];
  for (const line of rowLikeLines(catalog)) {
    if (displacedHeaderOf(catalog, line)) continue;
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && previous.paragraph === line.paragraph && previous.line === line.line - 1) run.push(line);
    else runs.push([line]);
  }
  return runs;
}

function findingFor(catalog: Catalog, run: RowLikeLine[]): Finding {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const lines = run.length === 1 ? `Line ${first.line} looks` : `Lines ${first.line}–${last.line} look`;
  const range = first.range;
  const startsParagraph = first.line === first.paragraph.range.start.line;
  const delimiter = run.slice(1).find((line) => line.delimiter);
  if (delimiter) {
    const header = run[run.indexOf(delimiter) - 1]!;
    const realHeader = run[run.indexOf(delimiter) - 2];
    if (realHeader && realHeader.cells === delimiter.cells && header.cells !== delimiter.cells) {
      return {
        range: header.range,
        message: `${lines} like a table whose header (line ${realHeader.line}) is cut off from its delimiter row (line ${delimiter.line}) by line ${header.line}: GFM renders them as a paragraph of raw pipes. A row pasted between the header and the delimiter row?`,
        hint: `Move line ${header.line} below the delimiter row (line ${delimiter.line}), and give it ${delimiter.cells} cells`,
      };
    }
    const why =
      delimiter.cells === header.cells
        ? `its delimiter row (line ${delimiter.line}) is malformed`
        : `its delimiter row (line ${delimiter.line}) has ${delimiter.cells} cells and its header (line ${header.line}) ${header.cells}`;
    return {
      range,
      message: `${lines} like a table, but ${why}: GFM renders ${run.length === 1 ? 'it' : 'them'} as a paragraph of raw pipes`,
      hint: `Write the delimiter row with one \`---\` per header cell (${header.cells}): ${delimiterRow(header.cells)}`,
    };
  }
  const above = startsParagraph ? tableJustAbove(catalog, first) : undefined;
  if (above) {
    const blank = above.range.end.line + 1;
    const blanks = first.line - 1 === blank ? `line ${blank} is blank` : `lines ${blank}–${first.line - 1} are blank`;
    return {
      range,
      message: `${lines} like ${run.length === 1 ? 'a row' : 'rows'} of the table on line ${above.header.line}${section(above)}, but ${blanks}: the table ends there and ${run.length === 1 ? 'this row renders' : 'these rows render'} as a paragraph of raw pipes`,
      hint: `Delete the blank ${first.line - 1 === blank ? 'line' : 'lines'} between the table and ${run.length === 1 ? 'the row' : 'the rows'} (or remove ${run.length === 1 ? 'the row' : 'them'})`,
    };
  }
  if (startsParagraph && run.length > 1 && last.line === first.paragraph.range.end.line) {
    return {
      range,
      message: `${lines} like a table without its delimiter row: GFM renders them as a paragraph of raw pipes`,
      hint: `Add the delimiter row under the header (line ${first.line}), one \`---\` per header cell: ${delimiterRow(first.cells)}`,
    };
  }
  const table = nearestTable(catalog, first.line);
  const belongs = table ? `; ${run.length === 1 ? 'it' : 'they'} probably belong${run.length === 1 ? 's' : ''} to the table on line ${table.header.line}${section(table)}` : '';
  return {
    range,
    message: `${lines} like ${run.length === 1 ? 'a table row' : 'table rows'} outside any table: ${run.length === 1 ? 'it renders' : 'they render'} as raw pipes in the text${belongs}`,
    hint: `Move ${run.length === 1 ? 'the row' : 'the rows'} into the table, below its delimiter row and with no blank line before ${run.length === 1 ? 'it' : 'them'}; if the pipes are prose, escape them as \`\\|\``,
  };
}

/** The table that ends right above the run's paragraph, with only blank lines (or bare `>` markers) between. */
function tableJustAbove(catalog: Catalog, first: RowLikeLine): Table | undefined {
  const start = first.paragraph.range.start.offset;
  const table = catalog.tables.filter((candidate) => candidate.range.end.offset <= start).at(-1);
  if (!table) return undefined;
  return /^[\s>]*$/u.test(catalog.source.slice(table.range.end.offset, start)) ? table : undefined;
}

function section(table: Table): string {
  return table.section.heading ? ` (section "${table.section.heading}")` : '';
}

function delimiterRow(cells: number): string {
  return `\`|${' --- |'.repeat(cells)}\``;
}
