import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-citations-'));
  writeFileSync(join(folder, 'catalog.config.json'), JSON.stringify(CONFIG));
  writeFileSync(join(folder, 'catalog.md'), CATALOG);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const CONFIG = {
  tables: [{ name: 'methods', headings: [], key: 'Name', columns: [{ name: 'Name', type: 'link', required: true, allowPlainText: true }, { name: 'Paper', type: 'links' }, { name: 'Year', type: 'year' }] }],
  links: { cacheFile: '.cache/links.json' },
};
const CATALOG = [
  '# Methods',
  '',
  '| Name | Paper | Year |',
  '| --- | --- | --- |',
  '| Baechi | [SoCC 2020](https://dl.acm.org/doi/10.1145/3419111.3421302), [arXiv 2023](https://arxiv.org/abs/2301.08695) | 2020 |',
  '| AutoPipe (Liu et al.) | [arXiv 2022](https://arxiv.org/abs/2206.00001) | 2022 |',
  '| AutoPipe (Hu et al.) | [CLUSTER 2022](https://example.org/autopipe) | 2022 |',
  '',
].join('\n');

const record = (fields: object) => ({ title: null, abstract: null, authors: [], date: null, year: null, venue: null, venueKind: null, doi: null, comment: null, ...fields });
const CACHE = {
  format: 'catalog-links-cache',
  version: 1,
  entries: {},
  papers: {
    records: {
      'doi:10.1145/3419111.3421302': { fetchedAt: '2026-01-01T00:00:00.000Z', record: record({ title: 'Baechi: fast device placement of machine learning graphs', authors: [{ family: 'Jeon', given: 'Beomyeol' }], date: '2020-10-12', year: 2020, venue: 'Proceedings of the 11th ACM Symposium on Cloud Computing', venueKind: 'proceedings', doi: '10.1145/3419111.3421302' }) },
      'arxiv:2206.00001': { fetchedAt: '2026-01-01T00:00:00.000Z', record: record({ title: 'Towards Fine-grained Pipeline Partitioning', authors: [{ family: 'Liu', given: 'Wei' }], date: '2022-06-01', year: 2022 }) },
    },
    published: {},
  },
};

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  process.chdir(folder);
  try {
    const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, isTTY: false });
    return { status, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

describe('catalog export --format bibtex | csl-json', () => {
  beforeEach(() => {
    mkdirSync(join(folder, '.cache'));
    writeFileSync(join(folder, '.cache/links.json'), JSON.stringify(CACHE));
  });

  it('writes one BibTeX record per entry from the cached metadata, the row where there is none, unique keys', async () => {
    const { status, stdout } = await run(['export', '-f', 'bibtex']);
    expect(status).toBe(0);
    expect(stdout).toBe(
      [
        '@inproceedings{baechi2020,',
        '  title = {{Baechi: fast device placement of machine learning graphs}},',
        '  author = {Jeon, Beomyeol},',
        '  booktitle = {Proceedings of the 11th ACM Symposium on Cloud Computing},',
        '  year = {2020},',
        '  doi = {10.1145/3419111.3421302},',
        '  eprint = {2301.08695},',
        '  archivePrefix = {arXiv},',
        '  url = {https://dl.acm.org/doi/10.1145/3419111.3421302},',
        '}',
        '',
        '@misc{autopipe2022a,',
        '  title = {{Towards Fine-grained Pipeline Partitioning}},',
        '  author = {Liu, Wei},',
        '  year = {2022},',
        '  eprint = {2206.00001},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2206.00001},',
        '}',
        '',
        '@misc{autopipe2022b,',
        '  title = {{AutoPipe (Hu et al.)}},',
        '  note = {CLUSTER 2022},',
        '  year = {2022},',
        '  url = {https://example.org/autopipe},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes CSL-JSON items with the same facts', async () => {
    const { status, stdout } = await run(['export', '--format', 'csl-json']);
    expect(status).toBe(0);
    const items = JSON.parse(stdout) as Record<string, unknown>[];
    expect(items.map((item) => item['id'])).toEqual(['baechi2020', 'autopipe2022a', 'autopipe2022b']);
    expect(items[0]).toEqual({
      id: 'baechi2020',
      type: 'paper-conference',
      title: 'Baechi: fast device placement of machine learning graphs',
      author: [{ family: 'Jeon', given: 'Beomyeol' }],
      'container-title': 'Proceedings of the 11th ACM Symposium on Cloud Computing',
      issued: { 'date-parts': [[2020]] },
      DOI: '10.1145/3419111.3421302',
      number: 'arXiv:2301.08695',
      URL: 'https://dl.acm.org/doi/10.1145/3419111.3421302',
    });
    expect(items[2]).toEqual({ id: 'autopipe2022b', type: 'article', title: 'AutoPipe (Hu et al.)', note: 'CLUSTER 2022', issued: { 'date-parts': [[2022]] }, URL: 'https://example.org/autopipe' });
  });

  it('still prints the catalog as JSON by default, and refuses a report format', async () => {
    expect(JSON.parse((await run(['export'])).stdout)).toMatchObject({ version: 1 });
    const refused = await run(['export', '-f', 'stylish']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('catalog: unknown format "stylish". Formats: json, bibtex, csl-json.\n');
  });
});
