import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/catalog/load-config.js';
import { formatSource } from '../../src/format/format.js';
import { proveFormat } from '../../src/format/prove.js';
import { tableFindings } from '../helpers/markdownlint.js';

const catalogPath = new URL('../../catalog.md', import.meta.url).pathname;
const source = readFileSync(catalogPath, 'utf8');

// The formatter's fixtures are checked the same way in fixtures.test.ts.
describe('the formatted catalog passes markdownlint', () => {
  it('has no table finding once formatted', () => {
    expect(tableFindings(formatSource(catalogPath, source, loadConfig(catalogPath)).output)).toEqual([]);
  });

  it('in the aligned style, passes MD060 set to "aligned" and the other table rules, and a second pass changes nothing', () => {
    const aligned = { ...loadConfig(catalogPath), style: 'aligned' as const };
    const result = formatSource(catalogPath, source, aligned);
    expect(result.output).not.toBe(source);
    expect(tableFindings(result.output, 'aligned')).toEqual([]);
    expect(tableFindings(result.output)).toEqual([]);
    expect(proveFormat(result.catalog, result.output, aligned)).toEqual([]);
    expect(formatSource(catalogPath, result.output, aligned).output).toBe(result.output);
  });

  it('writes an empty cell as "| |", which markdownlint\'s compact style accepts', () => {
    const table = '| a | b | c |\n| --- | --- | --- |\n| x |  | z |\n| y |\n';
    const output = formatSource('t.md', table, loadConfig(catalogPath)).output;
    expect(output).toBe('| a | b | c |\n| --- | --- | --- |\n| x | | z |\n| y | | |\n');
    expect(tableFindings(table)).not.toEqual([]);
    expect(tableFindings(output)).toEqual([]);
  });
});
