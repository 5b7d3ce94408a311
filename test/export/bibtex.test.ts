import { describe, expect, it } from 'vitest';
import type { ExportedEntry, ExportedField } from '../../src/export/catalog-json.js';
import { bibtexRecord, citationKey, type CitationColumns } from '../../src/export/bibtex.js';

const columns: CitationColumns = { name: 'Name', year: 'Year', paper: 'Paper' };

function field(text: string, links: ExportedField['links'] = []): ExportedField {
  return { text, source: text, links };
}

function entry(name: string, year: string, paper?: { url: string; text: string }): ExportedEntry {
  return {
    line: 3,
    fields: {
      Name: field(name),
      Year: field(year),
      Paper: field(paper?.text ?? '', paper ? [{ ...paper, line: 3, column: 10 }] : []),
    },
  };
}

describe('bibtexRecord', () => {
  it('writes the registry metadata: an inproceedings with authors, DOI and arXiv id', () => {
    const record = bibtexRecord(
      entry('GPipe', '2018', { url: 'https://arxiv.org/abs/1811.06965', text: 'NeurIPS 2019' }),
      columns,
      {
        title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism',
        authors: [
          { family: 'Huang', given: 'Yanping' },
          { family: 'Cheng', given: 'Youlong' },
        ],
        venue: 'Advances in Neural Information Processing Systems 32',
        venueKind: 'proceedings',
        year: 2019,
        doi: '10.5555/3454287.3454297',
        arxivId: '1811.06965',
      },
    );
    expect(record).toBe(
      [
        '@inproceedings{gpipe2018,',
        '  title = {{GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism}},',
        '  author = {Huang, Yanping and Cheng, Youlong},',
        '  booktitle = {Advances in Neural Information Processing Systems 32},',
        '  year = {2019},',
        '  doi = {10.5555/3454287.3454297},',
        '  eprint = {1811.06965},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/1811.06965},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('falls back to the row: name as title, Year, the paper label as a note, the link as url', () => {
    const record = bibtexRecord(entry('Pesto', '2021', { url: 'https://dl.acm.org/doi/10.1145/3464298.3476132', text: 'Middleware 2021' }), columns);
    expect(record).toBe(
      ['@misc{pesto2021,', '  title = {{Pesto}},', '  note = {Middleware 2021},', '  year = {2021},', '  url = {https://dl.acm.org/doi/10.1145/3464298.3476132},', '}', ''].join('\n'),
    );
  });

  it('writes a journal as an article and a venue of unknown kind as howpublished', () => {
    const journal = bibtexRecord(entry('vPipe', '2021'), columns, { venue: 'IEEE TPDS', venueKind: 'journal' });
    expect(journal).toMatch(/^@article\{vpipe2021,\n/);
    expect(journal).toContain('  journal = {IEEE TPDS},\n');
    const preprint = bibtexRecord(entry('BaPipe', '2020'), columns, { venue: 'arXiv preprint', arxivId: '2012.12544' });
    expect(preprint).toMatch(/^@misc\{bapipe2020,\n/);
    expect(preprint).toContain('  howpublished = {arXiv preprint},\n');
  });

  it('escapes LaTeX specials so braces balance, and braces a consortium author', () => {
    const record = bibtexRecord(entry('X', '2020'), columns, {
      title: 'A {b} & 100% of $x_1 #2 ~ ^ \\',
      authors: [{ family: 'BigScience Workshop' }, { family: 'O_Neil', given: 'A&B' }],
    });
    expect(record).toContain('  title = {{A \\{b\\} \\& 100\\% of \\$x\\_1 \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}},\n');
    expect(record).toContain('  author = {{BigScience Workshop} and O\\_Neil, A\\&B},\n');
    let depth = 0;
    for (const character of record.replace(/\\[{}]/g, '')) {
      if (character === '{') depth += 1;
      if (character === '}') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('takes a key from the caller, for catalogs where two entries share name and year', () => {
    expect(bibtexRecord(entry('AutoPipe (Liu et al.)', '2022'), columns, {}, { key: 'autopipe2022b' })).toMatch(/^@misc\{autopipe2022b,/);
  });
});

describe('citationKey', () => {
  it('drops parenthesized remarks, folds to ASCII and appends the year', () => {
    expect(citationKey(entry('Mercury (first called Celeritas)', '2022'), columns)).toBe('mercury2022');
    expect(citationKey(entry('Efficient Pipeline Planning (Luo et al.)', '2022'), columns)).toBe('efficientpipelineplanning2022');
    expect(citationKey(entry('Réseau-Ω', ''), columns)).toBe('reseau');
    expect(citationKey(entry('深度', '2020'), columns)).toBe('entry2020');
  });
});
