import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/catalog/load-config.js';
import { formatSource } from '../../src/format/format.js';
import { proveFormat } from '../../src/format/prove.js';
import { tableFindings } from '../helpers/markdownlint.js';

const root = new URL('../fixtures/format/', import.meta.url).pathname;
// markdownlint's table findings in the formatted output: only on tables the formatter leaves as
// written (a table with a row longer than its header, a table in a block quote), and on the lines
// without a pipe it leaves in place (pipeless-row reports them).
const MARKDOWNLINT_EXPECTED: Record<string, string[]> = {
  'blockquote-untouched': ['3 MD060'],
  'pipeless-rows': ['10 MD055', '10 MD055', '10 MD056', '16 MD058'],
  'empty-extra-cells': [...Array<string>(6).fill('16 MD060'), '17 MD056', '18 MD056'],
  'ragged-long': ['5 MD060', '6 MD056'],
};

const fixtures = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

// Each fixture is checked three ways: the expected output, a second pass changes nothing,
// and the output read again keeps every byte outside the tables and every row.
describe.each(fixtures)('format fixture %s', (name) => {
  const input = join(root, name, 'input.md');
  const expectedPath = join(root, name, 'output.md');
  const config = loadConfig(input);
  const source = readFileSync(input, 'utf8');
  const result = formatSource(input, source, config);

  it('gives the expected output', () => {
    if (process.env['UPDATE_FIXTURES'] && !existsSync(expectedPath)) writeFileSync(expectedPath, result.output);
    expect(result.output).toBe(readFileSync(expectedPath, 'utf8'));
  });

  it('is idempotent', () => {
    expect(formatSource(input, result.output, config).output).toBe(result.output);
  });

  it('passes markdownlint\'s table rules', () => {
    expect(tableFindings(result.output)).toEqual(MARKDOWNLINT_EXPECTED[name] ?? []);
    // The aligned style passes MD060 set to "aligned" too; the input did not.
    if (config.style === 'aligned') {
      expect(tableFindings(result.output, 'aligned')).toEqual([]);
      expect(tableFindings(source, 'aligned')).not.toEqual([]);
    }
  });

  it('keeps every row and every byte outside the tables', () => {
    expect(proveFormat(result.catalog, result.output, config)).toEqual([]);
  });
});
