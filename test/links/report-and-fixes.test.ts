import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericConfig, loadConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { applyCellFixes } from '../../src/format/apply-fixes.js';
import { linkDiagnostics, linkExitCode } from '../../src/links/diagnostics.js';
import { extractLinks } from '../../src/links/extract.js';
import { redirectFixes } from '../../src/links/fixes.js';
import { runLinkCheck } from '../../src/links/run.js';
import { linkReportJson } from '../../src/report/links-json.js';
import { linkReportMarkdown } from '../../src/report/links-markdown.js';
import { LoopbackServer, fakeResolver, reply } from './loopback-server.js';
import { fastOptions, linksConfig } from './options.js';

let site: LoopbackServer;
let folder: string;
beforeAll(async () => {
  site = await LoopbackServer.start('127.0.0.11');
  folder = mkdtempSync(join(tmpdir(), 'catalog-links-report-'));
  site.route('/new', reply(200));
  site.route('/moved', reply(301, { location: '/new' }));
  site.route('/also-moved', reply(308, { location: '/new?v=2' }));
  site.route('/gone', reply(404));
  site.route('/ok', reply(200));
});
afterAll(async () => {
  await site.close();
  rmSync(folder, { recursive: true, force: true });
});

function catalogWith(source: string) {
  return readCatalog({ file: 'catalog.md', source, config: genericConfig() });
}

describe('extraction', () => {
  it('finds table links with line, column and cell, de-duplicated across the run; prose only with --all', () => {
    const source = [
      'See [the guide](https://example.org/guide).',
      '',
      '| Name | Paper |',
      '| --- | --- |',
      '| A | [arxiv](https://arxiv.org/abs/1) , [pdf](https://arxiv.org/abs/1#page=2) |',
      '| B | [x](https://example.org/b) [mail](mailto:a@b.c) |',
      '',
    ].join('\n');
    const catalog = catalogWith(source);
    const tables = extractLinks([catalog], linksConfig(), false);
    expect([...tables.urls.keys()]).toEqual(['https://arxiv.org/abs/1', 'https://example.org/b']);
    expect(tables.urls.get('https://arxiv.org/abs/1')!.map((location) => [location.line, location.column])).toEqual([
      [5, 7],
      [5, 42],
    ]);
    expect(tables.urls.get('https://example.org/b')![0]!.cell).toMatchObject({ table: 0, row: 1, column: 1 });
    const all = extractLinks([catalog], linksConfig(), true);
    expect([...all.urls.keys()]).toContain('https://example.org/guide');
    const skipped = extractLinks([catalog], linksConfig({ skip: ['arxiv\\.org'], hosts: { 'example.org': { skip: true } } }), true);
    expect(skipped.urls.size).toBe(0);
    expect(skipped.skipped.size).toBe(3);
  });
});

describe('results as diagnostics, fixes, JSON and markdown', () => {
  const source = () =>
    [
      '| Name | Links |',
      '| --- | --- |',
      `| A | [one](${site.url('/moved')}#intro) and [two](${site.url('/also-moved')}) |`,
      `| B | [dead](${site.url('/gone')}) |`,
      `| C | [ok](${site.url('/ok')}) |`,
      '',
    ].join('\n');

  it('reports each problem at its link, with one merged fix per cell', async () => {
    const catalog = catalogWith(source());
    const report = await runLinkCheck({ catalogs: [catalog], ...fastOptions() });
    const diagnostics = linkDiagnostics(report);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity, diagnostic.range.start.line])).toEqual([
      ['permanent-redirect', 'warning', 3],
      ['permanent-redirect', 'warning', 3],
      ['dead-link', 'error', 4],
    ]);
    expect(diagnostics[0]!.message).toContain(`update this link to ${site.url('/new')}`);
    const fix = diagnostics[0]!.fix!;
    expect(diagnostics[1]!.fix).toEqual(fix);
    expect(fix.replacement).toBe(`[one](${site.url('/new')}#intro) and [two](${site.url('/new?v=2')})`);
    const fixed = applyCellFixes(catalog, [fix]).source;
    expect(fixed).toBe(source().replace(`${site.url('/moved')}#intro`, `${site.url('/new')}#intro`).replace(site.url('/also-moved'), site.url('/new?v=2')));
    expect(linkExitCode(report)).toBe(1);
  });

  it('the JSON report has every URL with its verdict, chain and places', async () => {
    const report = await runLinkCheck({ catalogs: [catalogWith(source())], ...fastOptions() });
    const json = linkReportJson(report);
    expect(json.summary).toMatchObject({ total: 4, alive: 3, dead: 1, permanentRedirects: 2 });
    const moved = json.urls.find((entry) => entry.url === site.url('/moved'))!;
    expect(moved).toMatchObject({
      verdict: 'alive',
      status: 200,
      redirects: [{ url: site.url('/moved'), status: 301, location: site.url('/new') }],
      finalUrl: site.url('/new'),
      permanentRedirect: site.url('/new'),
      attempts: 2,
      locations: [{ file: 'catalog.md', line: 3, column: 7 }],
    });
  });

  it('the markdown report lists dead links and redirects with evidence', async () => {
    const report = await runLinkCheck({ catalogs: [catalogWith(source())], ...fastOptions() });
    const markdown = linkReportMarkdown(report);
    expect(markdown).toMatch(/^# Link check/u);
    expect(markdown).toContain('## Dead links (1)');
    expect(markdown).toContain('404 Not Found');
    expect(markdown).toContain('## Permanent redirects');
    expect(markdown).toContain(`301 → \`${site.url('/new')}\``);
    expect(markdown).toContain('catalog.md:4:7');
  });

  it('catalog format --fix-redirects: fixes from the last results in the cache', async () => {
    const cacheFile = join(folder, 'links.json');
    const catalog = catalogWith(source());
    await runLinkCheck({ catalogs: [catalog], ...fastOptions({ cacheFile }) });
    const fixes = redirectFixes(catalog, cacheFile);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ table: 0, row: 0, column: 1 });
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries[site.url('/moved')].permanentRedirect).toBe(site.url('/new'));
    expect(redirectFixes(catalog, join(folder, 'missing.json'))).toEqual([]);
  });
});

describe('the committed catalog, offline', () => {
  it('runs without a crash: every link unverifiable, none dead, exit 0', async () => {
    const file = join(process.cwd(), 'catalog.md');
    const config = loadConfig(file);
    const catalog = readCatalog({ file, source: readFileSync(file, 'utf8'), config });
    // No network: the resolver knows no name and answers for no zone, as on this machine.
    const report = await runLinkCheck({ catalogs: [catalog], config: config.links, cacheFile: null, resolver: fakeResolver({}, []), retryBaseMs: 10, minSpacingMs: 0 });
    expect(report.links.length).toBeGreaterThan(10);
    expect(report.links.every((link) => link.result.verdict === 'unverifiable')).toBe(true);
    expect(linkExitCode(report)).toBe(0);
  });
});
