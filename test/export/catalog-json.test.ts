import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { genericConfig, parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { exportCatalog, type CatalogExport } from '../../src/export/catalog-json.js';

const source = [
  '# Methods',
  '',
  '## Pipeline Parallelism',
  '',
  '| Name | Description | Paper |',
  '| --- | --- | --- |',
  '| [GPipe](https://github.com/example/gpipe) | Micro-*batches* | [arXiv](https://arxiv.org/abs/1811.06965), [NeurIPS](https://papers.nips.cc/gpipe.pdf) |',
  '| PipeDream | Short row |',
  '',
].join('\n');

describe('exportCatalog', () => {
  it('pins the version 1 shape: sections, entries, fields and links with positions', () => {
    const exported = exportCatalog(readCatalog({ file: 'catalog.md', source, config: genericConfig() }));
    expect(exported).toEqual<CatalogExport>({
      version: 1,
      file: 'catalog.md',
      sections: [
        {
          heading: 'Pipeline Parallelism',
          depth: 2,
          line: 3,
          schema: null,
          columns: ['Name', 'Description', 'Paper'],
          entries: [
            {
              line: 7,
              added: null,
              fields: {
                Name: {
                  text: 'GPipe',
                  source: '[GPipe](https://github.com/example/gpipe)',
                  links: [{ url: 'https://github.com/example/gpipe', text: 'GPipe', line: 7, column: 3 }],
                },
                Description: { text: 'Micro-batches', source: 'Micro-*batches*', links: [] },
                Paper: {
                  text: 'arXiv, NeurIPS',
                  source: '[arXiv](https://arxiv.org/abs/1811.06965), [NeurIPS](https://papers.nips.cc/gpipe.pdf)',
                  links: [
                    { url: 'https://arxiv.org/abs/1811.06965', text: 'arXiv', line: 7, column: 65 },
                    { url: 'https://papers.nips.cc/gpipe.pdf', text: 'NeurIPS', line: 7, column: 108 },
                  ],
                },
              },
            },
            {
              line: 8,
              added: null,
              fields: {
                Name: { text: 'PipeDream', source: 'PipeDream', links: [] },
                Description: { text: 'Short row', source: 'Short row', links: [] },
                Paper: { text: '', source: '', links: [] },
              },
            },
          ],
        },
      ],
    });
  });

  it("names the table's schema when the config describes it", () => {
    const config = parseConfig(
      {
        tables: [
          {
            name: 'methods',
            key: 'Name',
            sortBy: [],
            columns: [
              { name: 'Name', type: 'link', required: true, allowPlainText: true },
              { name: 'Description', type: 'text', required: true },
              { name: 'Paper', type: 'links', required: false },
            ],
          },
        ],
      },
      null,
    );
    const exported = exportCatalog(readCatalog({ file: 'catalog.md', source, config }));
    expect(exported.sections[0]!.schema).toBe('methods');
  });

  it('exports the real catalog as plain JSON, every entry with every column', () => {
    const seed = readFileSync(new URL('../fixtures/seed-catalog.md', import.meta.url), 'utf8');
    const exported = exportCatalog(readCatalog({ file: 'seed-catalog.md', source: seed, config: genericConfig() }));
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(exported.sections.length).toBeGreaterThan(0);
    for (const section of exported.sections) {
      for (const entry of section.entries) {
        expect(Object.keys(entry.fields)).toEqual(section.columns);
        const line = seed.split('\n')[entry.line - 1]!;
        for (const field of Object.values(entry.fields)) {
          expect(line).toContain(field.source);
          for (const link of field.links) expect(line.slice(link.column - 1)).toContain(link.url);
        }
      }
    }
  });

  it('keeps columns and positions right in a file that starts with two byte order marks', () => {
    const exported = exportCatalog(readCatalog({ file: 'catalog.md', source: `\uFEFF\uFEFF${source}`, config: genericConfig() }));
    const [section] = exported.sections;
    expect(section!.columns).toEqual(['Name', 'Description', 'Paper']);
    expect(section!.entries.map((entry) => [entry.line, entry.fields['Name']!.text])).toEqual([[7, 'GPipe'], [8, 'PipeDream']]);
    expect(section!.entries[0]!.fields['Paper']!.links[0]).toMatchObject({ line: 7, column: 65 });
  });
});

describe('exportCatalog: a cell that ends in a comment', () => {
  it('exports the text without the space before the comment', () => {
    const withComment = ['| Name | Description |', '| --- | --- |', '| [Unity](https://example.org/unity) <!-- catalog-disable-line shared-repository --> | <!-- x --> Joint |', ''].join('\n');
    const exported = exportCatalog(readCatalog({ file: 'catalog.md', source: withComment, config: genericConfig() }));
    const fields = exported.sections[0]!.entries[0]!.fields;
    expect(fields['Name']!.text).toBe('Unity');
    expect(fields['Description']!.text).toBe('Joint');
  });

  it('leaves no text of the real catalog with blanks at its ends', () => {
    const real = readFileSync(new URL('../../catalog.md', import.meta.url), 'utf8');
    const exported = exportCatalog(readCatalog({ file: 'catalog.md', source: real, config: genericConfig() }));
    const padded = exported.sections.flatMap((section) => section.entries.flatMap((entry) => Object.values(entry.fields).filter((field) => field.text !== field.text.trim())));
    expect(padded).toEqual([]);
  });
});
