import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FORMAT, type CacheFile } from '../../src/links/cache.js';
import { linkDiagnostics, linkExitCode } from '../../src/links/diagnostics.js';
import { LoopbackServer, reply } from './loopback-server.js';
import { checkUrls, linksConfig, resultOf } from './options.js';

const DAY = 86_400_000;
let site: LoopbackServer;
let folder: string;

beforeAll(async () => {
  site = await LoopbackServer.start('127.0.0.7');
  folder = mkdtempSync(join(tmpdir(), 'catalog-links-cache-'));
});
afterAll(async () => {
  await site.close();
  rmSync(folder, { recursive: true, force: true });
});

const readCache = (file: string): CacheFile => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;

describe('the cache between runs', () => {
  it('keeps an alive result for aliveDays with jitter, then checks again', async () => {
    const cacheFile = join(folder, 'alive.json');
    const url = site.route('/cached', reply(200));
    const start = new Date('2025-01-01T00:00:00Z');
    const config = linksConfig({ aliveDays: 10 });
    // random() = 0.5: kept for 0.5 + 0.25 = 75% of 10 days.
    await checkUrls([url], { cacheFile, config, now: start });
    expect(readCache(cacheFile).entries[url]!.aliveUntil).toBe(new Date(start.getTime() + 7.5 * DAY).toISOString());

    const requests = site.requestsTo('/cached').length;
    const soon = await checkUrls([url], { cacheFile, config, now: new Date(start.getTime() + 7 * DAY) });
    expect(resultOf(soon, url)).toMatchObject({ verdict: 'alive', cached: true, attempts: 0 });
    expect(site.requestsTo('/cached').length).toBe(requests);

    const later = await checkUrls([url], { cacheFile, config, now: new Date(start.getTime() + 8 * DAY) });
    expect(resultOf(later, url)).toMatchObject({ verdict: 'alive', cached: false, attempts: 1 });
    expect(site.requestsTo('/cached').length).toBe(requests + 1);
  });

  it('spreads expiry with jitter so each run re-checks a slice', async () => {
    const cacheFile = join(folder, 'jitter.json');
    const urls = Array.from({ length: 20 }, (_, index) => site.route(`/jitter/${index}`, reply(200)));
    let draw = 0;
    await checkUrls(urls, { cacheFile, config: linksConfig({ aliveDays: 7 }), random: () => (draw++ % 20) / 20 });
    const until = new Set(Object.values(readCache(cacheFile).entries).map((entry) => entry.aliveUntil));
    expect(until.size).toBeGreaterThan(5);
  });

  it('never caches dead or unverifiable results as final', async () => {
    const cacheFile = join(folder, 'final.json');
    const dead = site.route('/cache-dead', reply(404));
    const refused = site.route('/cache-403', reply(403));
    await checkUrls([dead, refused], { cacheFile });
    const before = site.requests.length;
    const again = await checkUrls([dead, refused], { cacheFile });
    expect(again.links.every((link) => !link.result.cached)).toBe(true);
    expect(site.requests.length).toBeGreaterThan(before);
    expect(readCache(cacheFile).entries[dead]!.aliveUntil).toBeNull();
  });

  it('--no-cache neither reads nor writes the file', async () => {
    const cacheFile = join(folder, 'unused.json');
    const url = site.route('/no-cache', reply(200));
    await checkUrls([url], { cacheFile, useCache: false });
    expect(() => readFileSync(cacheFile)).toThrow();
  });

  it.each([
    ['corrupt', '{ not json'],
    ['foreign', JSON.stringify({ format: 'something-else', entries: [] })],
  ])('a %s cache file is reported and ignored, never fatal', async (_, text) => {
    const cacheFile = join(folder, `${_}.json`);
    writeFileSync(cacheFile, text);
    const url = site.route(`/after-${_}`, reply(200));
    const report = await checkUrls([url], { cacheFile });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/ignored/u);
    expect(resultOf(report, url).verdict).toBe('alive');
    expect(readCache(cacheFile).format).toBe(CACHE_FORMAT);
  });
});

describe('escalation of unverifiable links', () => {
  it('becomes an error after K consecutive runs, and the run fails then', async () => {
    const cacheFile = join(folder, 'escalate.json');
    const url = site.route('/bot-wall', reply(403));
    const config = linksConfig({ escalateAfterRuns: 3, escalateAfterDays: 100 });
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(await checkUrls([url], { cacheFile, config, now: day(run) }));
    expect(runs.map((report) => resultOf(report, url).escalated)).toEqual([false, false, true]);
    expect(runs.map((report) => resultOf(report, url).unverifiableRuns)).toEqual([1, 2, 3]);
    expect(runs.map(linkExitCode)).toEqual([0, 0, 1]);
    const diagnostics = linkDiagnostics(runs[2]!);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'unverifiable-link', severity: 'error' });
    expect(resultOf(runs[2]!, url).firstSeen).toBe(day(0).toISOString());
  });

  it('becomes an error after D days even with fewer runs', async () => {
    const cacheFile = join(folder, 'escalate-days.json');
    const url = site.route('/bot-wall-days', reply(999));
    const config = linksConfig({ escalateAfterRuns: 10, escalateAfterDays: 14 });
    await checkUrls([url], { cacheFile, config, now: new Date('2025-01-01T00:00:00Z') });
    const later = await checkUrls([url], { cacheFile, config, now: new Date('2025-01-20T00:00:00Z') });
    expect(resultOf(later, url)).toMatchObject({ escalated: true, unverifiableRuns: 2 });
  });

  it('an alive answer ends the streak', async () => {
    const cacheFile = join(folder, 'streak.json');
    const url = site.route('/sometimes', (request, response, hit) => response.writeHead(hit <= 2 ? 403 : 200).end());
    const config = linksConfig({ escalateAfterRuns: 2, aliveDays: 0 });
    await checkUrls([url], { cacheFile, config });
    const second = await checkUrls([url], { cacheFile, config });
    expect(resultOf(second, url)).toMatchObject({ verdict: 'alive', unverifiableRuns: 0, escalated: false });
  });
});
