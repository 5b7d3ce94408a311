import type { Root, Table } from 'mdast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericConfig } from '../../src/catalog/load-config.js';
import { markdownParser, readCatalog } from '../../src/catalog/read.js';
import { expectSameCellsAsRemark } from '../helpers/remark-tables.js';

// The cell reader reads the common forms of a cell itself (plain text, intraword underscores,
// `[label](https://…)` links, code spans, HTML comments) and hands the rest to remark. Either
// way each cell's text, links and tree, positions included, are those of remark's own tree.

const piece = fc.constantFrom(
  'word', 'auto_mtf', 'a_b_c', '_em_', 'x_', '_x', 'é_a', 'snake_case()', '`code`', '`a_b`', '` x `', '`x `', '`a`b`', '``', '`[l](https://e.org)`',
  '`<b>`', '`&amp;`', '<!-- catalog-disable-line sorted -->', '<!-- a--b -->', '<!---->', '<!-- -->', '<!--x-->', '<!-- a -->',
  '[label](https://e.org/a)', '[a_b](https://e.org/b)', '[`c`](https://e.org/c)', '(paren)', 'A*-based', '*em*', '\\_', 'www.e.org',
  '<br>', '&amp;', ' ', '  ', ':', '-',
);
const cell = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' ')).map(([pieces, between]) => pieces.join(between).trim());

/** remark's cells, with the tree of each. */
function remarkCells(source: string) {
  const table = (markdownParser().parse(source) as Root).children.find((node): node is Table => node.type === 'table')!;
  return table.children.slice(1).map((row) => row.children[0]!.children);
}

describe('the cell reader', () => {
  it('reads each cell as remark does, its tree and positions included, on random cells', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const source = `| a |\n| - |\n${cells.map((text) => `| ${text} |`).join('\n')}\n`;
        const catalog = readCatalog({ file: 'cells.md', source, config: genericConfig() });
        expectSameCellsAsRemark(source, catalog);
        const expected = remarkCells(source);
        catalog.tables[0]!.rows.forEach((row, index) => {
          expect(row.cells[0]?.nodes ?? []).toEqual(expected[index]);
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
