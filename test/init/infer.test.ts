import { describe, expect, it } from 'vitest';
import { genericConfig, parseConfig } from '../../src/catalog/load-config.js';
import type { Cell } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read.js';
import { inferColumn } from '../../src/init/column-type.js';
import { inferConfig } from '../../src/init/infer.js';
import { initSummary } from '../../src/init/summary.js';
import { inferVocabulary } from '../../src/init/vocabulary.js';
import { lintCatalog } from '../../src/rules/index.js';

function read(source: string) {
  return readCatalog({ file: 'list.md', source, config: genericConfig() });
}

/** The cells of a one-column table, one per value. */
function cells(...values: string[]): Cell[] {
  return read(`| Column |\n| --- |\n${values.map((value) => `| ${value} |`).join('\n')}\n`).tables[0]!.rows.map((row) => row.cells[0]!);
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cellsOfRow) => `| ${cellsOfRow.join(' | ')} |`).join('\n');
}

describe('inferVocabulary', () => {
  it('makes the most used spelling canonical and the case, spacing and mark variants its aliases', () => {
    const vocabulary = inferVocabulary(['PyTorch', 'PyTorch', 'pytorch', 'Py Torch', 'JAX', 'JAX', '`JAX`']);
    expect(vocabulary).toEqual({ values: ['PyTorch', 'JAX'], aliases: { pytorch: 'PyTorch', 'py torch': 'PyTorch', '`jax`': 'JAX' }, multiple: false });
  });

  it('reads lists separated by ", " as several values', () => {
    expect(inferVocabulary(['A, B', 'B', 'A', 'A, B, C', 'C', 'C'])).toMatchObject({ values: ['A', 'B', 'C'], multiple: true });
  });

  it('is no vocabulary when values are many, long or numbers', () => {
    expect(inferVocabulary(['a', 'b', 'c', 'd', 'e', 'a'])).toBeNull();
    expect(inferVocabulary(Array(5).fill('A sentence that is far too long to be a word of a vocabulary'))).toBeNull();
    expect(inferVocabulary(['12', '12', '12', '7', '7', '7'])).toBeNull();
  });
});

describe('inferColumn', () => {
  it('is a year column even with a malformed year, left for lint to report', () => {
    const years = cells(...Array.from({ length: 12 }, (_, index) => String(2000 + index)), '2019?');
    expect(inferColumn('Year', years, true)).toEqual({ name: 'Year', type: 'year', required: true });
  });

  it('is a link column, with plain text allowed when some cells have no link', () => {
    const links = Array.from({ length: 6 }, (_, index) => `[n${index}](https://example.org/${index})`);
    expect(inferColumn('Name', cells(...links), true).type).toBe('link');
    expect(inferColumn('Name', cells(...links, 'Plain'), false)).toEqual({ name: 'Name', type: 'link', required: false, allowPlainText: true });
  });

  it('is a links column when cells list links separated by ", "', () => {
    const links = cells('[a](https://a.org), [b](https://b.org)', '[c](https://c.org)');
    expect(inferColumn('Paper', links, false).type).toBe('links');
  });

  it('is text when nothing else fits', () => {
    expect(inferColumn('Description', cells('One thing', 'Another thing', 'A third'), true).type).toBe('text');
  });
});

describe('inferConfig', () => {
  const methods = table(
    ['Name', 'Year', 'Framework'],
    [
      ['[A](https://a.org)', '2019', 'PyTorch'],
      ['[B](https://b.org)', '2020', 'pytorch'],
      ['[C](https://c.org)', '2021', 'JAX'],
      ['[D](https://d.org)', '2021', 'JAX'],
      ['[E](https://e.org)', '2022', 'PyTorch'],
      ['[F](https://f.org)', '2023', 'JAX'],
    ],
  );
  const tools = table(['Tool', 'Notes'], [['x', ''], ['y', 'fine']]);

  it('infers one schema per distinct header, each naming its headings when there are several', () => {
    const inference = inferConfig(read(`## Methods\n\n${methods}\n\n## Tools\n\n${tools}\n`));
    expect(inference.config.tables.map((schema) => [schema.name, schema.headings, schema.key])).toEqual([
      ['Methods', ['Methods'], 'Name'],
      ['Tools', ['Tools'], 'Tool'],
    ]);
    expect(inference.config.tables[1]!.columns).toEqual([
      { name: 'Tool', type: 'text', required: true },
      { name: 'Notes', type: 'text', required: false },
    ]);
  });

  it('sorts by a column only when the tables are sorted by it already', () => {
    expect(inferConfig(read(`${methods}\n`)).config.tables[0]!.sortBy).toEqual(['Name']);
    const unsorted = methods.replace('[A](https://a.org)', '[Z](https://z.org)');
    expect(inferConfig(read(`${unsorted}\n`)).config.tables[0]!.sortBy).toEqual(['Year']);
    const neither = unsorted.replace('2019', '2024');
    expect(inferConfig(read(`${neither}\n`)).config.tables[0]!.sortBy).toEqual([]);
  });

  it('sorts by a column when four tables in five are sorted by it, and lists the others', () => {
    const sortedTable = (letters: string) => table(['Name', 'Notes'], [...letters].map((letter) => [letter, `${letter} notes`]));
    const list = (last: string) => ['ABCDE', 'FGHIJ', 'KLMNO', 'PQRST', last].map((letters, index) => `## Part ${index}\n\n${sortedTable(letters)}\n`).join('\n');
    const mostly = inferConfig(read(list('VUWXY')));
    expect(mostly.config.tables[0]!.sortBy).toEqual(['Name']);
    expect(mostly.schemas[0]!.unsorted.map((unsorted) => unsorted.header.line)).toEqual([43]);
    expect(initSummary(mostly, 'catalog.config.json', 'list.md')).toContain('sorted by Name (1 of 5 tables not yet: line 43;');
    const half = list('VUWXY').replace('| P | P notes |', '| Z | Z notes |');
    expect(inferConfig(read(half)).config.tables[0]!.sortBy).toEqual([]);
  });

  it('allows cross-listings when entries are listed under several headings, keeps duplicate-entry on, and says where', () => {
    const inference = inferConfig(read(`## One\n\n${methods}\n\n## Two\n\n${methods}\n`));
    expect(inference.config.rules).toEqual({});
    expect(inference.config.tables[0]!.crossListing).toBe(true);
    expect(inference.schemas[0]!.repeatedKey).toEqual({ key: 'A', lines: [5, 16] });
    expect(initSummary(inference, 'catalog.config.json', 'list.md')).toContain('allows cross-listings ("crossListing": true)');
    // A row pasted twice into one table is still reported.
    const pasted = `## One\n\n${methods}\n${methods.split('\n')[2]}\n\n## Two\n\n${methods}\n`;
    const config = parseConfig(inferConfig(read(pasted)).config, null);
    const duplicates = lintCatalog(readCatalog({ file: 'list.md', source: pasted, config }), config).filter((diagnostic) => diagnostic.ruleId === 'duplicate-entry');
    expect(duplicates.map((diagnostic) => diagnostic.range.start.line)).toEqual([11]);
  });

  it('types a column as links when a row holds two, with the separator the list uses, and lint accepts its badges and spacing', () => {
    const badge = (name: string, url: string) => `[![${name}](https://img.shields.io/badge/${name}-x)](${url})`;
    const mit = badge('MIT', 'https://opensource.org/licenses/MIT');
    const apache = badge('Apache', 'https://www.apache.org/licenses/LICENSE-2.0');
    const list = table(
      ['Library', 'License'],
      [
        ['&nbsp;[Alpha](https://a.org)&nbsp;', `${mit} ${apache}`],
        ['[Beta](https://b.org)<br>', mit],
        ['[Gamma](https://g.org)', apache],
      ],
    );
    const inference = inferConfig(read(`${list}\n`));
    expect(inference.config.tables[0]!.columns[1]).toMatchObject({ name: 'License', type: 'links', separator: ' ' });
    expect(initSummary(inference, 'catalog.config.json', 'list.md')).toMatch(/License {2}links, separated by " "/u);
    const config = parseConfig(inference.config, null);
    expect(lintCatalog(readCatalog({ file: 'list.md', source: `${list}\n`, config }), config)).toEqual([]);
  });

  it('turns year-matches-paper off for a list that dates entries by venue, and says where', () => {
    const list = table(['Title', 'Year'], [['[Venue paper](https://arxiv.org/abs/2111.05849)', '2022'], ['[Other](https://arxiv.org/abs/2210.00379)', '2022']]);
    const inference = inferConfig(read(`${list}\n`));
    expect(inference.config.rules).toEqual({ 'year-matches-paper': 'off' });
    expect(inference.schemas[0]!.venueYear).toEqual({ line: 3, year: 2022, preprintYear: 2021 });
    const firstVersion = list.replace('| 2022 |', '| 2021 |');
    expect(inferConfig(read(`${firstVersion}\n`)).config.rules).toEqual({});
  });

  it('lets a link column share links when the list already repeats one, says where, and lint then accepts all but a copied link', () => {
    const mit = '[MIT](https://opensource.org/licenses/MIT)';
    const list = table(
      ['Name', 'License', 'Code'],
      [
        ['Alpha', mit, '[code](https://github.com/o/alpha)'],
        ['Beta', '[Apache](https://www.apache.org/licenses/LICENSE-2.0)', '[code](https://github.com/o/beta)'],
        ['Gamma', '[MIT](https://opensource.org/licenses/MIT/)', '[code](https://github.com/o/gamma)'],
        ['Delta', mit, '[code](https://github.com/o/beta)'],
      ],
    );
    const catalog = read(`${list}\n`);
    const inference = inferConfig(catalog);
    // Code repeats a link too, but a column is shared from its first repeat on: both are.
    expect(inference.config.tables[0]!.columns.map((column) => [column.name, column.sharedLinks ?? false])).toEqual([
      ['Name', false],
      ['License', true],
      ['Code', true],
    ]);
    expect(inference.schemas[0]!.sharedLinks[0]).toEqual({ column: 'License', url: 'https://opensource.org/licenses/MIT/', lines: [3, 5] });
    expect(initSummary(inference, 'catalog.config.json', 'list.md')).toContain(
      '  "License" links may repeat ("sharedLinks": true): lines 3 and 5 both link to https://opensource.org/licenses/MIT/; check that it is meant.',
    );
    const config = parseConfig(inference.config, null);
    const diagnostics = lintCatalog(readCatalog({ file: 'list.md', source: catalog.source, config }), config);
    // The licence is shared; Delta's Code link, into the repository named after Beta, is a slip.
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'duplicate-entry').map((diagnostic) => diagnostic.message)).toEqual([
      'The "Code" link "https://github.com/o/beta" of "Delta" leads to the repository of "Beta" on line 4 (o/beta)',
    ]);
    const unshared = table(['Name', 'Code'], [['Alpha', '[code](https://github.com/o/alpha)'], ['Beta', '[code](https://github.com/o/beta)']]);
    expect(inferConfig(read(`${unshared}\n`)).config.tables[0]!.columns[1]!.sharedLinks).toBeUndefined();
  });

  it('turns no-hedge off when the text cells already hold a hedge, and says where', () => {
    const list = table(['Name', 'Description'], [['Mail', 'An email client'], ['HTMX Example TODO List App', 'A to-do list'], ['Ask', 'Why?']]);
    const inference = inferConfig(read(`${list}\n`));
    expect(inference.config.rules).toEqual({ 'no-hedge': 'off' });
    expect(inference.schemas[0]!.hedge).toEqual({ line: 4, column: 'Name', phrase: 'TODO' });
    expect(initSummary(inference, 'catalog.config.json', 'list.md')).toContain(
      `  no-hedge is off: the list's text cells hold its phrases as words (line 4, "Name": "TODO").`,
    );
    const plain = table(['Name', 'Description'], [['Mail', 'An email client'], ['Todo', 'Todo lists, synced']]);
    expect(inferConfig(read(`${plain}\n`)).config.rules).toEqual({});
  });

  it('gives tables without rows or with unnamed columns no schema', () => {
    const inference = inferConfig(read(`| A | B |\n| - | - |\n\n| | B |\n| - | - |\n| 1 | 2 |\n`));
    expect(inference.schemas).toEqual([]);
    expect(inference.skipped.map((skip) => skip.reason)).toEqual(['it has no rows', 'a column has no name']);
  });

  it('writes a config that loads, and under which lint reports only the variant spelling', () => {
    const catalog = read(`${methods}\n`);
    const config = parseConfig(inferConfig(catalog).config, null);
    const diagnostics = lintCatalog(readCatalog({ file: 'list.md', source: catalog.source, config }), config);
    expect(diagnostics.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.ruleId}: ${diagnostic.message}`)).toEqual([
      '4 canonical-vocabulary: Unexpected "pytorch", expected "PyTorch"',
    ]);
  });
});
