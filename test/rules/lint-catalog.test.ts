import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericConfig, parseConfig } from '../../src/catalog/load-config.js';
import { lintCatalog, rules } from '../../src/rules/index.js';
import { readCatalog } from '../../src/catalog/read.js';
import { fixtureConfig, lint, places } from './lint-helpers.js';

const SHORT_ROW = '| A | B |\n| - | - |\n| 1 |\n';

/** Name (a link or plain text, required) and Description (required), sorted by Name. */
const namesConfig = parseConfig(
  {
    tables: [
      {
        name: 'names',
        key: 'Name',
        sortBy: ['Name'],
        columns: [
          { name: 'Name', type: 'link', required: true, allowPlainText: true },
          { name: 'Description', type: 'text', required: true },
        ],
      },
    ],
  },
  null,
);

describe('rules', () => {
  it('have unique ids, a one-line description and metadata', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/u);
      expect(rule.description).not.toContain('\n');
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
    expect(rules.filter((rule) => rule.fixable).map((rule) => rule.id)).toEqual(['canonical-vocabulary', 'sorted', 'invisible-characters']);
    expect(rules.filter((rule) => rule.needsSchema).map((rule) => rule.id)).toEqual([
      'table-header',
      'required-cell',
      'cell-type',
      'duplicate-entry',
      'shared-repository',
      'canonical-vocabulary',
      'sorted',
      'year-matches-paper',
      'no-hedge',
    ]);
  });
});

describe('lintCatalog', () => {
  it('turns a rule off', () => {
    expect(places(lint(SHORT_ROW))).toEqual(['3:6 table-column-count']);
    expect(lint(SHORT_ROW, fixtureConfig({ rules: { 'table-column-count': 'off' } }))).toEqual([]);
  });

  it('replaces a rule severity', () => {
    const [diagnostic] = lint(SHORT_ROW, fixtureConfig({ rules: { 'table-column-count': 'warning' } }));
    expect(diagnostic?.severity).toBe('warning');
  });

  it('runs only structure rules on tables without a schema', () => {
    const source = '| Name | Description |\n| - | - |\n| b | |\n| a | x\u200b |\n';
    expect(places(lint(source, namesConfig))).toEqual(['3:7 required-cell', '4:1 sorted', '4:8 invisible-characters']);
    expect(places(lint(source, genericConfig()))).toEqual(['4:8 invisible-characters']);
  });

  it('sorts diagnostics by line, column and rule id', () => {
    const source = '| Name | Description |\n| - | - |\n| [b](https://github.com/a/b) | x\u200b |\n| [a](https://github.com/a/b) | y |\n';
    const diagnostics = lint(source, namesConfig);
    expect(places(diagnostics)).toEqual(['3:34 invisible-characters', '4:1 sorted', '4:3 shared-repository']);
  });

  describe('suppressions', () => {
    it('drops the named rule on the next line', () => {
      const source = '<!-- catalog-disable-next-line invisible-characters -->\n| A | B\u200b |\n| - | - |\n| 1 | x\u200b |\n';
      expect(places(lint(source))).toEqual(['4:8 invisible-characters']);
    });

    it('drops the named rule on the row holding a disable-line comment, and no other rule', () => {
      const source = '| A | B |\n| - | - |\n| 1 <!-- catalog-disable-line table-column-count --> |\n| 2 \u200b<!-- catalog-disable-line table-column-count --> |\n';
      expect(places(lint(source))).toEqual(['4:5 invisible-characters']);
    });

    it('drops every rule when the comment names none', () => {
      const source = '| A | B |\n| - | - |\n| 1 \u200b<!-- catalog-disable-line --> |\n';
      expect(lint(source)).toEqual([]);
    });

    it('reports a comment that names an unknown rule', () => {
      const source = '<!-- catalog-disable-next-line table-colum-count -->\n| A | B |\n| - | - |\n';
      const [diagnostic] = lint(source);
      expect(places(lint(source))).toEqual(['1:1 unknown-rule']);
      expect(diagnostic?.message).toBe('Unexpected unknown rule "table-colum-count" in a suppression comment');
      expect(diagnostic?.hint).toContain('table-column-count');
    });
  });

  it('does not crash on odd tables', () => {
    const odd = [
      '',
      'no table here',
      '| Name |\n| --- |\n',
      '| Name | Description |\n| - | - |\n|\n| |\n',
      '| |\n|-|\n| |\n',
      '| Name | Year |\n| - | - |\n| `x | y |\n| [a]( | ) |\n',
      '\uFEFF| Name | Description |\n| - | - |\n| a\u200b | b |\n',
      '| Name | Description |\r\n| - | - |\r\n| b | x |\r\n| a | y |\r\n',
    ];
    for (const source of odd) expect(() => lint(source)).not.toThrow();
  });

  it('never throws on arbitrary rows, with or without a schema', () => {
    const cell = fc.stringMatching(/^[ a-zA-Z0-9|`[\]()<>!\\*_:,.#/\u200b\u00a0🚀并-]{0,12}$/u);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
        const source = ['| Name | Description | Paper | Framework | Year |', '| - | - | - | - | - |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
        for (const config of [fixtureConfig(), genericConfig()]) {
          const diagnostics = lintCatalog(readCatalog({ file: 'catalog.md', source, config }), config);
          for (const diagnostic of diagnostics) {
            expect(diagnostic.range.start.line).toBeGreaterThan(0);
            expect(diagnostic.range.start.column).toBeGreaterThan(0);
            expect(diagnostic.message).not.toBe('');
            expect(diagnostic.hint).not.toBe('');
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('a stray pipe', () => {
  const yearsConfig = parseConfig(
    { tables: [{ name: 'years', key: 'Name', columns: [{ name: 'Name' }, { name: 'Description' }, { name: 'Year', type: 'year' }] }] },
    null,
  );

  it('is reported once, at the pipe that explains the extra cell, not again as every cell it shifted', () => {
    const diagnostics = lint('| Name | Description | Year |\n| --- | --- | --- |\n| A | fast | cheap | 2021 |\n', yearsConfig);
    expect(places(diagnostics)).toEqual(['3:12 table-column-count']);
    expect(diagnostics[0]!.message).toBe(
      'Row has 4 cells, expected 3 (the header has 3): the pipe at 3:12 splits the "Description" cell in two; the rest of the row is checked as if it were escaped',
    );
  });

  it('is reported as a row too long when no single pipe explains it', () => {
    const diagnostics = lint('| Name | Description | Year |\n| --- | --- | --- |\n| A | fast | 2021 | cheap |\n', yearsConfig);
    expect(places(diagnostics)).toEqual(['3:21 table-column-count']);
    expect(diagnostics[0]!.message).toContain('GFM drops the extra cell "cheap"');
  });
});
