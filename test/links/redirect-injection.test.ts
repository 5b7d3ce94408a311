// `format --fix-redirects` writes what others name (a server's Location header, the GitHub API,
// a cache file) into a cell: only a plain http(s) URL that reads back as itself gets there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { formatSource } from '../../src/format/format.js';
import { proveFormat } from '../../src/format/prove.js';
import { redirectFixDiagnostics, redirectFixes } from '../../src/links/fixes.js';
import { plainHttpUrl } from '../../src/links/replacement-url.js';
import { LoopbackServer, catalogOf, fakeResolver, reply } from './loopback-server.js';
import { checkUrls, resultOf } from './options.js';

let site: LoopbackServer;
let api: LoopbackServer;
beforeAll(async () => {
  [site, api] = await Promise.all([LoopbackServer.start('127.0.0.14'), LoopbackServer.start('127.0.0.15')]);
});
afterAll(async () => {
  await Promise.all([site.close(), api.close()]);
});

const HOSTILE_TARGETS = [
  'https://new.example/a|b',
  'https://new.example/a)![x](https://evil.example/x.png',
  'https://new.example/[x](https://evil.example/)',
  'https://new.example/a]b',
  'https://user:secret@new.example/a',
  'https://new.example/a&amp;b',
  'javascript:alert(1)',
];

describe('a replacement URL', () => {
  it.each(HOSTILE_TARGETS)('%j is never written into a cell', (target) => {
    const catalog = catalogOf(['https://old.example/a']);
    expect(redirectFixes(catalog, new Map([['https://old.example/a', target]]))).toEqual([]);
  });

  it('a parenthesis is escaped in a link destination, so the link still ends where it did', () => {
    const catalog = catalogOf(['https://old.example/a']);
    const [fix] = redirectFixes(catalog, new Map([['https://old.example/a', 'https://new.example/Foo_(bar)!']]));
    expect(fix).toMatchObject({ replacement: '[link](https://new.example/Foo_\\(bar\\)!)', urls: [{ from: 'https://old.example/a', to: 'https://new.example/Foo_(bar)!' }] });
    const formatted = formatSource('links.md', catalog.source, genericConfig(), { extraFixes: (current) => redirectFixDiagnostics(current, new Map([['https://old.example/a', 'https://new.example/Foo_(bar)!']])) });
    const reread = readCatalog({ file: 'links.md', source: formatted.output, config: genericConfig(), exact: true });
    expect(reread.tables[0]!.rows[0]!.cells[1]!.links.map((link) => link.url)).toEqual(['https://new.example/Foo_(bar)!']);
    expect(proveFormat(formatted.catalog, formatted.output, genericConfig(), { original: catalog, applied: formatted.fixed.map((diagnostic) => diagnostic.fix!) })).toEqual([]);
  });

  it('a bare URL is replaced only by one GFM ends at its last character', () => {
    const source = '| Name | Link |\n| --- | --- |\n| A | https://old.example/a |\n| B | https://old.example/b |\n';
    const catalog = readCatalog({ file: 'links.md', source, config: genericConfig() });
    const fixes = redirectFixes(
      catalog,
      new Map([
        ['https://old.example/a', 'https://new.example/a'],
        ['https://old.example/b', 'https://new.example/b).'],
      ]),
    );
    expect(fixes.map((fix) => fix.replacement)).toEqual(['https://new.example/a']);
  });

  it.each([
    ['a bare URL', 'https://old.example/a'],
    ['an autolink', '<https://old.example/a>'],
    ['a link with a title', '[paper](https://old.example/a "The paper")'],
  ])('in %s, is written and passes the proof', (_case, cell) => {
    const source = `| Name | Link |\n| --- | --- |\n| A | ${cell} |\n`;
    const catalog = readCatalog({ file: 'links.md', source, config: genericConfig() });
    const targets = new Map([['https://old.example/a', 'https://new.example/a?x=1']]);
    const formatted = formatSource('links.md', source, genericConfig(), { extraFixes: (current) => redirectFixDiagnostics(current, targets) });
    expect(formatted.output).toBe(source.replace('https://old.example/a', 'https://new.example/a?x=1'));
    expect(proveFormat(formatted.catalog, formatted.output, genericConfig(), { original: catalog, applied: formatted.fixed.map((diagnostic) => diagnostic.fix!) })).toEqual([]);
  });

  it('plainHttpUrl takes a plain absolute http(s) URL, and nothing else', () => {
    expect(plainHttpUrl('https://new.example/p?q=1#f')).toBe('https://new.example/p?q=1#f');
    for (const target of HOSTILE_TARGETS) expect(plainHttpUrl(target)).toBeNull();
  });
});

describe('a Location header', () => {
  it.each([
    ['a pipe', 'pipe', (origin: string) => `${origin}/to|split`],
    ['an image', 'image', (origin: string) => `${origin}/x)![i](${origin}/i.png)`],
    ['credentials', 'credentials', (origin: string) => origin.replace('//', '//user:secret@') + '/creds'],
  ])('with %s is no permanent redirect to fix', async (_case, name, location) => {
    const target = location(site.origin);
    const url = site.route(`/moved-${name}`, reply(301, { location: target }));
    site.route(new URL(target).pathname, reply(200));
    const result = resultOf(await checkUrls([url]), url);
    expect(result.verdict).toBe('alive');
    expect(result.redirects).toHaveLength(1);
    expect(result.permanentRedirect).toBeNull();
  });
});

describe("the GitHub API's nameWithOwner", () => {
  it('that is not a plain owner/name settles nothing and is never a redirect target', async () => {
    api.route('/graphql', (request, response) => {
      request.resume();
      request.on('end', () => {
        const data = { r0: { nameWithOwner: 'evil/x) ![i](https://evil.example/i.png) [y', isArchived: false } };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      });
    });
    const url = 'https://github.com/owner/repo';
    const report = await checkUrls([url], { githubToken: 't', githubApiUrl: api.origin, resolver: fakeResolver({}, []) });
    expect(resultOf(report, url)).toMatchObject({ permanentRedirect: null, verdict: 'unverifiable' });
  });
});

describe('the proof of a fix', () => {
  it('refuses a fix that changes more of its cell than the URL it names', () => {
    const source = '| Name | Link |\n| --- | --- |\n| A | [link](https://old.example/a) |\n';
    const catalog = readCatalog({ file: 'links.md', source, config: genericConfig() });
    const injected = '[link](https://new.example/a) ![i](https://evil.example/i.png)';
    const fix = { table: 0, row: 0, column: 1, replacement: injected, urls: [{ from: 'https://old.example/a', to: 'https://new.example/a' }] };
    const diagnostic = { ruleId: 'permanent-redirect', severity: 'warning' as const, message: '', hint: '', file: 'links.md', range: catalog.tables[0]!.rows[0]!.cells[1]!.range, fix };
    const formatted = formatSource('links.md', source, genericConfig(), { extraFixes: () => [diagnostic] });
    expect(formatted.output).toContain('![i]');
    const problems = proveFormat(formatted.catalog, formatted.output, genericConfig(), { original: catalog, applied: [fix] });
    expect(problems).toEqual(['line 3: the new address of a link would change more of its cell than the address']);
  });

  it('refuses a fix that splits its row', () => {
    const source = '| Name | Link |\n| --- | --- |\n| A | [link](https://old.example/a) |\n';
    const catalog = readCatalog({ file: 'links.md', source, config: genericConfig() });
    const fix = { table: 0, row: 0, column: 1, replacement: '[link](https://new.example/a) | extra', urls: [{ from: 'https://old.example/a', to: 'https://new.example/a' }] };
    const diagnostic = { ruleId: 'permanent-redirect', severity: 'warning' as const, message: '', hint: '', file: 'links.md', range: catalog.tables[0]!.rows[0]!.cells[1]!.range, fix };
    const formatted = formatSource('links.md', source, genericConfig(), { extraFixes: () => [diagnostic] });
    expect(proveFormat(formatted.catalog, formatted.output, genericConfig(), { original: catalog, applied: [fix] })).toEqual([
      'line 3: the new address of a link would split its row',
    ]);
  });

  it('accepts a redirect to a page that redirects again, fixed over two passes', () => {
    const source = '| Name | Link |\n| --- | --- |\n| A | [link](https://one.example/) |\n';
    const catalog = readCatalog({ file: 'links.md', source, config: genericConfig() });
    const targets = new Map([
      ['https://one.example/', 'https://two.example/'],
      ['https://two.example/', 'https://three.example/'],
    ]);
    const formatted = formatSource('links.md', source, genericConfig(), { extraFixes: (current) => redirectFixDiagnostics(current, targets) });
    expect(formatted.output).toContain('[link](https://three.example/)');
    expect(proveFormat(formatted.catalog, formatted.output, genericConfig(), { original: catalog, applied: formatted.fixed.map((diagnostic) => diagnostic.fix!) })).toEqual([]);
  });
});
