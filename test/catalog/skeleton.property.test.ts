import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericConfig } from '../../src/catalog/load-config.js';
import type { Catalog } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read.js';
import { expectSameCellsAsRemark } from '../helpers/remark-tables.js';

// The reader's skeleton replaces each run of table body rows with one stand-in row `|`. Whatever
// the rows hold (HTML that would open or close a block, `>`, code, links) and whatever surrounds
// them (HTML blocks, code fences, lists, block quotes, lazy lines), the model read through the
// skeleton is the one read from a parse of the whole document, and its cells are remark's.

const cellPiece = fc.constantFrom(
  'text', '-->', '<!--', '<!-- catalog-disable-line sorted -->', '>', '> quote', '</div>', '<div>', '?>', ']]>', '</script>',
  '`code`', '`a \\| b`', '\\|', '[l](https://e.org/x)', '*em*', '<br>', 'https://e.org', '', '---', ':-:',
);
const indent = fc.constantFrom('', ' ', '  ', '   ');
const bodyRow = fc.tuple(indent, fc.array(fc.array(cellPiece, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.boolean()).map(
  ([space, cells, trailing]) => `${space}| ${cells.map((pieces) => pieces.join(' ')).join(' | ')}${trailing ? ' |' : ''}`,
);
const table = fc.tuple(fc.constantFrom('', '  ', '> ', '- '), fc.array(bodyRow, { maxLength: 6 })).map(([container, rows]) => [
  `${container}| a | b |`,
  `${container === '- ' ? '  ' : container}| - | - |`,
  ...rows.map((row) => (container === '- ' ? `  ${row}` : container === '> ' ? row : `${container}${row}`)),
]);
const proseLine = fc.constantFrom(
  '', 'Some text', 'lazy', '<!--', '-->', '<div>', '</div>', '<script>', '</script>', '<?php', '?>', '<![CDATA[', ']]>',
  '```', '~~~', '- item', '  - nested', '> quote', '>', '***', '---', '===', '## Heading', '| prose | with pipes |', '    code',
  '[ref]: https://e.org/ref', 'See [a link](https://e.org/a).',
);
const document = fc
  .tuple(fc.array(fc.oneof(proseLine.map((line) => [line]), table), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([blocks, eol, finalNewline]) => blocks.flat().join(eol) + (finalNewline ? eol : ''));

/** Everything the model holds, positions included, as plain data. */
function modelView(catalog: Catalog): unknown {
  const { pointAt: _pointAt, tables, ...rest } = catalog;
  return {
    ...rest,
    tables: tables.map((table) => ({
      ...table,
      header: { ...table.header, cells: table.header.cells.map((cell) => ({ ...cell, nodes: cell.nodes })) },
      rows: table.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, nodes: cell.nodes })) })),
    })),
  };
}

describe('the skeleton', () => {
  it('gives the model of a whole-document parse, and remark\'s cells, on random documents', () => {
    fc.assert(
      fc.property(document, (source) => {
        const config = genericConfig();
        const skeleton = readCatalog({ file: 'random.md', source, config });
        const exact = readCatalog({ file: 'random.md', source, config, exact: true });
        expect(modelView(skeleton)).toEqual(modelView(exact));
        expectSameCellsAsRemark(source, skeleton);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
