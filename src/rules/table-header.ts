import type { Cell } from '../catalog/model.js';
import { defineSchemaRule, type Finding, type SchemaTable } from './define.js';
import { emptyRange } from './positions.js';

export const tableHeader = defineSchemaRule(
  {
    id: 'table-header',
    severity: 'error',
    description: "The header names the schema's columns, in the schema's order",
    fixable: false,
  },
  (table) => {
    const hint = `The schema "${table.schema.name}" expects the columns ${table.schema.columns.map((column) => `"${column.name}"`).join(', ')}: rename, add or move header cells (and the rows' cells) to match, or change the schema`;
    return [...unexpectedColumns(table), ...missingColumns(table), ...misplacedColumn(table)].map((finding) => ({ ...finding, hint }));
  },
);

type HeaderFinding = Omit<Finding, 'hint'>;

const fold = (name: string) => name.trim().toLowerCase();

function unexpectedColumns(table: SchemaTable): HeaderFinding[] {
  const seen = new Set<string>();
  return table.header.cells.flatMap((cell): HeaderFinding[] => {
    const name = cell.text.trim();
    const expected = table.schema.columns.find((column) => fold(column.name) === fold(name))?.name;
    const repeated = seen.has(fold(name));
    seen.add(fold(name));
    if (expected === undefined) {
      const renamed = renamedColumn(table, cell.index);
      const found = name === '' ? `empty header cell in column ${cell.index + 1}` : `column "${name}"`;
      const message = renamed ? `Unexpected ${found}, expected "${renamed}"` : `Unexpected ${found}`;
      return [{ range: cell.range, message }];
    }
    if (repeated) return [{ range: cell.range, message: `Unexpected second "${name}" column` }];
    if (expected !== name) return [{ range: cell.range, message: `Unexpected "${name}", expected "${expected}"` }];
    return [];
  });
}

/** The missing schema column whose place an unknown header cell takes (most likely a misspelling of it), if any. */
function renamedColumn(table: SchemaTable, index: number): string | undefined {
  const name = table.schema.columns[index]?.name;
  const cell = table.header.cells[index];
  if (name === undefined || cell === undefined) return undefined;
  const inSchema = table.schema.columns.some((column) => fold(column.name) === fold(cell.text));
  const inHeader = table.header.cells.some((other) => fold(other.text) === fold(name));
  return inSchema || inHeader ? undefined : name;
}

function missingColumns(table: SchemaTable): HeaderFinding[] {
  const present = new Set(table.header.cells.map((cell) => fold(cell.text)));
  const columns = table.schema.columns;
  return columns.flatMap((column, index): HeaderFinding[] => {
    if (present.has(fold(column.name)) || renamedColumn(table, index) !== undefined) return [];
    const place = index === 0 ? 'as the first column' : `after "${columns[index - 1]!.name}"`;
    // Reported where the column belongs: on the header cell now in its place, or at the line's end.
    const cell: Cell | undefined = table.header.cells[index];
    return [{ range: cell ? cell.range : emptyRange(table.header.range.end), message: `The header lacks the "${column.name}" column, expected ${place}` }];
  });
}

/** The first known column whose order differs from the schema's order (one finding; a fix usually moves several). */
function misplacedColumn(table: SchemaTable): HeaderFinding[] {
  const schemaOrder = table.schema.columns.map((column) => fold(column.name));
  const known = table.header.cells.filter((cell, index, cells) => {
    const name = fold(cell.text);
    return schemaOrder.includes(name) && cells.findIndex((other) => fold(other.text) === name) === index;
  });
  const expectedOrder = schemaOrder.filter((name) => known.some((cell) => fold(cell.text) === name));
  const position = known.findIndex((cell, index) => fold(cell.text) !== expectedOrder[index]);
  if (position < 0) return [];
  const cell = known[position]!;
  const wanted = table.schema.columns.find((column) => fold(column.name) === expectedOrder[position])!.name;
  return [{ range: cell.range, message: `Column "${cell.text.trim()}" is out of order, expected "${wanted}" here` }];
}
