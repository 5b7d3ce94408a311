// What a contributor or a web server controls must not get into the catalog or take the run
// over: redirect targets, vocabulary values, the config's numbers and patterns, links that lead
// out of the repository. Each test runs the built bin/catalog.js in a temporary repository.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCache, nextEntry } from '../src/links/cache.js';
import type { LinkFindings } from '../src/links/types.js';
import { runCatalog, writeFiles } from './helpers/cli.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-injection-'));
  mkdirSync(join(folder, '.git'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const catalog = (args: string[], cwd = folder) => runCatalog(args, cwd);
const write = (files: Record<string, string | Buffer>) => writeFiles(folder, files);
const read = (name: string) => readFileSync(join(folder, name), 'utf8');

/** A link cache as `catalog links` writes it, each URL alive and permanently redirected to its target. */
function redirectCache(targets: Record<string, string>): string {
  const now = new Date();
  const cache = emptyCache();
  for (const [url, target] of Object.entries(targets)) {
    const findings: LinkFindings = {
      verdict: 'alive',
      status: 200,
      reason: '200',
      redirects: [{ url, status: 301, location: target }],
      finalUrl: target,
      permanentRedirect: target,
      suspicious: null,
      archived: false,
    };
    cache.entries[url] = nextEntry(undefined, findings, now, { aliveDays: 7, random: () => 0.5 });
  }
  return JSON.stringify(cache);
}

describe('format --fix-redirects writes no injected text into a cell', () => {
  it('a planted cache entry with ), |, [, ], ! or credentials changes nothing; a plain target is written', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((name) => `| ${name} | [paper](https://old.example/${name}) |`);
    const source = `| Name | Link |\n| --- | --- |\n${rows.join('\n')}\n`;
    write({
      'list.md': source,
      '.cache/catalog-links.json': redirectCache({
        'https://old.example/a': 'https://new.example/a) ![x](https://evil.example/x.png',
        'https://old.example/b': 'https://new.example/b|injected|cells',
        'https://old.example/c': 'https://new.example/[c](https://evil.example/)',
        'https://old.example/d': 'https://user:secret@new.example/d',
        'https://old.example/e': 'https://new.example/e_(moved)',
      }),
    });
    const run = catalog(['format', '--fix-redirects', 'list.md']);
    expect(run.stderr).toBe('list.md: formatted; fixed 7:7 permanent-redirect\n');
    expect(run.status).toBe(0);
    expect(read('list.md')).toBe(source.replace('(https://old.example/e)', '(https://new.example/e_\\(moved\\))'));
  });
});

describe("the config of a pull request is a contributor's input", () => {
  const LIST = '| Name | Link |\n| --- | --- |\n| Alpha | [a](http://127.0.0.1:9/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!) |\n';

  it('a skip pattern that backtracks exponentially in JavaScript is matched in linear time', () => {
    write({ 'catalog.config.json': JSON.stringify({ links: { skip: ['(a+)+$'] } }), 'list.md': LIST });
    const started = Date.now();
    const run = catalog(['links', '--no-cache', '--format', 'json', 'list.md']);
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Not skipped (the URL does not end in "a"), and refused as a loopback address.
    expect(JSON.parse(run.stdout).summary).toMatchObject({ total: 1, unverifiable: 1, skipped: 0 });
  });

  it.each([
    ['aliveDays: 1e308', { links: { aliveDays: 1e308 } }, '"links.aliveDays" must be a number from 0 to 365'],
    ['a 15-minute host spacing', { links: { hosts: { 'a.example': { minSpacingMs: 900_000 } } } }, '"links.hosts.a.example.minSpacingMs" must be a number from 0 to 60000'],
    ['a lookahead', { links: { skip: ['^(?!https://)'] } }, '"links.skip[0]" is not a regular expression RE2 accepts'],
  ])('%s is a config error (exit 2), before any request', (_case, config, message) => {
    write({ 'catalog.config.json': JSON.stringify(config), 'list.md': LIST });
    const run = catalog(['links', '--no-cache', 'list.md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('a config saved with a UTF-8 byte order mark is read', () => {
    write({ 'catalog.config.json': `\uFEFF${JSON.stringify({ tables: [{ columns: [{ name: 'Name' }, { name: 'Link', type: 'link' }] }] })}`, 'list.md': '| Name | Link |\n| --- | --- |\n| Alpha | [a](https://a.example/) |\n' });
    const run = catalog(['lint', 'list.md']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('Config: catalog.config.json');
  });
});

describe('a canonical vocabulary value with a pipe', () => {
  const config = {
    tables: [{ columns: [{ name: 'Name' }, { name: 'Framework', type: 'enumeration', closed: true, values: ['PyTorch', 'A|B'], aliases: { ab: 'A|B' } }] }],
  };

  it('is written escaped: the row keeps its cells, and the list is clean afterwards', () => {
    write({ 'catalog.config.json': JSON.stringify(config), 'list.md': '| Name | Framework |\n| --- | --- |\n| Alpha | ab |\n| Beta | a\\|b |\n' });
    const format = catalog(['format', 'list.md']);
    expect(format.status).toBe(0);
    expect(read('list.md')).toBe('| Name | Framework |\n| --- | --- |\n| Alpha | A\\|B |\n| Beta | A\\|B |\n');
    expect(catalog(['check', 'list.md'])).toMatchObject({ status: 0, stdout: 'Config: catalog.config.json\nlist.md: no problems found\n' });
  });
});

describe('internal-link resolves nothing outside the repository', () => {
  it('lint reports a link to a device or out of the repository as leading outside, and reads neither', () => {
    const repo = join(folder, 'repo');
    write({ 'outside.md': '# Private notes\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/list.md': '# List\n\n[zero](zero#L1) and [notes](../outside.md#private-note) and [device](/../../../../../../../dev/zero#L1)\n' });
    symlinkSync('/dev/zero', join(repo, 'zero'));
    const run = catalog(['lint', '--format', 'json', 'list.md'], repo);
    expect(run.status).toBe(1);
    const messages = (JSON.parse(run.stdout) as { diagnostics: { message: string }[] }).diagnostics.map((diagnostic) => diagnostic.message);
    expect(messages).toEqual([
      'Unexpected link to "zero#L1": it leads outside the repository, where links are not followed',
      'Unexpected link to "../outside.md#private-note": it leads outside the repository, where links are not followed',
      'Unexpected link to "/../../../../../../../dev/zero#L1": it leads outside the repository, where links are not followed',
    ]);
  });
});
