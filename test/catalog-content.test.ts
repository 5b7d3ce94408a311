// What the catalog promises its readers, pinned: its size, its seed systems with their links,
// one row per system, one code link per system, Framework values from the vocabulary, a year
// wherever an arXiv paper gives one, and no hedges.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericConfig, loadConfig } from '../src/catalog/load-config.js';
import type { Row, Table } from '../src/catalog/model.js';
import { readCatalog } from '../src/catalog/read.js';
import { arxivId, canonicalUrl } from '../src/rules/url-identity.js';

const catalogPath = fileURLToPath(new URL('../catalog.md', import.meta.url));
const config = loadConfig(catalogPath);
const catalog = readCatalog({ file: 'catalog.md', source: readFileSync(catalogPath, 'utf8'), config });
const seed = readCatalog({
  file: 'seed-catalog.md',
  source: readFileSync(new URL('./fixtures/seed-catalog.md', import.meta.url), 'utf8'),
  config: genericConfig(),
});

const cellOf = (table: Table, row: Row, column: string) =>
  row.cells[table.header.cells.findIndex((cell) => cell.text.trim() === column)];
const entries = catalog.tables.flatMap((table) =>
  table.rows.map((row) => ({
    table,
    row,
    name: cellOf(table, row, 'Name')!.text.trim(),
    cell: (column: string) => cellOf(table, row, column),
    urls: row.cells.flatMap((cell) => cell.links.map((link) => canonicalUrl(link.url))),
  })),
);

describe('catalog.md content', () => {
  it('has the seven sections, each with a table of the schema', () => {
    expect(catalog.tables.map((table) => table.section.heading)).toEqual([
      'Device placement',
      'Pipeline parallelism',
      'Data + pipeline parallelism',
      'Data + tensor (intra-operator) parallelism',
      'Data + tensor + pipeline parallelism',
      'Other dimensions',
      'Semi-automatic and related systems',
    ]);
    for (const table of catalog.tables) expect(table.schema?.name).toBe('methods');
  });

  it('has at least 100 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
  });

  // Update the count with every row added or removed, so that a row lost in a merge shows.
  it('has 146 entries', () => {
    expect(entries.length).toBe(146);
  });

  // A Name link is the system's own code. Rows may share one only where one code base holds
  // both systems: each such link is listed here with why, and the catalog keeps a
  // shared-repository suppression on every sharing row but one.
  const sharedNameLinks: Record<string, string> = {
    'github.com/msr-fiddle/pipedream': 'the PipeDream repository also holds PipeDream-2BW',
    'github.com/flexflow/flexflow': 'OptCNN and Unity are implemented in FlexFlow',
    'github.com/pku-dair/hetu-galvatron': "the Hetu-Galvatron README lists Galvatron and FlexSP as its publications",
    'github.com/petuum/autodist': "AutoDist's autodist/simulator holds the dataset released with the AutoSync paper",
  };
  const byNameLink = new Map<string, typeof entries>();
  for (const entry of entries) {
    const link = entry.cell('Name')!.links[0];
    if (link) byNameLink.set(canonicalUrl(link.url), [...(byNameLink.get(canonicalUrl(link.url)) ?? []), entry]);
  }
  const suppressedLines = new Set(catalog.suppressions.filter((suppression) => suppression.rules.includes('shared-repository')).map((suppression) => suppression.line));
  it('links no two names to the same page unless the page is listed with a reason', () => {
    const shared = [...byNameLink].filter(([, sharing]) => sharing.length > 1);
    expect(Object.fromEntries(shared.map(([url, sharing]) => [url, sharing.map((entry) => entry.name)])), 'shared Name links without a reason').toEqual(
      Object.fromEntries(shared.filter(([url]) => url in sharedNameLinks).map(([url, sharing]) => [url, sharing.map((entry) => entry.name)])),
    );
    for (const [url, sharing] of shared) {
      const unsuppressed = sharing.filter((entry) => !suppressedLines.has(entry.row.line));
      expect(unsuppressed.length, `${url}: only one of ${sharing.map((entry) => entry.name).join(', ')} may go without a suppression`).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(sharedNameLinks).filter((url) => (byNameLink.get(url)?.length ?? 0) < 2), 'reasons for links no longer shared').toEqual([]);
  });

  const frameworks = config.tables[0]!.columns.find((column) => column.name === 'Framework')!.values;
  it('takes every Framework value from the vocabulary of catalog.config.json', () => {
    const outside = entries.flatMap((entry) =>
      entry
        .cell('Framework')!
        .text.split(',')
        .map((value) => value.trim())
        .filter((value) => value !== '' && !frameworks.includes(value))
        .map((value) => `${entry.name}: ${value}`),
    );
    expect(outside).toEqual([]);
  });

  it('names every system once', () => {
    const names = entries.map((entry) => entry.name.toLowerCase());
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('gives a Year to every row with an arXiv paper', () => {
    const missing = entries.filter((entry) => entry.cell('Paper')!.links.some((link) => arxivId(link.url)) && entry.cell('Year')!.text.trim() === '');
    expect(missing.map((entry) => entry.name)).toEqual([]);
  });

  it('has no hedge in any text cell', () => {
    const hedged = entries.flatMap((entry) =>
      ['Description', 'Organization or author', 'Search method']
        .filter((column) => /not verified|unverified|unknown|\bTODO\b|\?|awesome-Auto-Parallelism/iu.test(entry.cell(column)!.text))
        .map((column) => `${entry.name}: ${column}`),
    );
    expect(hedged).toEqual([]);
  });

  const seedRows = seed.tables.flatMap((table) => table.rows.map((row) => ({ name: row.cells[0]!.text.trim(), urls: row.cells.flatMap((cell) => cell.links.map((link) => link.url)) })));
  // A link may have moved to another address of the same page (an arXiv PDF to its abstract page).
  it('reads the 12 seed systems', () => {
    expect(seedRows.map((row) => row.name)).toEqual(['DAPPLE', 'GPipe', 'torchgpipe', 'PipeDream', 'Chimera', 'RaNNC', 'OptCNN', 'FlexFlow', 'AccPar', 'TensorOpt', 'Tofu', 'Double Recursive']);
  });
  for (const seedRow of seedRows) {
    it(`keeps ${seedRow.name} and every link of its seed row in that row`, () => {
      const entry = entries.find((candidate) => candidate.name === seedRow.name);
      expect(entry, `no row named ${seedRow.name}`).toBeDefined();
      for (const url of seedRow.urls) expect(entry!.urls, `${seedRow.name} lost ${url}`).toContain(canonicalUrl(url));
    });
  }
});
