import { describe, expect, it } from 'vitest';
import { genericConfig, parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { expectSameCellsAsRemark } from '../helpers/remark-tables.js';

const read = (source: string) => readCatalog({ file: 'test.md', source, config: genericConfig() });

const expectSameAsRemark = (source: string) => expectSameCellsAsRemark(source, read(source));

describe('readCatalog', () => {
  it('gives two kinds of table under one heading each its own schema, by their columns', () => {
    const config = parseConfig(
      {
        tables: [
          { name: 'tools', headings: ['Tools'], columns: [{ name: 'Name' }, { name: 'Description' }] },
          { name: 'papers', headings: ['Tools'], columns: [{ name: 'Paper' }, { name: 'Year', type: 'year' }] },
        ],
      },
      null,
    );
    const source = '## Tools\n\n| Name | Description |\n| --- | --- |\n| a | b |\n\n| Paper | Year |\n| --- | --- |\n| p | 2020 |\n\n| Nome | Description |\n| --- | --- |\n| c | d |\n';
    const catalog = readCatalog({ file: 'test.md', source, config });
    // The third table matches neither exactly: the first schema of its heading, for table-header to report.
    expect(catalog.tables.map((table) => table.schema?.name)).toEqual(['tools', 'papers', 'tools']);
  });

  it('gives a schema without headings only the tables that have its key and most of its columns', () => {
    const config = parseConfig({ tables: [{ name: 'list', key: 'Name', columns: [{ name: 'Name' }, { name: 'Description' }, { name: 'Year', type: 'year' }] }] }, null);
    const source = '| Name | Description | Year |\n| --- | --- | --- |\n| a | b | 2020 |\n\n| Name | Meaning |\n| --- | --- |\n| ⭐ | popular |\n\n| Name | Descripton | Year |\n| --- | --- | --- |\n| c | d | 2021 |\n';
    const catalog = readCatalog({ file: 'test.md', source, config });
    // A legend with a Name column is another kind of table; a misspelt column is still the list's.
    expect(catalog.tables.map((table) => table.schema?.name ?? null)).toEqual(['list', null, 'list']);
  });

  it('reads cells with exact positions, including cells beyond the header', () => {
    const source = '# Title\n\n## Section\n\n| A | B |\n| --- | :-: |\n| [x](https://x.org/a) | `c` |\n| one | two | three |\n| short |\n';
    const catalog = read(source);
    expect(catalog.tables).toHaveLength(1);
    const table = catalog.tables[0]!;
    expect(table.section.heading).toBe('Section');
    expect(table.delimiter.align).toEqual([null, 'center']);
    expect(table.rows.map((row) => row.cells.length)).toEqual([2, 3, 1]);
    const link = table.rows[0]!.cells[0]!.links[0]!;
    expect(link).toMatchObject({ url: 'https://x.org/a', text: 'x', range: { start: { line: 7, column: 3 } } });
    expect(source.slice(link.urlRange!.start.offset, link.urlRange!.end.offset)).toBe('https://x.org/a');
    const extra = table.rows[1]!.cells[2]!;
    expect(extra).toMatchObject({ source: 'three', range: { start: { line: 8, column: 15 } } });
    expect(source.slice(extra.range.start.offset, extra.range.end.offset)).toBe('three');
  });

  it('agrees with remark on long tables read through the skeleton', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `| [n${i}](https://e.org/${i}) | *em* ${i} \\| x | \`co|de\` |`);
    expectSameAsRemark(`intro\n\n| a | b | c |\n|---|---|---|\n${rows.join('\n')}\nlazy row\n\n> | q |\n> | - |\n> | 1 |\n> | 2 |\n> | 3 |\n`);
  });

  it('keeps positions right with a BOM and CRLF', () => {
    const source = '\uFEFF| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n| 3 | 4 |\r\n| 5 | 6 |\r\n';
    const catalog = read(source);
    expect(catalog.bom).toBe(true);
    expect(catalog.eol).toBe('\r\n');
    const cell = catalog.tables[0]!.rows[2]!.cells[1]!;
    expect(cell.range.start).toMatchObject({ line: 5, column: 7 });
    expect(source.slice(cell.range.start.offset, cell.range.end.offset)).toBe('6');
  });

  it('falls back to a whole parse when a left-out line was not a table row', () => {
    expectSameAsRemark('| a |\n| - |\n- | b |\n  | c |\n  | d |\n  | e |\n| f |\n');
    expectSameAsRemark('```\n| a |\n| b |\n| c |\n```\n');
  });
});

describe('paragraphs outside tables', () => {
  it('lists them with their lines and the outermost block quote that holds them, not code, HTML or table rows', () => {
    const source = 'Intro\n| x | y |\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> quoted\n>\n> > deeper\n\n```\n| code |\n```\n\n<div>\n| html |\n</div>\n\n- item\n';
    const paragraphs = read(source).paragraphs.map(({ range, blockQuote }) => [range.start.line, range.end.line, blockQuote && [blockQuote.start.line, blockQuote.end.line]]);
    expect(paragraphs).toEqual([
      [1, 2, null],
      [8, 8, [8, 10]],
      [10, 10, [8, 10]],
      [20, 20, null],
    ]);
  });
});

describe('the skeleton shortcut', () => {
  it('keeps a line that leaves the list item its neighbours are in', () => {
    const source = '- x\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n| 3 | 4 |\n  | 5 | 6 |\n';
    expectSameAsRemark(source);
    expect(read(source).tables[0]!.rows).toHaveLength(1);
  });

  it('reads each row of a block-quoted table after its own > marker', () => {
    expectSameAsRemark('> | a | b |\n> | - | - |\n>|| 2 |\n>  | 3 | 4 |\n> > | x |\n');
  });
});
