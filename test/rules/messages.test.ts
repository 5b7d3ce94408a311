import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/catalog/diagnostic.js';
import { fixtureConfig, lint, places } from './lint-helpers.js';
import { readCatalog } from '../../src/catalog/read.js';
import { lintCatalog } from '../../src/rules/index.js';

/** Lints with the lines a `--changed-since` diff added. */
function lintWith(source: string, addedLines: Set<number>): Diagnostic[] {
  const config = fixtureConfig();
  return lintCatalog(readCatalog({ file: 'catalog.md', source, config }), config, { addedLines });
}

const HEADER = '| Name | Description | Paper | Framework | Year |\n| --- | --- | --- | --- | --- |\n';

function only(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const found = diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const at = (diagnostic: Diagnostic) => [
  `${diagnostic.range.start.line}:${diagnostic.range.start.column}`,
  `${diagnostic.range.end.line}:${diagnostic.range.end.column}`,
];

describe('messages, ranges, hints and fixes', () => {
  it('names the missing cell at the end of a short row', () => {
    const diagnostic = only(lint(`${HEADER}| GPipe | Pipelines | | |\n`), 'table-column-count');
    expect(diagnostic.message).toBe('Row has 4 cells, expected 5 (the header has 5): the "Year" cell is missing');
    expect(at(diagnostic)).toEqual(['3:26', '3:26']);
    expect(diagnostic.hint).toContain('npm run format-catalog');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.file).toBe('catalog.md');
  });

  it('points at the first extra cell and tells how to keep a pipe', () => {
    const diagnostic = only(lint('| A | B |\n| - | - |\n| 1 | 2 | 3 |\n'), 'table-column-count');
    expect(diagnostic.message).toBe('Row has 3 cells, expected 2 (the header has 2): GFM drops the extra cell "3" without a word');
    expect(at(diagnostic)).toEqual(['3:11', '3:12']);
    expect(diagnostic.hint).toContain('\\|');
  });

  it('rewrites only the variant value in the fix', () => {
    const diagnostics = lint(`${HEADER}| A | B | | JAX, pytorch | 2020 |\n`);
    const diagnostic = only(diagnostics, 'canonical-vocabulary');
    expect(diagnostic.message).toBe('Unexpected "pytorch", expected "PyTorch"');
    expect(at(diagnostic)).toEqual(['3:18', '3:25']);
    expect(diagnostic.fix).toEqual({ table: 0, row: 0, column: 3, replacement: 'JAX, PyTorch' });
  });

  it('lists the allowed values for an unknown one', () => {
    const diagnostic = only(lint(`${HEADER}| A | B | | Caffe | 2020 |\n`), 'cell-type');
    expect(diagnostic.message).toBe(
      'Unexpected "Caffe" in the "Framework" column, expected one of "PyTorch", "TensorFlow", "JAX", "Not open-sourced"',
    );
    expect(diagnostic.hint).toContain('catalog.config.json');
  });

  it('reports a duplicate at the second place, names the first line, and relates both', () => {
    const source = `${HEADER}| A | B | [arXiv](https://arxiv.org/abs/2007.01045) | | 2020 |\n| C | D | [pdf](https://arxiv.org/pdf/2007.01045v2.pdf#page=2) | | 2020 |\n`;
    const diagnostic = only(lint(source), 'duplicate-entry');
    expect(diagnostic.message).toContain('on line 3');
    expect(at(diagnostic)[0]).toBe('4:11');
    expect(diagnostic.hint).toBe(
      'Two rows describe one entry: merge them into one, or correct the link that points to the wrong page; if entries may share the "Paper" link (a licence, one repository for two methods), set "sharedLinks": true on that column',
    );
    expect(diagnostic.related?.map((related) => at({ ...diagnostic, range: related.range })[0])).toEqual(['3:11']);
  });

  it('warns about a shared repository naming both entries', () => {
    const source = `${HEADER}| [OptCNN](https://github.com/flexflow/FlexFlow) | B | | | 2018 |\n| [FlexFlow](https://github.com/FlexFlow/FlexFlow/tree/master) | D | | | 2019 |\n`;
    const diagnostic = only(lint(source), 'shared-repository');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toBe('"FlexFlow" and "OptCNN" (line 3) link to the same repository flexflow/flexflow');
    expect(diagnostic.related?.[0]?.range.start.line).toBe(3);
  });

  it('lands on the row that is out of place, and says where it belongs', () => {
    const diagnostic = only(lint(`${HEADER}| B | x | | | 2020 |\n| A | y | | | 2020 |\n`), 'sorted');
    expect(diagnostic.message).toBe('"A" is out of the sort order (Year, Name): it belongs before "B" (line 3)');
    expect(diagnostic.fix).toBeUndefined();
    expect(at(diagnostic)[0]).toBe('4:1');
  });

  it('reports a row added at the end out of place, not the innocent first row', () => {
    const rows = ['| B | x | | | 2019 |', '| C | x | | | 2020 |', '| D | x | | | 2021 |', '| A | new | | | 2018 |'];
    const diagnostics = lint(`${HEADER}${rows.join('\n')}\n`).filter((diagnostic) => diagnostic.ruleId === 'sorted');
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message])).toEqual([
      [6, '"A" is out of the sort order (Year, Name): it belongs before "B" (line 3)'],
    ]);
  });

  it('reports each row out of place, and one finding for a table in another order', () => {
    const twoMoved = ['| E | x | | | 2022 |', '| B | x | | | 2019 |', '| C | x | | | 2020 |', '| A | x | | | 2018 |', '| D | x | | | 2021 |'];
    expect(places(lint(`${HEADER}${twoMoved.join('\n')}\n`))).toEqual(['3:1 sorted', '6:1 sorted']);
    const reversed = Array.from({ length: 12 }, (_, index) => `| R${12 - index} | x | | | 2020 |`);
    const diagnostics = lint(`${HEADER}${reversed.join('\n')}\n`);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['11 rows are out of the sort order (Year, Name), the first on this line: it belongs before "R12" (line 3)']);
    expect(diagnostics[0]!.range.start.line).toBe(4);
  });

  it('with the lines a diff added, lands on the added row of a pair out of order', () => {
    const source = `${HEADER}| A | added | | | 2020 |\n| B | old | | | 2019 |\n`;
    expect(places(lint(source)).filter((place) => place.endsWith('sorted'))).toEqual(['4:1 sorted']);
    expect(places(lintWith(source, new Set([3]))).filter((place) => place.endsWith('sorted'))).toEqual(['3:1 sorted']);
  });

  it('reports a duplicate on the later row, or on the row the diff added', () => {
    const source = `${HEADER}| GPipe | new | [arXiv](https://arxiv.org/abs/1811.06965) | | 2018 |\n| GPipe | old | [arXiv](https://arxiv.org/pdf/1811.06965) | | 2019 |\n`;
    const later = only(lint(source), 'duplicate-entry');
    expect(later.message).toBe('Duplicate entry "GPipe": the same name as "GPipe" on line 3');
    expect(at(later)[0]).toBe('4:3');
    const added = only(lintWith(source, new Set([3])), 'duplicate-entry');
    expect(added.message).toBe('Duplicate entry "GPipe": the same name as "GPipe" on line 4');
    expect(at(added)[0]).toBe('3:3');
    expect(added.related?.[0]?.range.start.line).toBe(4);
    const paper = `${HEADER}| Spotlight | new | [arXiv](https://arxiv.org/abs/1811.06965) | | 2018 |\n| GPipe | old | [arXiv](https://arxiv.org/pdf/1811.06965) | | 2019 |\n`;
    const byPaper = only(lintWith(paper, new Set([3])), 'duplicate-entry');
    expect(byPaper.message).toBe(
      'Duplicate entry: the "Paper" link "https://arxiv.org/abs/1811.06965" of "Spotlight" is the same page as "https://arxiv.org/pdf/1811.06965" of "GPipe" on line 4',
    );
    expect(at(byPaper)[0]).toBe('3:21');
  });

  it('tells namesakes apart from duplicates: silent across sites, a warning that names both links on one site', () => {
    const source = `${HEADER}| [Alpa](https://github.com/alpa-projects/alpa) | Compiler | | | 2022 |\n| [Alpa](https://github.com/alpa-projects/alpa-old) | Old | | | 2022 |\n`;
    const diagnostic = only(lint(source), 'duplicate-entry');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toBe('"Alpa" links to "https://github.com/alpa-projects/alpa-old", and "Alpa" on line 3 to "https://github.com/alpa-projects/alpa": two entries of one name');
    const twoProjects = source.replace('https://github.com/alpa-projects/alpa-old', 'https://example.org/alpa-robot');
    expect(lint(twoProjects).filter((found) => found.ruleId === 'duplicate-entry')).toEqual([]);
  });

  it('names the setting that allows an entry under two headings when it is not set', () => {
    const source = `## A\n\n${HEADER}| [Alpa](https://github.com/alpa-projects/alpa) | Compiler | | | 2022 |\n\n## B\n\n${HEADER}| [Alpa](https://github.com/alpa-projects/alpa) | Again | | | 2022 |\n`;
    expect(only(lint(source), 'duplicate-entry').message).toBe(
      'Duplicate entry "Alpa": the same name as "Alpa" on line 5 (in another table; set "crossListing": true on the schema if the list files an entry under several headings)',
    );
  });

  /** The opening lines of a table of the fixtures' "datasets" schema, whose Paper and License links may be shared. */
  const DATASETS = ['## Datasets', '', '| Dataset | Description | Paper | License | Code |', '| --- | --- | --- | --- | --- |'];

  it('reports a shared link into the repository of one entry on the other entry, naming whose it is', () => {
    const source = [
      ...DATASETS,
      '| [bcm2835](https://github.com/o/odin-bcm2835) | Bindings | | [MIT](https://github.com/o/odin-bcm2835/blob/main/LICENSE) | |',
      '| [ADS1256 driver](https://github.com/o/ads1256-odin) | A driver | | [MIT](https://github.com/o/odin-bcm2835/blob/main/LICENSE) | |',
      '',
    ].join('\n');
    const diagnostic = only(lint(source), 'duplicate-entry');
    expect(diagnostic.message).toBe(
      'The "License" link "https://github.com/o/odin-bcm2835/blob/main/LICENSE" of "ADS1256 driver" leads to the repository of "bcm2835" on line 5 (o/odin-bcm2835)',
    );
    expect(at(diagnostic)[0]).toBe('6:70');
    expect(diagnostic.related?.[0]?.range.start.line).toBe(5);
  });

  it('names the schema of each table around a table that matches none, and the one its header is as wide as', () => {
    const source = [
      ...DATASETS,
      '| [GOO](https://example.org/goo) | Gaze | | | |',
      '',
      '## Methods',
      '',
      '| System | Description | Paper | Framework | Year |',
      '| --- | --- | --- | --- | --- |',
      '| Tofu | Partitions | | TensorFlow | 2019 |',
      '',
      '| Name | Description | Paper | Framework | Year |',
      '| --- | --- | --- | --- | --- |',
      '| Unity | Joint search | | PyTorch | 2022 |',
      '',
    ].join('\n');
    const diagnostic = only(lint(source), 'header-row');
    expect(diagnostic.message).toBe(
      'This table matches no schema, so none of its rows is checked: the tables before and after it (lines 3 and 13) match the schemas "datasets" and "methods", and it has 5 cells like the schema "datasets"',
    );
  });

  it('names an invisible character by code point, at its exact column', () => {
    const diagnostic = only(lint('| A | B |\n| - | - |\n| 1 | x\u200by |\n'), 'invisible-characters');
    expect(diagnostic.message).toBe('Unexpected invisible character U+200B ZERO WIDTH SPACE');
    expect(at(diagnostic)).toEqual(['3:8', '3:9']);
    expect(diagnostic.hint).toMatch(/^Delete it/u);
  });

  it('counts columns in UTF-16 code units after emoji', () => {
    const diagnostic = only(lint('| A | B |\n| - | - |\n| 🚀 | x\u00a0y |\n'), 'invisible-characters');
    expect(at(diagnostic)).toEqual(['3:9', '3:10']);
    expect(diagnostic.hint).toBe('Replace it with a plain space (`npm run format-catalog` does it)');
  });

  it('offers no fix for a no-break space in a link\'s address: a space would turn the link into text', () => {
    const diagnostic = only(lint('| A | B |\n| - | - |\n| a | [doc](https://example.com/a\u00a0b) |\n'), 'invisible-characters');
    expect(diagnostic.fix).toBeUndefined();
    expect(diagnostic.hint).toMatch(/^Remove it from the link's address/u);
  });

  it('says to move a row by hand where format leaves the table as it is (a block quote)', () => {
    const quoted = '> | Name | Description | Paper | Framework | Year |\n> | - | - | - | - | - |\n> | Zeta | z | | | 2021 |\n> | Alpha | a | | | 2020 |\n';
    expect(only(lint(quoted), 'sorted').hint).toMatch(/^Move the row by hand: `catalog format` leaves a table in a block quote/u);
    expect(only(lint(quoted.replace(/^> /gmu, '')), 'sorted').hint).toMatch(/^Run `npm run format-catalog` to sort the table/u);
  });

  it('points at the pipe that splits a code span', () => {
    const diagnostic = only(lint('| A | B |\n| - | - |\n| `a | b` |\n'), 'pipe-in-code-span');
    expect(at(diagnostic)).toEqual(['3:6', '3:7']);
    expect(diagnostic.hint).toContain('\\|');
  });

  it('says what is wrong with the header', () => {
    const diagnostics = lint('| Name | Description | Paper | Year | Framework |\n| - | - | - | - | - |\n');
    expect(only(diagnostics, 'table-header').message).toBe('Column "Year" is out of order, expected "Framework" here');
  });
});
