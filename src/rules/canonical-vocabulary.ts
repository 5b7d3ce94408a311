import type { ColumnSchema } from '../catalog/config.js';
import type { Cell } from '../catalog/model.js';
import { isBlank, presentColumns } from './columns.js';
import { defineSchemaRule, type Finding } from './define.js';
import { listValues, type ListValue } from './list-values.js';
import { rangeInCell } from './positions.js';
import { matchVocabulary, writtenValue } from './vocabulary.js';

const SEPARATOR = ', ';

/**
 * One finding per variant value and per separator other than ", " (`PyTorch,JAX`), each at
 * its own place; every finding of a cell carries the same fix, the cell written canonically,
 * so one pass of the formatter fixes the whole cell. A list with an empty value keeps its
 * separators: `cell-type` reports the extra comma, and only a person can tell what was meant.
 */
export const canonicalVocabulary = defineSchemaRule(
  {
    id: 'canonical-vocabulary',
    severity: 'error',
    description: 'Enumeration values use their canonical spelling, a list separated by ", "',
    fixable: true,
  },
  (table) =>
    presentColumns(table)
      .filter(({ column }) => column.type === 'enumeration')
      .flatMap(({ column, index }) =>
        table.rows.flatMap((row, rowIndex) => {
          const cell = row.cells[index];
          if (cell === undefined || isBlank(cell)) return [];
          const { findings, replacement } = cellFindings(column, cell);
          return findings.map((finding): Finding => ({ ...finding, fix: { table: table.index, row: rowIndex, column: index, replacement } }));
        }),
      ),
);

/** The cell's findings, and the cell written canonically (their shared fix). */
function cellFindings(column: ColumnSchema, cell: Cell): { findings: Finding[]; replacement: string } {
  const values = listValues(cell.source, column.multiple);
  const canonical = values.map(({ value }) => {
    const match = matchVocabulary(column, value);
    return match.kind === 'variant' ? writtenValue(match.canonical) : value;
  });
  const variants = values.flatMap((value, position) => (canonical[position] !== value.value ? [{ ...value, canonical: canonical[position]! }] : []));
  const complete = values.every(({ value }) => value !== '');
  const badSeparators = complete ? values.slice(1).flatMap((value, position) => separatorFinding(cell, values[position]!, value)) : [];
  let replacement = canonical.join(SEPARATOR);
  if (badSeparators.length === 0) {
    // Only the variants change; everything else in the cell stays as written.
    replacement = cell.source;
    for (const { start, end, canonical: spelling } of [...variants].reverse()) replacement = replacement.slice(0, start) + spelling + replacement.slice(end);
  }
  const findings: Finding[] = [
    ...variants.map(({ value, start, end, canonical: spelling }) => ({
      range: rangeInCell(cell, start, end),
      message: `Unexpected "${value}", expected "${spelling}"`,
      hint: `Write "${spelling}", or run \`npm run format-catalog\` to rewrite it`,
    })),
    ...badSeparators,
  ];
  return { findings: findings.sort((a, b) => a.range.start.offset - b.range.start.offset), replacement };
}

/** The text between two values when it is not ", " (`,`, ` ,`, `,  `). */
function separatorFinding(cell: Cell, before: ListValue, after: ListValue): Finding[] {
  const written = cell.source.slice(before.end, after.start);
  if (written === SEPARATOR) return [];
  return [
    {
      range: rangeInCell(cell, before.end, after.start),
      message: `Unexpected "${written}" between "${before.value}" and "${after.value}", expected ", "`,
      hint: 'Separate the values with a comma and one space, or run `npm run format-catalog` to rewrite it',
    },
  ];
}
