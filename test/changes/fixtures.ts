import type { TestRepo } from './git-repo.js';

// Catalog texts for the history tests: a schema with a key, a description and a paper link.
export const CONFIG = JSON.stringify({
  tables: [
    {
      name: 'methods',
      key: 'Name',
      sortBy: ['Name'],
      columns: [
        { name: 'Name', type: 'link', required: true, allowPlainText: true },
        { name: 'Description', type: 'text', required: true },
        { name: 'Paper', type: 'links' },
        { name: 'Framework', type: 'enumeration', multiple: true, values: ['PyTorch', 'JAX'], aliases: { torch: 'PyTorch' } },
        { name: 'Year', type: 'year' },
      ],
    },
  ],
  site: { url: 'https://example.org/list/' },
});

export type Row = [name: string, description: string, paper: string, framework: string, year: string];

export const ALPA: Row = ['[Alpa](https://github.com/alpa-projects/alpa)', 'Inter- and intra-operator parallelism', '[OSDI](https://arxiv.org/abs/2201.12023)', 'JAX', '2022'];
export const GPIPE: Row = ['GPipe', 'Micro-batch pipelines', '[NeurIPS](https://arxiv.org/abs/1811.06965)', 'PyTorch', '2019'];
export const PIPEDREAM: Row = ['PipeDream', 'Asynchronous pipelines', '[SOSP](https://arxiv.org/abs/1806.03377)', 'PyTorch', '2019'];
export const TOFU: Row = ['Tofu', 'Operator partitioning', '[EuroSys](https://arxiv.org/abs/1807.08887)', '', '2019'];

export function row(cells: Row): string {
  return `| ${cells.map((cell) => cell || ' ').join(' | ')} |`.replace(/ {3}/gu, '  ');
}

/** A catalog whose sections hold these rows, in this order. */
export function catalogText(sections: Record<string, Row[]>, intro = 'A list.'): string {
  const parts = [`# Methods\n\n${intro}\n`];
  for (const [heading, rows] of Object.entries(sections)) {
    parts.push(`## ${heading}\n\n| Name | Description | Paper | Framework | Year |\n| --- | --- | --- | --- | --- |\n${rows.map(row).join('\n')}\n`);
  }
  return parts.join('\n');
}

/** Commits the config and a catalog of these sections. */
export function commitCatalog(repo: TestRepo, message: string, date: string, sections: Record<string, Row[]>, intro?: string): string {
  return repo.commit(message, date, { 'catalog.config.json': CONFIG, 'catalog.md': catalogText(sections, intro) });
}

/**
 * A history with a renamed file and a merge: list.md (GPipe) becomes catalog.md; a branch adds
 * Alpa while main adds PipeDream; the branch is merged on 2026-01-05 at 10:00 (its side kept).
 * Returns the first commit.
 */
export function renamedAndMergedHistory(repo: TestRepo): string {
  const start = repo.commit('start', '2026-01-01T10:00:00Z', { 'catalog.config.json': CONFIG, 'list.md': catalogText({ Pipeline: [GPIPE] }) });
  repo.git('mv', 'list.md', 'catalog.md');
  repo.commit('rename the list', '2026-01-02T10:00:00Z');
  repo.git('checkout', '--quiet', '-b', 'topic');
  commitCatalog(repo, 'add Alpa on a branch', '2026-01-03T10:00:00Z', { Pipeline: [ALPA, GPIPE] });
  repo.git('checkout', '--quiet', 'main');
  commitCatalog(repo, 'add PipeDream', '2026-01-04T10:00:00Z', { Pipeline: [GPIPE, PIPEDREAM] });
  repo.merge('topic', '2026-01-05T10:00:00Z');
  return start;
}
