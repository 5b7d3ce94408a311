import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeRegistries, type FakeRegistries } from '../../scripts/fake-registries.js';
import { main } from '../../src/cli.js';

let folder: string;
let fakes: FakeRegistries | null = null;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-papers-'));
});
afterEach(async () => {
  await fakes?.close();
  fakes = null;
  rmSync(folder, { recursive: true, force: true });
});

const CONFIG = {
  tables: [{ name: 'methods', headings: [], key: 'Name', columns: [{ name: 'Name', type: 'link', required: true, allowPlainText: true }, { name: 'Paper', type: 'links' }, { name: 'Year', type: 'year' }] }],
  links: { cacheFile: '.cache/links.json', contact: 'maintainer@example.org' },
};
const CATALOG = [
  '# Methods',
  '',
  '| Name | Paper | Year |',
  '| --- | --- | --- |',
  '| GDP | [arXiv 2020](https://arxiv.org/abs/1910.01578) | 2019 |',
  '| HDP | [ICLR 2018](https://openreview.net/forum?id=Hkc-TeZ0W) | 2018 |',
  '| Pesto | [Middleware 2021](https://dl.acm.org/doi/10.1145/3464298.3476132) | 2021 |',
  '',
].join('\n');

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  process.chdir(folder);
  try {
    const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: { ...env, GITHUB_ACTIONS: '' }, isTTY });
    return { status, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

async function withFakes(): Promise<FakeRegistries> {
  fakes = await startFakeRegistries({
    arxiv: { '1910.01578': { title: 'GDP: Generalized Device Placement for Dataflow Graphs', authors: ['Yanqi Zhou'], published: '2019-10-03' } },
    openreview: { 'Hkc-TeZ0W': { title: 'A Hierarchical Model for Device Placement', venue: 'ICLR 2018 Conference Track', authors: ['Azalia Mirhoseini'] } },
    doi: { '10.1145/3464298.3476132': { title: 'Pesto: Placing and Scheduling Operators', containerTitle: 'Proceedings of the 22nd International Middleware Conference', issued: [2021, 12, 6], authors: [{ given: 'Ubaid Ullah', family: 'Hafeez' }] } },
  });
  return fakes;
}

describe('catalog papers', () => {
  beforeEach(() => {
    writeFileSync(join(folder, 'catalog.config.json'), JSON.stringify(CONFIG));
    writeFileSync(join(folder, 'catalog.md'), CATALOG);
  });

  it('reports findings at their cell with the evidence, says what each registry did, keeps the answers in the cache', async () => {
    const { env } = await withFakes();
    const first = await run(['papers', '--allow-private', '-f', 'json'], env);
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as { diagnostics: { ruleId: string; line: number; column: number; message: string }[] };
    const messages = report.diagnostics.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    expect(messages).toEqual([
      '5:9 paper-label "arXiv 2020" names 2020, but arXiv 1910.01578 was first posted on 2019-10-03',
      '6:9 paper-identity OpenReview Hkc-TeZ0W is "A Hierarchical Model for Device Placement", which names neither "hdp" (title read)',
    ]);
    expect(first.stderr).toMatch(/^arXiv: 1 of 1 confirmed; 1 call in \d+\.\d s$/mu);
    expect(first.stderr).toMatch(/^doi\.org: 1 of 1 confirmed; 2 calls in \d+\.\d s$/mu);
    expect(first.stderr).toMatch(/^OpenReview: 1 of 1 confirmed; 1 call in \d+\.\d s$/mu);
    expect(fakes!.doi.log.length).toBe(2);
    const cache = JSON.parse(readFileSync(join(folder, '.cache/links.json'), 'utf8')) as { format: string; papers: { records: Record<string, unknown> } };
    expect(cache.format).toBe('catalog-links-cache');
    expect(Object.keys(cache.papers.records)).toEqual(['arxiv:1910.01578', 'doi:10.1145/3464298.3476132', 'openreview:Hkc-TeZ0W']);

    const second = await run(['papers', '--allow-private'], env);
    expect(second.stderr).toContain('arXiv: 1 of 1 confirmed, 1 from the cache; 0 calls');
    expect(fakes!.arxiv.log.length).toBe(1);
    expect(second.stdout).toContain('paper-label');
  });

  it('format --fix-papers writes the first version\'s year into the "arXiv YYYY" label, from the cache, and nothing else', async () => {
    const { env } = await withFakes();
    await run(['papers', '--allow-private'], env);
    await fakes!.close();
    fakes = null;
    const result = await run(['format', '--fix-papers']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('catalog.md: formatted; fixed 5:9 paper-label\n');
    expect(readFileSync(join(folder, 'catalog.md'), 'utf8')).toBe(CATALOG.replace('[arXiv 2020](https://arxiv.org/abs/1910.01578)', '[arXiv 2019](https://arxiv.org/abs/1910.01578)'));
  });

  it('format --fix-papers writes no year from a planted cache record that is not a year', async () => {
    const { env } = await withFakes();
    await run(['papers', '--allow-private'], env);
    await fakes!.close();
    fakes = null;
    const cacheFile = join(folder, '.cache/links.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { papers: { records: Record<string, { record: { year: number } }> } };
    for (const entry of Object.values(cache.papers.records)) entry.record.year = -5;
    writeFileSync(cacheFile, JSON.stringify(cache));
    const result = await run(['format', '--fix-papers']);
    expect(result.stderr).toBe('catalog.md: already formatted\n');
    expect(readFileSync(join(folder, 'catalog.md'), 'utf8')).toBe(CATALOG);
  });

  it('on a terminal, prints its plan before the first request', async () => {
    const { env } = await withFakes();
    const result = await run(['papers', '--allow-private', '--no-cache'], env, true);
    expect(result.stderr.startsWith('arXiv: 1 id, 1 call, at least 0.0 s by its quota\ndoi.org: 1 id, 1 call, at least 0.0 s by its quota\nOpenReview: 1 id, 1 call, at least 0.0 s by its quota\n')).toBe(true);
  });

  it('catalog links confirms the paper links through the registries; --no-registries requests them like any other', async () => {
    const { env } = await withFakes();
    const through = await run(['links', '--allow-private', '--no-cache', '-f', 'json'], env);
    expect(through.status).toBe(0);
    const report = JSON.parse(through.stdout) as { urls: { url: string; verdict: string; reason: string }[] };
    expect(report.urls.map((entry) => `${entry.verdict} ${entry.reason}`).sort()).toEqual([
      'alive 10.1145/3464298.3476132 confirmed by doi.org',
      'alive 1910.01578 confirmed by arXiv',
      'alive Hkc-TeZ0W confirmed by OpenReview',
    ]);
    expect(through.stderr).toMatch(/^arXiv: 1 of 1 confirmed; 1 call in \d+\.\d s$/mu);
    const requests = fakes!.arxiv.log.length;
    const direct = await run(['links', '--allow-private', '--no-cache', '--no-registries', '--timeout', '2000', '-f', 'json'], env);
    expect(fakes!.arxiv.log.length).toBe(requests);
    expect(direct.stderr).not.toMatch(/confirmed/u);
    expect((JSON.parse(direct.stdout) as { urls: { reason: string }[] }).urls.some((entry) => entry.reason.includes('confirmed by'))).toBe(false);
  });

  it('exits 1 on an error finding (an id that does not exist)', async () => {
    writeFileSync(join(folder, 'catalog.md'), CATALOG.replace('1910.01578', '1910.99999'));
    const { env } = await withFakes();
    const result = await run(['papers', '--allow-private', '--no-cache'], env);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/5:9-5:55 +error +arXiv 1910\.99999 does not exist: arXiv API has no entry for 1910\.99999 \(asked twice\) +paper-exists/u);
  });

  it('offline: every check skipped in one line, exit 0', async () => {
    const unreachable = { CATALOG_ARXIV_API_URL: 'http://127.0.0.1:9', CATALOG_DOI_URL: 'http://127.0.0.1:9', CATALOG_OPENREVIEW_API_URL: 'http://127.0.0.1:9', CATALOG_DBLP_API_URL: 'http://127.0.0.1:9' };
    const result = await run(['papers', '--allow-private', '--no-cache'], unreachable);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('catalog papers: no registry answered for any of the 3 paper links (offline?); every paper check skipped\n');
    expect(result.stdout).toBe('');
  });

  it('refuses loopback registries without --allow-private', async () => {
    const { env } = await withFakes();
    const result = await run(['papers', '--no-cache'], env);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('every paper check skipped');
    expect(fakes!.arxiv.log).toHaveLength(0);
  });
});
