import type { ColumnSchema } from '../catalog/config.js';
import type { Cell } from '../catalog/model.js';
import { commentSpans, linkSpans, textOutside, type Span } from './cell-spans.js';
import { isBlank, presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';
import { listValues } from './list-values.js';
import { rangeInCell } from './positions.js';
import { matchVocabulary } from './vocabulary.js';

const FIRST_YEAR = 1950;

/**
 * Empty cells are left to `required-cell`; `text` columns take anything. A row with more cells
 * than the header is left to `table-column-count`: a stray pipe has shifted its cells, and
 * reporting each shifted cell would bury the one mistake under several.
 */
export const cellType = defineSchemaRule(
  {
    id: 'cell-type',
    severity: 'error',
    description: "Cells hold what their column's type asks for: a year, one link, links, or known values",
    fixable: false,
  },
  (table) =>
    presentColumns(table).flatMap(({ column, index }) =>
      table.rows.flatMap((row) => {
        if (row.cells.length > table.header.cells.length) return [];
        const cell = row.cells[index];
        return cell === undefined || isBlank(cell) ? [] : checkCell(column, cell);
      }),
    ),
);

/** What is wrong with a non-empty cell for its column's type (nothing for `text`, or for an open enumeration). */
export function checkCell(column: ColumnSchema, cell: Cell): Finding[] {
  switch (column.type) {
    case 'year':
      return checkYear(column, cell);
    case 'link':
      return checkLink(column, cell);
    case 'links':
      return checkLinks(column, cell);
    case 'enumeration':
      return column.closed ? checkEnumeration(column, cell) : [];
    case 'text':
      return [];
  }
}

function checkYear(column: ColumnSchema, cell: Cell): Finding[] {
  const text = cell.text.trim();
  const lastYear = new Date().getFullYear() + 1;
  const year = /^\d{4}$/u.test(text) ? Number(text) : Number.NaN;
  if (year >= FIRST_YEAR && year <= lastYear) return [];
  return [
    {
      range: cell.range,
      message: `Unexpected "${text}" in the "${column.name}" column, expected a year from ${FIRST_YEAR} to ${lastYear}`,
      hint: 'Write the year of publication as four digits, e.g. 2021',
    },
  ];
}

function checkLink(column: ColumnSchema, cell: Cell): Finding[] {
  const links = linkSpans(cell);
  if (links.length === 0) {
    if (column.allowPlainText) return [];
    return [
      {
        range: cell.range,
        message: `Unexpected plain text in the "${column.name}" column, expected a link`,
        hint: 'Write the cell as one link: [label](https://…)',
      },
    ];
  }
  if (links.length > 1) {
    const second = links[1]!;
    return [
      {
        range: rangeInCell(cell, second.start, links[links.length - 1]!.end),
        message: `Unexpected ${links.length} links in the "${column.name}" column, expected one`,
        hint: 'Keep the one link that identifies the entry, and move the others to a column of links',
      },
    ];
  }
  return strayText(column, cell, links, 'beside the link', 'Move the text into the link\'s label or into another column');
}

function checkLinks(column: ColumnSchema, cell: Cell): Finding[] {
  const links = linkSpans(cell);
  if (links.length === 0) {
    return [
      {
        range: cell.range,
        message: `Unexpected plain text in the "${column.name}" column, expected links separated by "${column.separator}"`,
        hint: 'Write each entry as a link, e.g. [arXiv](https://arxiv.org/abs/…), [code](https://github.com/…)',
      },
    ];
  }
  const comments = commentSpans(cell);
  const findings = strayText(column, cell, links, 'around the links', 'Keep only the links, separated by ", "');
  links.slice(1).forEach((link, index) => {
    const previous = links[index]!;
    const separator = textOutside(cell.source, previous.end, link.start, comments);
    if (separator === column.separator) return;
    findings.push({
      range: rangeInCell(cell, previous.end, link.start),
      message: `Unexpected "${separator}" between links in the "${column.name}" column, expected "${column.separator}"`,
      hint: `Separate the links with "${column.separator}" (the column's "separator"); move any other text to another column`,
    });
  });
  return findings;
}

/**
 * Spacing a list puts around a link on purpose: whitespace entities (to widen a column) and line
 * breaks. They are no text beside the link.
 */
const SPACING = /&(?:nbsp|ensp|emsp|thinsp);|&#(?:160|x0*a0|8194|8195);|<br\s*\/?>/giu;

/** Text before the first link or after the last one (HTML comments and spacing aside). */
function strayText(column: ColumnSchema, cell: Cell, links: Span[], where: string, hint: string): Finding[] {
  const comments = commentSpans(cell);
  const edges: Span[] = [
    { start: 0, end: links[0]!.start },
    { start: links[links.length - 1]!.end, end: cell.source.length },
  ];
  return edges.flatMap((edge) => {
    const text = textOutside(cell.source, edge.start, edge.end, comments).replace(SPACING, ' ').trim();
    if (text === '') return [];
    return [{ range: rangeInCell(cell, edge.start, edge.end), message: `Unexpected text "${text}" ${where} in the "${column.name}" column`, hint }];
  });
}

function checkEnumeration(column: ColumnSchema, cell: Cell): Finding[] {
  const allowed = column.values.map((value) => `"${value}"`).join(', ');
  return listValues(cell.source, column.multiple).flatMap(({ value, start, end }): Finding[] => {
    if (value === '') {
      return [
        {
          range: rangeInCell(cell, start, end),
          message: `Unexpected empty value in the "${column.name}" list`,
          hint: 'Remove the extra comma',
        },
      ];
    }
    if (matchVocabulary(column, value).kind !== 'unknown') return [];
    return [
      {
        range: rangeInCell(cell, start, end),
        message: `Unexpected "${value}" in the "${column.name}" column, expected one of ${allowed}`,
        hint: `Use one of the known values${column.multiple ? ' (several separated by ", ")' : ''}, or add the new value to the schema's "values" in catalog.config.json`,
      },
    ];
  });
}
