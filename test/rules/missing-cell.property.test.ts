// Random rows of the real catalog with one cell deleted, as a contributor forgets one: the
// diagnosis names the deleted column in at least 9 of 10 cases (an empty cell deleted next to
// another empty one reads the same either way, so a reading counts as right when it puts back
// the row that was meant), and `format` never writes a row under the wrong columns.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/catalog/load-config.js';
import type { Row } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read.js';
import { formatSource } from '../../src/format/format.js';
import { isRepaired, withRepairedRows } from '../../src/rules/row-repairs.js';

const file = fileURLToPath(new URL('../../catalog.md', import.meta.url));
const source = readFileSync(file, 'utf8');
const config = loadConfig(file);
const catalog = readCatalog({ file, source, config });
const rows = catalog.tables.flatMap((table) => table.rows.map((row) => ({ table: table.index, row })));
const lines = source.split('\n');
const width = catalog.tables[0]!.header.cells.length;

const deletion = fc.record({ at: fc.nat({ max: rows.length - 1 }), column: fc.nat({ max: width - 1 }) });

/** The catalog with one cell of one row left out, and the cells the row was meant to have. */
function withDeletedCell({ at, column }: { at: number; column: number }) {
  const { table, row } = rows[at]!;
  const kept = row.cells.filter((cell) => cell.index !== column).map((cell) => cell.source);
  const edited = [...lines];
  edited[row.line - 1] = `|${kept.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
  const meant = row.cells.map((cell) => (cell.index === column ? '' : cell.source));
  return { table, line: row.line, text: edited.join('\n'), meant, written: edited[row.line - 1]! };
}

const sourcesOf = (row: Row) => [...row.cells.map((cell) => cell.source), ...Array<string>(Math.max(0, width - row.cells.length)).fill('')];

describe('a cell deleted from a row of the real catalog', () => {
  const samples = fc.sample(deletion, { numRuns: 60, seed: 16 });

  it('is diagnosed as that cell missing in at least 9 of 10 cases', () => {
    const right = samples.filter((sample) => {
      const { table, line, text, meant } = withDeletedCell(sample);
      const read = withRepairedRows(readCatalog({ file, source: text, config }));
      const row = read.tables[table]!.rows.find((candidate) => candidate.line === line)!;
      // A row that is not repaired reads as GFM pads it: the cell missing at the end.
      return (isRepaired(row) || row.cells.length < width) && sourcesOf(row).join('\u0000') === meant.join('\u0000');
    }).length;
    expect(right / samples.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('is never written shifted by format: the row is put back as meant, or its table is left as it is', () => {
    for (const sample of samples.slice(0, 30)) {
      const { table, text, meant, written } = withDeletedCell(sample);
      const result = formatSource(file, text, config);
      const refused = result.refused.some((refusal) => refusal.range.start.line === text.slice(0, text.indexOf(written)).split('\n').length);
      if (refused) {
        expect(result.output).toContain(`\n${written}\n`);
        continue;
      }
      const after = readCatalog({ file, source: result.output, config }).tables[table]!;
      expect(after.rows.map((row) => sourcesOf(row).join('\u0000'))).toContain(meant.join('\u0000'));
    }
  }, 120_000);
});
