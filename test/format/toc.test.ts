import { describe, expect, it } from 'vitest';
import { genericConfig } from '../../src/catalog/load-config.js';
import type { Catalog } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read.js';
import { tableOfContents, TOC_END_MARKER, TOC_START_MARKER } from '../../src/format/toc.js';

function read(source: string): Catalog {
  return readCatalog({ file: 'catalog.md', source, config: genericConfig() });
}

function splice(source: string): string {
  const toc = tableOfContents(read(source));
  if (!toc) return source;
  return source.slice(0, toc.start) + toc.text + source.slice(toc.end);
}

const TABLE = (rows: number): string =>
  ['| Name | Year |', '| --- | --- |', ...Array.from({ length: rows }, (_, index) => `| Method ${index} | 2021 |`)].join('\n');

const catalogWithToc = [
  '# Auto-parallelism',
  '',
  'Intro prose that must not move.',
  '',
  TOC_START_MARKER,
  '- stale entry',
  TOC_END_MARKER,
  '',
  '## Data Parallelism + Pipeline Parallelism:',
  '',
  TABLE(3),
  '',
  '## Notes',
  '',
  'No table here.',
  '',
  '## Pipeline (only)',
  '',
  TABLE(1),
  '',
  '## Pipeline (only)',
  '',
  TABLE(2),
  '',
].join('\n');

describe('tableOfContents', () => {
  it('lists each section that has a table, with its number of entries and GitHub anchor', () => {
    expect(splice(catalogWithToc)).toBe(
      catalogWithToc.replace(
        '\n- stale entry\n',
        [
          '',
          '',
          '- [Data Parallelism + Pipeline Parallelism:](#data-parallelism--pipeline-parallelism) (3 entries)',
          '- [Pipeline (only)](#pipeline-only) (1 entry)',
          '- [Pipeline (only)](#pipeline-only-1) (2 entries)',
          '',
          '',
        ].join('\n'),
      ),
    );
  });

  it('covers exactly the text strictly between the markers', () => {
    const toc = tableOfContents(read(catalogWithToc))!;
    expect(catalogWithToc.slice(toc.start - TOC_START_MARKER.length, toc.start)).toBe(TOC_START_MARKER);
    expect(catalogWithToc.slice(toc.end, toc.end + TOC_END_MARKER.length)).toBe(TOC_END_MARKER);
    expect(catalogWithToc.slice(toc.start, toc.end)).toBe('\n- stale entry\n');
  });

  it('is stable: a second run gives the same text', () => {
    const once = splice(catalogWithToc);
    expect(splice(once)).toBe(once);
  });

  it('changes nothing outside the markers', () => {
    const result = splice(catalogWithToc);
    const toc = tableOfContents(read(catalogWithToc))!;
    expect(result.slice(0, toc.start)).toBe(catalogWithToc.slice(0, toc.start));
    expect(result.endsWith(catalogWithToc.slice(toc.end))).toBe(true);
  });

  it("uses the file's line ending", () => {
    const crlf = catalogWithToc.replace(/\n/g, '\r\n');
    const toc = tableOfContents(read(crlf))!;
    expect(toc.text).toBe(
      '\r\n\r\n- [Data Parallelism + Pipeline Parallelism:](#data-parallelism--pipeline-parallelism) (3 entries)' +
        '\r\n- [Pipeline (only)](#pipeline-only) (1 entry)\r\n- [Pipeline (only)](#pipeline-only-1) (2 entries)\r\n\r\n',
    );
    const once = splice(crlf);
    expect(once.replace(/\r\n/g, '')).not.toContain('\n');
    expect(splice(once)).toBe(once);
  });

  it('is null without markers, or with a start marker and no end marker', () => {
    expect(tableOfContents(read(`# A\n\n${TABLE(1)}\n`))).toBeNull();
    expect(tableOfContents(read(`${TOC_START_MARKER}\n\n# A\n\n${TABLE(1)}\n`))).toBeNull();
  });

  it('only counts markers that stand alone on their line', () => {
    const mentioned = `Put \`${TOC_START_MARKER}\` and \`${TOC_END_MARKER}\` in the file.\n\n# A\n\n${TABLE(1)}\n`;
    expect(tableOfContents(read(mentioned))).toBeNull();
  });

  it('gives an empty list when no section has a table', () => {
    const toc = tableOfContents(read(`${TOC_START_MARKER}\n${TOC_END_MARKER}\n\n# A\n\nProse.\n`))!;
    expect(toc.text).toBe('\n\n');
  });

  it('counts every heading for de-duplication, and skips tables without a heading', () => {
    const source = [TOC_START_MARKER, TOC_END_MARKER, '', TABLE(2), '', '# Methods', '', '# Methods', '', TABLE(1), ''].join('\n');
    expect(tableOfContents(read(source))!.text).toBe('\n\n- [Methods](#methods-1) (1 entry)\n\n');
  });

  it('escapes brackets in the link text', () => {
    const source = [TOC_START_MARKER, TOC_END_MARKER, '', '# Methods [draft]', '', TABLE(1), ''].join('\n');
    expect(tableOfContents(read(source))!.text).toBe('\n\n- [Methods \\[draft\\]](#methods-draft) (1 entry)\n\n');
  });
});

describe('tableOfContents and look-alike markers', () => {
  it('leaves markers shown in a code block, a code span or a sentence alone', () => {
    const table = '| Name |\n| --- |\n| A |\n';
    const source = [
      'Put `<!-- catalog:toc -->` in the file, like this:',
      '',
      '```markdown',
      '<!-- catalog:toc -->',
      'an example',
      '<!-- catalog:toc:end -->',
      '```',
      '',
      'Or inline <!-- catalog:toc --> here <!-- catalog:toc:end --> in a sentence.',
      '',
      '# A',
      '',
      table,
    ].join('\n');
    expect(tableOfContents(read(source))).toBeNull();
  });
});
