import type { Row, Table } from '../catalog/model.js';
import { defineStructureRule, type Finding } from './define.js';

/**
 * A line right under a table continues it, up to a blank line, even without a pipe: GFM reads
 * prose written there, or the `$$` that closes a math block, as a row of the table. That is
 * almost always a slip. One finding per run of such lines, on its first one; `format` leaves
 * them where they are, and the other rules say nothing about them.
 */
export const pipelessRow = defineStructureRule(
  {
    id: 'pipeless-row',
    severity: 'error',
    description: 'No line without a pipe is read as a row of the table above it',
    fixable: false,
  },
  (table) => runsOf(table).map((run) => findingFor(table, run)),
);

function runsOf(table: Table): Row[][] {
  const runs: Row[][] = [];
  let previous: Row | undefined;
  for (const row of table.rows) {
    if (row.pipeless) {
      const run = runs[runs.length - 1];
      if (run && previous?.pipeless) run.push(row);
      else runs.push([row]);
    }
    previous = row;
  }
  return runs;
}

function findingFor(table: Table, run: Row[]): Finding {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const lines = run.length === 1 ? `Line ${first.line} is a line` : `Lines ${first.line}–${last.line} are lines`;
  const above = table.rows[table.rows.indexOf(first) - 1]?.line ?? table.delimiter.line;
  return {
    range: first.cells[0]?.range ?? first.range,
    message: `${lines} GFM reads as ${run.length === 1 ? 'a row' : 'rows'} of the table above (add a blank line): ${run.length === 1 ? 'it holds' : 'they hold'} no \`|\`, but nothing ends the table on line ${table.header.line} before ${run.length === 1 ? 'it' : 'them'}`,
    hint: `Add a blank line between line ${above} and line ${first.line}; if ${run.length === 1 ? 'it is a row' : 'they are rows'}, write the cells between pipes (\`| … |\`)`,
  };
}
