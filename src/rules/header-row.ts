import { basename } from 'node:path';
import type { CatalogConfig, TableSchema } from '../catalog/config.js';
import type { Catalog, Row, Table } from '../catalog/model.js';
import { defineRule, type Finding } from './define.js';
import { displacedHeaderOf, rowLikeLines } from './row-like-lines.js';

const YEAR = /^\d{4}$/u;

/**
 * A row pasted between the header and the delimiter row becomes the header: GFM reads the
 * real header as a paragraph, the table then matches no schema, and every schema rule is
 * silently off for it. Reported on that row. In a file with schemas, a table that matches
 * none while its header looks like a data row (a link, a year), or while the tables around it
 * match one with as many columns as its header has cells, is reported too.
 */
export const headerRow = defineRule(
  {
    id: 'header-row',
    severity: 'error',
    description: 'A table is headed by its header, not by a data row, and matches a schema where the tables around it do',
    needsSchema: false,
    fixable: false,
  },
  (catalog, config) => catalog.tables.flatMap((table) => checkTable(catalog, config, table)),
);

function checkTable(catalog: Catalog, config: CatalogConfig, table: Table): Finding[] {
  const realHeader = rowLikeLines(catalog).find((line) => displacedHeaderOf(catalog, line) === table);
  if (realHeader) {
    const schema = config.tables.find((candidate) => namesColumns(candidate, realHeader.cellTexts));
    const named = schema ? ` (it names the columns of the schema "${schema.name}")` : '';
    return [
      {
        range: table.header.range,
        message: `GFM reads line ${table.header.line} as this table's header and line ${realHeader.line} above it${named} as a paragraph: a row pasted between the header and the delimiter row?`,
        hint: `Move line ${table.header.line} below the delimiter row (line ${table.delimiter.line}), so that the header on line ${realHeader.line} comes right above it`,
      },
    ];
  }
  // A table without rows (a header of badges) leaves nothing unchecked.
  if (config.tables.length === 0 || table.schema || table.rows.length === 0) return [];
  const width = table.header.cells.length;
  const neighbours = schemaTablesAround(catalog, table);
  // A table of another width among schema tables (a results table, a legend) is another kind of table.
  const alike = neighbours?.find((neighbour) => neighbour.schema!.columns.length === width)?.schema;
  const reasons = [...dataLike(table.header), ...(neighbours && alike ? [describeNeighbours(neighbours)] : [])];
  if (reasons.length === 0) return [];
  const expected = alike ?? config.tables.find((schema) => schema.columns.length === width) ?? config.tables[0]!;
  const sameWidth = expected.columns.length === width ? `, and it has ${width} cells like the schema "${expected.name}"` : '';
  return [
    {
      range: table.header.range,
      message: `This table matches no schema, so none of its rows is checked: ${reasons.join(', and ')}${sameWidth}`,
      hint: `If a row was pasted above the delimiter row, move it below; otherwise make the header name the columns of "${expected.name}" (${columnsOf(expected)}), or add a schema for this table to ${config.path ? basename(config.path) : 'catalog.config.json'}`,
    },
  ];
}

function namesColumns(schema: TableSchema, cells: string[]): boolean {
  return cells.length === schema.columns.length && schema.columns.every((column, index) => column.name.toLowerCase() === cells[index]!.toLowerCase());
}

function dataLike(header: Row): string[] {
  const link = header.cells.find((cell) => cell.links.length > 0);
  const year = header.cells.find((cell) => YEAR.test(cell.text.trim()));
  const what = [link && `a link, "${link.source}"`, year && `a year, "${year.text.trim()}"`].filter(Boolean);
  return what.length > 0 ? [`its header looks like a data row (it holds ${what.join(', and ')})`] : [];
}

/** The nearest tables before and after this one that match a schema, when there are both. */
function schemaTablesAround(catalog: Catalog, table: Table): [Table, Table] | undefined {
  const before = catalog.tables.slice(0, table.index).reverse().find((other) => other.schema);
  const after = catalog.tables.slice(table.index + 1).find((other) => other.schema);
  return before && after ? [before, after] : undefined;
}

function describeNeighbours([before, after]: [Table, Table]): string {
  const lines = `(lines ${before.header.line} and ${after.header.line})`;
  return before.schema === after.schema
    ? `the tables before and after it ${lines} match the schema "${before.schema!.name}"`
    : `the tables before and after it ${lines} match the schemas "${before.schema!.name}" and "${after.schema!.name}"`;
}

function columnsOf(schema: TableSchema): string {
  return schema.columns.map((column) => `"${column.name}"`).join(', ');
}
