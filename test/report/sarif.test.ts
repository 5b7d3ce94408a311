import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/catalog/diagnostic.js';
import { parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import type { Range } from '../../src/catalog/model.js';
import { SARIF_SCHEMA, toSarif, type SarifRuleMetadata } from '../../src/report/sarif.js';
import { lintCatalog, rules as lintRules } from '../../src/rules/index.js';

function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return {
    start: { line, column, offset: line * 100 + column },
    end: { line: endLine, column: endColumn, offset: endLine * 100 + endColumn },
  };
}

const rules: SarifRuleMetadata[] = [
  { id: 'table-column-count', description: 'Every row has as many cells as the header', severity: 'error' },
  { id: 'duplicate-code-url', description: 'Two entries share one code repository', severity: 'warning' },
  { id: 'canonical-vocabulary', description: 'Enumerated values use their canonical spelling', severity: 'info' },
];

const columnCount: Diagnostic = {
  ruleId: 'table-column-count',
  severity: 'error',
  message: 'Unexpected 4 cells, expected 5 (the header has 5 columns)',
  hint: 'Add the missing cell, or run `npm run format-catalog` to pad the row',
  file: 'catalog.md',
  range: range(7, 1, 7, 42),
};

const sharedRepository: Diagnostic = {
  ruleId: 'duplicate-code-url',
  severity: 'warning',
  message: 'FlexFlow shares its code repository with OptCNN',
  hint: 'Legal when both methods live in one repository; otherwise fix the link',
  file: 'catalog.md',
  range: range(14, 3, 14, 49),
  related: [{ message: 'First used here', range: range(13, 3, 13, 47) }],
};

describe('toSarif', () => {
  const log = toSarif([columnCount, sharedRepository], rules, '1.2.3');
  const run = log.runs[0]!;

  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('describes the tool and every rule', () => {
    const { driver } = run.tool;
    expect(driver.name).toBe('catalog');
    expect(driver.version).toBe('1.2.3');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules).toEqual([
      {
        id: 'table-column-count',
        shortDescription: { text: 'Every row has as many cells as the header' },
        defaultConfiguration: { level: 'error' },
      },
      {
        id: 'duplicate-code-url',
        shortDescription: { text: 'Two entries share one code repository' },
        defaultConfiguration: { level: 'warning' },
      },
      {
        id: 'canonical-vocabulary',
        shortDescription: { text: 'Enumerated values use their canonical spelling' },
        defaultConfiguration: { level: 'note' },
      },
    ]);
  });

  it('gives each result its rule, level, message with the hint, and exact region', () => {
    expect(run.results[0]).toEqual({
      ruleId: 'table-column-count',
      ruleIndex: 0,
      level: 'error',
      message: {
        text: 'Unexpected 4 cells, expected 5 (the header has 5 columns)\nAdd the missing cell, or run `npm run format-catalog` to pad the row',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'catalog.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 1, endLine: 7, endColumn: 42 },
          },
        },
      ],
    });
  });

  it('keeps the related places as related locations', () => {
    const result = run.results[1]!;
    expect(result.ruleIndex).toBe(1);
    expect(result.level).toBe('warning');
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'catalog.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 13, startColumn: 3, endLine: 13, endColumn: 47 },
        },
        message: { text: 'First used here' },
      },
    ]);
  });

  it('uses the diagnostic severity, not the rule default, for the level', () => {
    const downgraded = toSarif([{ ...columnCount, severity: 'info' }], rules, '1.2.3');
    expect(downgraded.runs[0]!.results[0]!.level).toBe('note');
  });

  it('adds a descriptor for a rule missing from the metadata, so every ruleIndex resolves', () => {
    const unknown: Diagnostic = { ...columnCount, ruleId: 'link-dead', message: 'Dead link (404)', hint: '' };
    const sarif = toSarif([unknown, unknown], rules, '1.2.3');
    const { results, tool } = sarif.runs[0]!;
    expect(results.map((result) => result.ruleIndex)).toEqual([3, 3]);
    expect(tool.driver.rules[3]).toEqual({
      id: 'link-dead',
      shortDescription: { text: 'link-dead' },
      defaultConfiguration: { level: 'error' },
    });
    expect(results[0]!.message.text).toBe('Dead link (404)');
  });

  it('makes absolute paths relative to the root, with forward slashes and percent-encoding', () => {
    const nested: Diagnostic = { ...columnCount, file: '/repo/lists/my catalog.md' };
    const sarif = toSarif([nested], rules, '1.2.3', { root: '/repo', informationUri: 'https://example.org/catalog' });
    const { physicalLocation } = sarif.runs[0]!.results[0]!.locations[0]!;
    expect(physicalLocation.artifactLocation.uri).toBe('lists/my%20catalog.md');
    expect(sarif.runs[0]!.tool.driver.informationUri).toBe('https://example.org/catalog');
    const dotted = toSarif([{ ...columnCount, file: './catalog.md' }], rules, '1.2.3');
    expect(dotted.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('catalog.md');
  });

  it('leaves the region out for a whole-file diagnostic (line 0)', () => {
    const wholeFile: Diagnostic = { ...columnCount, range: range(0, 0, 0, 0) };
    const { physicalLocation } = toSarif([wholeFile], rules, '1.2.3').runs[0]!.results[0]!.locations[0]!;
    expect(physicalLocation.region).toBeUndefined();
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });
});

describe('toSarif on a real lint run', () => {
  it('resolves every result to the descriptor of its rule, with a region inside the file', () => {
    const configUrl = new URL('../../catalog.config.json', import.meta.url);
    const config = parseConfig(JSON.parse(readFileSync(configUrl, 'utf8')), configUrl.pathname);
    const source = readFileSync(new URL('../fixtures/seed-catalog.md', import.meta.url), 'utf8');
    const diagnostics = lintCatalog(readCatalog({ file: 'test/fixtures/seed-catalog.md', source, config }), config);
    expect(diagnostics.length).toBeGreaterThan(0);

    const metadata = lintRules.map(({ id, description, severity }) => ({ id, description, severity }));
    const { tool, results } = toSarif(diagnostics, metadata, '0.1.0').runs[0]!;
    expect(tool.driver.rules.map((rule) => rule.id)).toEqual(metadata.map((rule) => rule.id));
    const lineCount = source.split('\n').length;
    for (const result of results) {
      const rule = tool.driver.rules[result.ruleIndex]!;
      expect(rule.id).toBe(result.ruleId);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toBe('test/fixtures/seed-catalog.md');
      expect(region!.startLine).toBeGreaterThanOrEqual(1);
      expect(region!.endLine).toBeLessThanOrEqual(lineCount);
      expect(region!.startColumn).toBeGreaterThanOrEqual(1);
    }
  });
});
