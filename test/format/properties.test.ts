import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericConfig, parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { formatSource } from '../../src/format/format.js';
import { proveFormat } from '../../src/format/prove.js';
import { expectSameCellsAsRemark } from '../helpers/remark-tables.js';

// Inline pieces a cell may hold, the awkward ones included: escaped pipes, code spans with
// escaped pipes, links, emphasis, entities, HTML, wide characters.
const piece = fc.constantFrom(
  'alpha', 'Beta', '42', '2021', '自動並列', '😀', '👩‍👩‍👧', 'ｆｕｌｌ', '\\|', '`code`', '`a \\| b`',
  '[arXiv](https://arxiv.org/abs/2101.00001)', '[x](https://example.org/a_(b))', '*em*', '_em_', '**strong**',
  '&amp;', '<br>', '<!-- c -->', 'a\\b', '\\\\', 'www.example.org', 'https://example.org/x', '~~del~~', ' ', '-', ':',
);
const cellText = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(' ').trim());
const headerText = fc.constantFrom('Name', 'Year', 'Paper', 'Notes', '名前', 'Framework');

const proseLine = fc.oneof(
  fc.array(fc.constantFrom('text', 'with | pipe', '`a|b`', '自動', '😀', '*x*', '[l](https://e.org)', '  '), { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
  fc.constantFrom('## Heading', '# Title', '> quote', '- item', '```', 'code', '<!-- comment -->', '---', '<div>'),
);
const prose = fc.array(proseLine, { maxLength: 4 });

interface TableSpec {
  header: string[];
  rows: { cells: string[]; leading: boolean; trailing: boolean; pad: string }[];
}

const tableSpec: fc.Arbitrary<TableSpec> = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    header: fc.uniqueArray(headerText, { minLength: width, maxLength: width }),
    rows: fc.array(
      fc.record({
        cells: fc.array(cellText, { minLength: 1, maxLength: width }),
        leading: fc.boolean(),
        trailing: fc.boolean(),
        pad: fc.constantFrom('', ' ', '  ', '\t'),
      }),
      { maxLength: 8 },
    ),
  }),
);

function renderSpec(spec: TableSpec): string[] {
  const row = (cells: string[], leading: boolean, trailing: boolean, pad: string) =>
    `${leading ? '|' : ''}${cells.map((cell) => `${pad}${cell}${pad}`).join('|')}${trailing ? '|' : ''}`;
  return [
    row(spec.header, true, true, ' '),
    row(spec.header.map(() => '---'), true, true, ''),
    ...spec.rows.map((r) =>
      // A row without outer pipes whose first cell is empty would lose that cell (GFM reads the pipe as leading).
      row(r.cells, r.leading || r.cells[0] === '' || r.cells.length === 1, r.trailing || r.cells.length === 1, r.pad),
    ),
  ];
}

const documentSpec = fc.record({
  blocks: fc.array(fc.oneof(prose.map((lines) => ({ prose: lines })), tableSpec.map((table) => ({ table }))), { maxLength: 5 }),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

function renderDocument(spec: DocumentSpec): string {
  const blocks = spec.blocks.map((block) => ('table' in block ? renderSpec(block.table) : block.prose).join(spec.eol));
  const body = blocks.filter((block) => block !== '').join(spec.eol + spec.eol);
  return `${spec.bom ? '\uFEFF' : ''}${body}${spec.finalNewline ? spec.eol : ''}`;
}

type DocumentSpec = typeof documentSpec extends fc.Arbitrary<infer T> ? T : never;

const sortedConfig = parseConfig(
  { tables: [{ name: 'sorted', key: 'Name', sortBy: ['Name'], columns: [{ name: 'Name' }, { name: 'Year' }, { name: 'Paper' }, { name: 'Notes' }] }] },
  null,
);

describe('the writer, on random documents', () => {
  for (const [label, config] of [
    ['generic', genericConfig()],
    ['sorted', sortedConfig],
  ] as const) {
    it(`keeps every byte outside the tables, every row, and is idempotent (${label})`, () => {
      fc.assert(
        fc.property(documentSpec, (spec) => {
          const source = renderDocument(spec);
          const result = formatSource('random.md', source, config);
          if (result.refused.length > 0) return;
          expect(proveFormat(result.catalog, result.output, config)).toEqual([]);
        }),
        { numRuns: 300 },
      );
      // 300 documents formatted and proved: 12-17 s alone on a loaded two-core machine, more beside the suite.
    }, 90_000);
  }

  it('refuses a table with a row longer than its header, and leaves it byte for byte', () => {
    fc.assert(
      fc.property(tableSpec, fc.constantFrom('\n', '\r\n'), (spec, eol) => {
        const rows = spec.rows.map((row) => ({ ...row, leading: true }));
        const long = { ...spec, rows: [...rows, { cells: [...spec.header.map(() => 'x'), 'extra'], leading: true, trailing: true, pad: ' ' }] };
        const table = renderSpec(long).join(eol);
        const source = `Before.${eol}${eol}${table}${eol}${eol}After.${eol}`;
        const result = formatSource('long.md', source, genericConfig());
        expect(result.refused).toHaveLength(1);
        expect(result.output).toBe(source);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the same cells as remark', () => {
    fc.assert(
      fc.property(documentSpec, (spec) => {
        const source = renderDocument(spec);
        expectSameCellsAsRemark(source, readCatalog({ file: 'random.md', source, config: genericConfig() }));
      }),
      { numRuns: 300 },
    );
  });
});
