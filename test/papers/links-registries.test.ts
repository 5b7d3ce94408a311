import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRegistries, type FakeRegistries } from '../../scripts/fake-registries.js';
import { paperLinkSettler } from '../../src/papers/confirm.js';
import { formatSummary } from '../../src/papers/registries.js';
import { checkUrls, resultOf } from '../links/options.js';
import { LoopbackServer, reply } from '../links/loopback-server.js';

let fakes: FakeRegistries | null = null;
let folder: string | null = null;
afterEach(async () => {
  await fakes?.close();
  fakes = null;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

const INTERVALS = { arxiv: 50, doi: 10, openreview: 10, dblp: 10 };

describe('catalog links through the registries', () => {
  it('confirms paper links through their registry, never requesting the page; dead only when said twice', async () => {
    fakes = await startFakeRegistries({
      arxiv: { '1811.06965': { title: 'GPipe', authors: ['Yanping Huang'], published: '2018-11-16' } },
      doi: { '10.1145/3419111.3421302': { title: 'Baechi', issued: [2020] } },
      openreview: { 'Hkc-TeZ0W': { title: 'A Hierarchical Model for Device Placement', venue: 'ICLR 2018' } },
    });
    const other = await LoopbackServer.start();
    other.route('/page', reply(200));
    folder = mkdtempSync(join(tmpdir(), 'catalog-links-registries-'));
    const cacheFile = join(folder, 'cache.json');
    const plans: string[] = [];
    const settler = paperLinkSettler({ env: fakes.env, allowPrivate: true, intervalsMs: INTERVALS, onPlan: (plan) => plans.push(plan) });
    const urls = [
      'https://arxiv.org/abs/1811.06965',
      'https://arxiv.org/pdf/1811.06965v2',
      'https://arxiv.org/abs/2101.99999',
      'https://dl.acm.org/doi/10.1145/3419111.3421302',
      'https://doi.org/10.1145/0000000.0000000',
      'https://openreview.net/forum?id=Hkc-TeZ0W',
      other.url('/page'),
    ];
    try {
      const report = await checkUrls(urls, { settler, cacheFile });
      expect(resultOf(report, urls[0]!)).toMatchObject({ verdict: 'alive', reason: '1811.06965 confirmed by arXiv' });
      expect(resultOf(report, urls[1]!)).toMatchObject({ verdict: 'alive' });
      expect(resultOf(report, urls[2]!)).toMatchObject({ verdict: 'dead', reason: 'arXiv API has no entry for 2101.99999 (asked twice)' });
      expect(resultOf(report, urls[3]!)).toMatchObject({ verdict: 'alive', reason: '10.1145/3419111.3421302 confirmed by doi.org' });
      expect(resultOf(report, urls[4]!)).toMatchObject({ verdict: 'dead' });
      expect(resultOf(report, urls[5]!)).toMatchObject({ verdict: 'alive' });
      expect(resultOf(report, urls[6]!)).toMatchObject({ verdict: 'alive', reason: '200' });
      expect(fakes.arxiv.log).toHaveLength(2);
      expect(other.requests).toHaveLength(1);
      expect(plans.join('')).toBe('arXiv: 2 ids, 1 call, at least 0.0 s by its quota\ndoi.org: 2 ids, 2 calls, at least 0.0 s by its quota\nOpenReview: 1 id, 1 call, at least 0.0 s by its quota\n');
      expect(formatSummary(settler.summaries())).toMatch(/^arXiv: 1 of 2 confirmed, 1 not found; 2 calls in \d+\.\d s\ndoi\.org: 1 of 2 confirmed, 1 not found; 4 calls in \d+\.\d s\nOpenReview: 1 of 1 confirmed; 1 call in \d+\.\d s\n$/u);
      const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { verdict: string }>; papers: { records: Record<string, unknown> } };
      expect(cache.entries[urls[0]!]?.verdict).toBe('alive');
      expect(Object.keys(cache.papers.records).sort()).toEqual(['arxiv:1811.06965', 'doi:10.1145/3419111.3421302', 'openreview:Hkc-TeZ0W']);
    } finally {
      await other.close();
    }
  });

  it('a registry that is down leaves its links unverifiable, never dead', async () => {
    fakes = await startFakeRegistries({});
    await fakes.arxiv.close();
    const settler = paperLinkSettler({ env: fakes.env, allowPrivate: true, intervalsMs: INTERVALS });
    const report = await checkUrls(['https://arxiv.org/abs/1811.06965'], { settler });
    expect(resultOf(report, 'https://arxiv.org/abs/1811.06965')).toMatchObject({ verdict: 'unverifiable', reason: expect.stringMatching(/^arXiv did not answer/u) });
  });
});
