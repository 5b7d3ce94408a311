import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FORMAT, loadCache, type CacheEntry, type CacheFile } from '../../src/links/cache.js';
import { linkDiagnostics, linkExitCode } from '../../src/links/diagnostics.js';
import { redirectFixes } from '../../src/links/fixes.js';
import { LoopbackServer, catalogOf, reply } from './loopback-server.js';
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
  ])('a %s cache file is reported, ignored and left as it is, never fatal', async (_, text) => {
    const cacheFile = join(folder, `${_}.json`);
    writeFileSync(cacheFile, text);
    const url = site.route(`/after-${_}`, reply(200));
    const report = await checkUrls([url], { cacheFile });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/ignored/u);
    expect(resultOf(report, url).verdict).toBe('alive');
    // It may be anything (the catalog itself): only a cache this tool wrote is ever replaced.
    expect(readFileSync(cacheFile, 'utf8')).toBe(text);
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

  it('counts at most one run a day, so runs repeated by hand do not escalate', async () => {
    const cacheFile = join(folder, 'escalate-same-day.json');
    const url = site.route('/bot-wall-same-day', reply(403));
    const config = linksConfig({ escalateAfterRuns: 3, escalateAfterDays: 100 });
    const hour = (n: number) => new Date(Date.UTC(2025, 0, 1, n));
    const runs = [];
    for (const at of [0, 1, 2, 3, 20]) runs.push(await checkUrls([url], { cacheFile, config, now: hour(at) }));
    expect(runs.map((report) => resultOf(report, url).unverifiableRuns)).toEqual([1, 1, 1, 1, 1]);
    expect(runs.map(linkExitCode)).toEqual([0, 0, 0, 0, 0]);
    const nextDay = await checkUrls([url], { cacheFile, config, now: hour(25) });
    expect(resultOf(nextDay, url).unverifiableRuns).toBe(2);
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

describe('entries of the cache file are checked field by field', () => {
  const good: CacheEntry = {
    verdict: 'alive',
    status: 200,
    reason: '200',
    redirects: [{ url: 'https://old.example/page', status: 301, location: 'https://new.example/page' }],
    finalUrl: 'https://new.example/page',
    permanentRedirect: 'https://new.example/page',
    suspicious: null,
    archived: false,
    checkedAt: '2025-01-01T00:00:00.000Z',
    aliveUntil: '2999-01-01T00:00:00.000Z',
    firstSeen: '2024-12-01T00:00:00.000Z',
    unverifiableRuns: 0,
    unverifiableSince: null,
  };

  const writeCache = (name: string, entries: Record<string, unknown>): string => {
    const cacheFile = join(folder, name);
    // "INFINITY" stands for a number JSON.parse reads as Infinity.
    writeFileSync(cacheFile, JSON.stringify({ format: CACHE_FORMAT, version: 1, entries }).replaceAll('"INFINITY"', '1e400'));
    return cacheFile;
  };

  it.each<[string, Partial<Record<keyof CacheEntry, unknown>>]>([
    ['permanentRedirect not a URL', { permanentRedirect: 'not a url' }],
    ['permanentRedirect javascript:', { permanentRedirect: 'javascript:alert(1)' }],
    ['permanentRedirect relative', { permanentRedirect: '/elsewhere' }],
    ['permanentRedirect a number', { permanentRedirect: 42 }],
    ['permanentRedirect holding markdown', { permanentRedirect: 'https://new.example/a|b](https://evil.example/)' }],
    ['permanentRedirect with credentials', { permanentRedirect: 'https://user:secret@new.example/' }],
    ['verdict unknown', { verdict: 'fine' }],
    ['status a string', { status: '200' }],
    ['status not finite', { status: 'INFINITY' }],
    ['status fractional', { status: 200.5 }],
    ['unverifiableRuns not finite', { unverifiableRuns: 'INFINITY' }],
    ['reason missing', { reason: undefined }],
    ['a redirect hop without a location', { redirects: [{ url: 'https://old.example/page', status: 301 }] }],
    ['finalUrl null', { finalUrl: null }],
    ['suspicious unknown', { suspicious: 'weird' }],
    ['archived a string', { archived: 'no' }],
    ['checkedAt not a date', { checkedAt: 'yesterday' }],
    ['checkedAt a date in another format', { checkedAt: 'Wed, 01 Jan 2025 00:00:00 GMT' }],
    ['aliveUntil not a date', { aliveUntil: 'forever' }],
    ['aliveUntil a number', { aliveUntil: 32503680000000 }],
    ['firstSeen null', { firstSeen: null }],
    ['unverifiableRuns negative', { unverifiableRuns: -1 }],
    ['unverifiableRuns NaN-like', { unverifiableRuns: 'NaN' }],
    ['unverifiableSince not a date', { unverifiableSince: '2025-13-45T00:00:00Z' }],
  ])('drops an entry with %s, with one warning', (name, change) => {
    const cacheFile = writeCache(`field-${name.replace(/\W+/gu, '-')}.json`, { 'https://ok.example/': good, 'https://bad.example/': { ...good, ...change } });
    const { cache, warning } = loadCache(cacheFile);
    expect(Object.keys(cache.entries)).toEqual(['https://ok.example/']);
    expect(warning).toMatch(/dropped 1 invalid entry of the link cache/u);
  });

  it('keeps a URL named __proto__ as an entry of its own', () => {
    const cacheFile = writeCache('proto.json', JSON.parse(`{"__proto__": ${JSON.stringify(good)}}`) as Record<string, unknown>);
    const { cache } = loadCache(cacheFile);
    expect(Object.keys(cache.entries)).toEqual(['__proto__']);
  });

  it('keeps valid entries, including ISO times with an offset, without a warning', () => {
    const cacheFile = writeCache('valid.json', {
      'https://a.example/': good,
      'https://b.example/': { ...good, verdict: 'unverifiable', permanentRedirect: null, aliveUntil: null, unverifiableRuns: 2, unverifiableSince: '2025-01-01T01:00:00+01:00' },
    });
    const { cache, warning } = loadCache(cacheFile);
    expect(Object.keys(cache.entries)).toHaveLength(2);
    expect(warning).toBeNull();
  });

  it('names how many entries were dropped, and the run reports it and checks those links again', async () => {
    const url = site.route('/dropped-entry', reply(200));
    const cacheFile = writeCache('dropped.json', { [url]: { ...good, finalUrl: url, permanentRedirect: 'javascript:alert(1)' }, 'https://x.example/': { ...good, status: null, aliveUntil: 'soon' } });
    const report = await checkUrls([url], { cacheFile });
    expect(report.warnings).toEqual([`${cacheFile}: dropped 2 invalid entries of the link cache; their links are checked again`]);
    expect(resultOf(report, url)).toMatchObject({ verdict: 'alive', cached: false, permanentRedirect: null });
  });

  it('trusts an alive entry at most aliveDays after its checkedAt, whatever its aliveUntil says', async () => {
    const url = site.route('/year-9999', reply(200));
    const checkedAt = new Date('2025-01-01T00:00:00Z');
    const cacheFile = writeCache('year-9999.json', { [url]: { ...good, finalUrl: url, permanentRedirect: null, redirects: [], checkedAt: checkedAt.toISOString(), aliveUntil: '9999-12-31T00:00:00.000Z' } });
    const config = linksConfig({ aliveDays: 7 });
    const within = await checkUrls([url], { cacheFile, config, now: new Date(checkedAt.getTime() + 6 * DAY) });
    expect(resultOf(within, url)).toMatchObject({ cached: true, attempts: 0 });
    const after = await checkUrls([url], { cacheFile, config, now: new Date(checkedAt.getTime() + 8 * DAY) });
    expect(resultOf(after, url)).toMatchObject({ verdict: 'alive', cached: false, attempts: 1 });
  });

  it.each(['checkedAt', 'firstSeen', 'unverifiableSince'] as const)('drops an entry whose %s lies in the future, and checks its link again', async (field) => {
    const url = site.route(`/future-${field}`, reply(200));
    const cacheFile = writeCache(`future-${field}.json`, { [url]: { ...good, finalUrl: url, permanentRedirect: null, redirects: [], [field]: '9000-01-01T00:00:00.000Z' } });
    const now = new Date('2025-02-01T00:00:00Z');
    expect(Object.keys(loadCache(cacheFile, now).cache.entries)).toEqual([]);
    const report = await checkUrls([url], { cacheFile, now });
    expect(report.warnings).toEqual([`${cacheFile}: dropped 1 invalid entry of the link cache; its link is checked again`]);
    expect(resultOf(report, url)).toMatchObject({ cached: false, attempts: 1 });
  });

  it('format --fix-redirects neither crashes on nor writes a bad target from the cache', () => {
    const oldUrl = 'https://old.example/page';
    const catalog = catalogOf([oldUrl, 'https://other.example/x', 'https://third.example/y']);
    const entries = {
      [oldUrl]: { ...good, permanentRedirect: 'not a url' },
      'https://other.example/x': { ...good, permanentRedirect: 'javascript:alert(1)' },
      'https://third.example/y': { ...good, permanentRedirect: 'data:text/html,<script>alert(1)</script>' },
    };
    expect(() => redirectFixes(catalog, writeCache('fixes.json', entries))).not.toThrow();
    expect(redirectFixes(catalog, writeCache('fixes.json', entries))).toEqual([]);
    const fixes = redirectFixes(catalog, writeCache('fixes-good.json', { ...entries, [oldUrl]: good }));
    expect(fixes.map((fix) => fix.replacement)).toEqual(['[link](https://new.example/page)']);
  });

  it('never writes a target that is not http(s), whatever the targets given', () => {
    const catalog = catalogOf(['https://a.example/', 'https://b.example/', 'https://c.example/']);
    const targets = new Map([
      ['https://a.example/', 'javascript:alert(1)'],
      ['https://b.example/', 'not a url'],
      ['https://c.example/', 'https://c.example/new'],
    ]);
    expect(redirectFixes(catalog, targets).map((fix) => fix.replacement)).toEqual(['[link](https://c.example/new)']);
  });
});
