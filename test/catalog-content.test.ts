import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

const seed = readFileSync(new URL('./fixtures/seed-catalog.md', import.meta.url), 'utf8');
const catalog = readFileSync(new URL('../catalog.md', import.meta.url), 'utf8');

/** The body rows of every table: lines starting with `|` that come after a delimiter row. */
function tableRows(markdown: string): string[] {
  const rows: string[] = [];
  let inTable = false;
  for (const line of markdown.split('\n').map((l) => l.trim())) {
    if (!line.startsWith('|')) {
      inTable = false;
    } else if (/^\|(\s*:?-{3,}:?\s*\|)+$/.test(line)) {
      inTable = true;
    } else if (inTable) {
      rows.push(line);
    }
  }
  return rows;
}

/** The plain text of a row's first cell (`[Name](url)` → `Name`). */
function rowName(row: string): string {
  const first = row.split('|')[1] ?? '';
  return first.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

function urls(row: string): string[] {
  return [...row.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

const seedRows = tableRows(seed);
const catalogRows = tableRows(catalog);

describe('catalog.md content', () => {
  it('reads the 12 seed systems', () => {
    expect(seedRows.map(rowName)).toEqual([
      'DAPPLE',
      'GPipe',
      'torchgpipe',
      'PipeDream',
      'Chimera',
      'RaNNC',
      'OptCNN',
      'FlexFlow',
      'AccPar',
      'TensorOpt',
      'Tofu',
      'Double Recursive',
    ]);
  });

  for (const seedRow of seedRows) {
    const name = rowName(seedRow);
    it(`keeps ${name} and every link of its seed row in that row`, () => {
      const row = catalogRows.find((r) => rowName(r) === name);
      expect(row, `no row named ${name}`).toBeDefined();
      for (const url of urls(seedRow)) {
        expect(urls(row ?? ''), `${name} lost ${url}`).toContain(url);
      }
    });
  }

  it('has the five section headings', () => {
    const headings = catalog
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).trim());
    expect(headings).toEqual(
      expect.arrayContaining([
        'Pipeline parallelism only',
        'Data + pipeline parallelism',
        'Data + tensor (intra-operator) parallelism',
        'Data + tensor + pipeline parallelism',
        'Other and semi-automatic approaches',
      ]),
    );
  });

  it('has at least 65 entries', () => {
    expect(catalogRows.length).toBeGreaterThanOrEqual(65);
  });
});
