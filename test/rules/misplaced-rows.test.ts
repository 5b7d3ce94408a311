// Every placement of a misplaced row, each with the exact findings it yields (rule, place,
// message). The catalog has two sections with a table each and a list section, as catalog.md has.
import { describe, expect, it } from 'vitest';
import { lint } from './lint-helpers.js';

const HEADER = '| Name | Description | Paper | Framework | Year |';
const DELIMITER = '| --- | --- | --- | --- | --- |';
const ALPA = '| Alpa | Plans both levels | | JAX | 2022 |';
const UNITY = '| Unity | Joint search | | PyTorch | 2022 |';
const ROW = '| GPipe | Pipelines | | TensorFlow | 2023 |';

/** The catalog with the placement applied: `edit` gets its lines and returns them changed. */
function catalogWith(edit: (lines: string[]) => string[] = (lines) => lines): string {
  const lines = [
    '# Methods', // 1
    '', // 2
    '## Pipeline parallelism', // 3
    '', // 4
    'Systems that split a model into stages.', // 5
    '', // 6
    HEADER, // 7
    DELIMITER, // 8
    ALPA, // 9
    UNITY, // 10
    '', // 11
    '## Related lists', // 12
    '', // 13
    '- [A survey](https://example.org/survey)', // 14
    '- [Another list](https://example.org/list)', // 15
  ];
  return `${edit(lines).join('\n')}\n`;
}

const insert = (at: number, ...inserted: string[]) => (lines: string[]) => [...lines.slice(0, at - 1), ...inserted, ...lines.slice(at - 1)];

const findings = (source: string) => lint(source).map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.ruleId}: ${diagnostic.message}`);

describe('a misplaced row, at every place it lands', () => {
  it('the catalog as it is has no finding', () => {
    expect(findings(catalogWith())).toEqual([]);
  });

  it('between the header and the delimiter row: the row became the header', () => {
    expect(findings(catalogWith(insert(8, ROW)))).toEqual([
      '8:1 header-row: GFM reads line 8 as this table\'s header and line 7 above it (it names the columns of the schema "methods") as a paragraph: a row pasted between the header and the delimiter row?',
    ]);
  });

  it('between the header and the delimiter row, with a cell missing: no table at all', () => {
    expect(findings(catalogWith(insert(8, '| GPipe | Pipelines | TensorFlow | 2023 |')))).toEqual([
      '8:1 stray-row: Lines 7–11 look like a table whose header (line 7) is cut off from its delimiter row (line 9) by line 8: GFM renders them as a paragraph of raw pipes. A row pasted between the header and the delimiter row?',
    ]);
  });

  it('after the table\'s blank line', () => {
    expect(findings(catalogWith(insert(12, ROW, '')))).toEqual([
      '12:1 stray-row: Line 12 looks like a row of the table on line 7 (section "Pipeline parallelism"), but line 11 is blank: the table ends there and this row renders as a paragraph of raw pipes',
    ]);
  });

  it('under the intro paragraph', () => {
    expect(findings(catalogWith(insert(6, ROW)))).toEqual([
      '6:1 stray-row: Line 6 looks like a table row outside any table: it renders as raw pipes in the text; it probably belongs to the table on line 8 (section "Pipeline parallelism")',
    ]);
  });

  it('in the list section', () => {
    expect(findings(catalogWith(insert(15, ROW)))).toEqual([
      '15:1 stray-row: Line 15 looks like a table row outside any table: it renders as raw pipes in the text; it probably belongs to the table on line 7 (section "Pipeline parallelism")',
    ]);
  });

  it('a blank line inside the table', () => {
    expect(findings(catalogWith(insert(10, '')))).toEqual([
      '11:1 stray-row: Line 11 looks like a row of the table on line 7 (section "Pipeline parallelism"), but line 10 is blank: the table ends there and this row renders as a paragraph of raw pipes',
    ]);
  });

  it('a deleted delimiter row', () => {
    expect(findings(catalogWith((lines) => lines.filter((line) => line !== DELIMITER)))).toEqual([
      '7:1 stray-row: Lines 7–9 look like a table without its delimiter row: GFM renders them as a paragraph of raw pipes',
    ]);
  });

  it('a broken delimiter row', () => {
    expect(findings(catalogWith((lines) => lines.map((line) => (line === DELIMITER ? '| --- | --- | --- | --- |' : line))))).toEqual([
      '7:1 stray-row: Lines 7–10 look like a table, but its delimiter row (line 8) has 4 cells and its header (line 7) 5: GFM renders them as a paragraph of raw pipes',
    ]);
  });

  it('inside a code block: an example, no finding', () => {
    expect(findings(catalogWith(insert(12, '```markdown', ROW, '```', '')))).toEqual([]);
    expect(findings(catalogWith(insert(12, `    ${ROW}`, '')))).toEqual([]);
  });

  it('inside a block quote that holds no table: an example, no finding', () => {
    expect(findings(catalogWith(insert(12, `> ${ROW}`, '')))).toEqual([]);
  });

  it('inside a block quote that holds a table: cut off by a blank line', () => {
    const quoted = (lines: string[]) => lines.map((line, index) => (index >= 6 && index <= 9 ? `> ${line}` : line));
    expect(findings(catalogWith((lines) => insert(11, '>', `> ${ROW}`)(quoted(lines))))).toEqual([
      '12:3 stray-row: Line 12 looks like a row of the table on line 7 (section "Pipeline parallelism"), but line 11 is blank: the table ends there and this row renders as a paragraph of raw pipes',
    ]);
  });

  it('inside an HTML block: no finding', () => {
    expect(findings(catalogWith(insert(12, '<div>', ROW, '</div>', '')))).toEqual([]);
  });
});
