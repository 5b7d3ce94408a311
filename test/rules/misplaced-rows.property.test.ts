// Random slips of a row applied to the real catalog: each one must make `catalog check` fail,
// with and without the generated table of contents (whose entry counts would otherwise catch
// some of them by accident). Harmless edits of the prose must keep it passing. `main()` runs in
// this process on a file in a temporary folder, so a few hundred runs take seconds.
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const withToc = readFileSync(join(root, 'catalog.md'), 'utf8');
const withoutToc = withToc.replace(/<!-- catalog:toc -->[^]*?<!-- catalog:toc:end -->\n\n/u, '');

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-slips-'));
  copyFileSync(join(root, 'catalog.config.json'), join(folder, 'catalog.config.json'));
  // The catalog links to the README (internal-link checks that it exists).
  copyFileSync(join(root, 'README.md'), join(folder, 'README.md'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The exit code of `catalog check` on `source`. */
async function check(source: string): Promise<number> {
  const file = join(folder, 'catalog.md');
  writeFileSync(file, source);
  return main(['check', '--quiet', file], { stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
}

/** Where slips can go in a version of the catalog: its tables' lines, the intro paragraphs, the list items. */
function placesOf(source: string) {
  const catalog = readCatalog({ file: 'catalog.md', source, config: loadConfig(join(root, 'catalog.md')) });
  const tables = catalog.tables.map((table) => ({
    header: table.header.line,
    delimiter: table.delimiter.line,
    rows: table.rows.map((row) => row.line),
  }));
  // A paragraph right above a table's header (with one blank line between) is its section's intro.
  const intros = catalog.paragraphs.filter((paragraph) => tables.some((table) => table.header === paragraph.range.end.line + 2)).map((paragraph) => paragraph.range.end.line);
  const lastTable = tables[tables.length - 1]!;
  const listItems = source
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line, number }) => line.startsWith('- [') && number > lastTable.rows[lastTable.rows.length - 1]!)
    .map(({ number }) => number);
  expect(tables.length).toBeGreaterThan(1);
  expect(intros.length).toBeGreaterThan(1);
  expect(listItems.length).toBeGreaterThan(1);
  return { tables, intros, listItems };
}

const newRow = (index: number) => `| NewSystem${index} | Plans the parallelism of a new kind of model. | Example University | [arXiv 2025](https://arxiv.org/abs/2501.0${1000 + index}) | PyTorch | 2025 | Dynamic programming |`;

type Lines = string[];
/** Inserts `inserted` so that it becomes line `line` (1-based). */
const insertAt = (lines: Lines, line: number, ...inserted: string[]) => [...lines.slice(0, line - 1), ...inserted, ...lines.slice(line - 1)];

const slips = (source: string) => {
  const { tables, intros, listItems } = placesOf(source);
  const table = fc.constantFrom(...tables);
  const index = fc.integer({ min: 0, max: 999 });
  return fc.oneof(
    fc.record({ kind: fc.constant('between header and delimiter'), table, index }).map(({ table, index }) => (lines: Lines) => insertAt(lines, table.delimiter, newRow(index))),
    fc.record({ kind: fc.constant('a short row between header and delimiter'), table, index }).map(({ table, index }) => (lines: Lines) => insertAt(lines, table.delimiter, newRow(index).replace(' Example University |', ''))),
    fc.record({ kind: fc.constant('after the blank line'), table, index }).map(({ table, index }) => (lines: Lines) => insertAt(lines, table.rows[table.rows.length - 1]! + 2, newRow(index), '')),
    fc.record({ kind: fc.constant('under the intro paragraph'), line: fc.constantFrom(...intros), index }).map(({ line, index }) => (lines: Lines) => insertAt(lines, line + 1, newRow(index))),
    fc.record({ kind: fc.constant('in the list section'), line: fc.constantFrom(...listItems), index }).map(({ line, index }) => (lines: Lines) => insertAt(lines, line + 1, newRow(index))),
    fc.record({ kind: fc.constant('blank line inside a table'), table, at: fc.nat() }).map(({ table, at }) => (lines: Lines) => insertAt(lines, table.rows[1 + (at % (table.rows.length - 1))]!, '')),
    fc.record({ kind: fc.constant('deleted delimiter row'), table }).map(({ table }) => (lines: Lines) => lines.filter((_, line) => line + 1 !== table.delimiter)),
    fc.record({ kind: fc.constant('broken delimiter row'), table }).map(({ table }) => (lines: Lines) => lines.map((text, line) => (line + 1 === table.delimiter ? text.replace(' --- |', '') : text))),
  );
};

const harmlessEdits = (source: string) => {
  const { intros } = placesOf(source);
  const line = fc.constantFrom(...intros);
  const row = newRow(7);
  return fc.oneof(
    fc.record({ line, words: fc.constantFrom('Also see the survey.', 'It uses `a | b` notation.', 'Costs are a \\| b.', 'Rows read left to right.') }).map(
      ({ line, words }) => (lines: Lines) => lines.map((text, index) => (index + 1 === line ? `${text} ${words}` : text)),
    ),
    fc.record({ line, block: fc.constantFrom<string[]>(['```markdown', row, '```'], [`> ${row}`], ['<div>', row, '</div>'], [`    ${row}`]) }).map(
      ({ line, block }) => (lines: Lines) => insertAt(lines, line + 1, '', ...block),
    ),
  );
};

describe('slips of a row in the real catalog', () => {
  for (const [label, source] of [
    ['with its table of contents', withToc],
    ['without a table of contents', withoutToc],
  ] as const) {
    it(`passes as it is (${label})`, async () => {
      expect(await check(source)).toBe(0);
    });

    it(`fails on every slip (${label})`, async () => {
      await fc.assert(
        fc.asyncProperty(slips(source), async (slip) => {
          expect(await check(slip(source.split('\n')).join('\n'))).toBe(1);
        }),
        { numRuns: 40 },
      );
      // Forty whole checks of the catalog: 8-16 s alone, more beside the rest of the suite on two cores.
    }, 90_000);

    it(`passes after harmless edits of the prose (${label})`, async () => {
      await fc.assert(
        fc.asyncProperty(harmlessEdits(source), async (edit) => {
          expect(await check(edit(source.split('\n')).join('\n'))).toBe(0);
        }),
        { numRuns: 20 },
      );
    });
  }
});
