// Where the commands write, through the built bin/catalog.js in a temporary git repository: an
// output that is an input is refused (the catalog is never replaced by a cache, a report or an
// export), a link cache lives inside the repository as a file this tool wrote, and `links`
// prints its report before it writes the cache.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnCli, type CliRun } from './helpers/spawn-cli.js';
import { LoopbackServer, reply } from './links/loopback-server.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const faults = join(repoRoot, 'test/helpers/fs-faults.cjs');

let server: LoopbackServer;
let folder: string;
let alive: string;
beforeAll(async () => {
  server = await LoopbackServer.start();
  alive = server.route('/alive', reply(200));
});
afterAll(() => server.close());
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-outputs-'));
  execFileSync('git', ['init', '-q', folder]);
  write('catalog.md', `| Name | Link |\n| --- | --- |\n| Alpha | [page](${alive}) |\n`);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function catalog(args: string[], fault?: object): Promise<CliRun> {
  const env = { ...process.env, GITHUB_ACTIONS: '', FS_FAULT: fault ? JSON.stringify(fault) : '' };
  return spawnCli(args, folder, env, fault ? ['--require', faults] : []);
}

const write = (name: string, text: string) => writeFileSync(join(folder, name), text);
const read = (name: string) => readFileSync(join(folder, name), 'utf8');
const links = (...args: string[]) => catalog(['links', '--allow-private', '--timeout', '3000', ...args]);

describe('an output that is an input is refused, and the input stays as it was', () => {
  it.each([
    ['links --cache', () => links('--cache', 'catalog.md'), '--cache catalog.md: is catalog.md, an input of this run; name another file'],
    ['links --report-md', () => links('--no-cache', '--report-md', 'catalog.md'), '--report-md catalog.md: is catalog.md, an input of this run'],
    ['export -o', () => catalog(['export', '-o', 'catalog.md']), '--output catalog.md: is catalog.md, an input of this run'],
    ['export -o onto the config', () => catalog(['export', '-o', 'catalog.config.json']), '--output catalog.config.json: is catalog.config.json, an input'],
    ['export -o onto a hard link of the catalog', () => (linkSync(join(folder, 'catalog.md'), join(folder, 'same.md')), catalog(['export', '-o', 'same.md'])), '--output same.md: is catalog.md'],
    ['format --fix-redirects --cache', () => catalog(['format', '--fix-redirects', '--cache', 'catalog.md']), '--cache catalog.md: is catalog.md'],
    ['papers --cache', () => catalog(['papers', '--cache', 'catalog.md']), '--cache catalog.md: is catalog.md, an input of this run'],
    ['export --format bibtex --cache', () => catalog(['export', '--format', 'bibtex', '--cache', 'catalog.md']), '--cache catalog.md: is catalog.md, an input of this run'],
  ])('%s', async (_case, run, reason) => {
    write('catalog.config.json', '{ "tables": [] }\n');
    const before = read('catalog.md');
    const result = await run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(read('catalog.md')).toBe(before);
    expect(read('catalog.config.json')).toBe('{ "tables": [] }\n');
  });

  it('changes -o onto the catalog, directly or through a link', async () => {
    execFileSync('git', ['-C', folder, 'add', '.']);
    execFileSync('git', ['-C', folder, '-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'list']);
    symlinkSync('catalog.md', join(folder, 'link.md'));
    const before = read('catalog.md');
    for (const output of ['catalog.md', 'link.md']) {
      const run = await catalog(['changes', '-o', output, 'catalog.md']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`catalog: --output ${output}: is catalog.md, an input of this run; name another file\n`);
    }
    expect(read('catalog.md')).toBe(before);
  });

  it('links.cacheFile in the config pointing at the catalog', async () => {
    write('catalog.config.json', '{ "tables": [], "links": { "cacheFile": "catalog.md" } }\n');
    const before = read('catalog.md');
    const run = await links();
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('catalog: links.cacheFile of catalog.config.json catalog.md: is catalog.md, an input of this run; name another file\n');
    expect(read('catalog.md')).toBe(before);
  });
});

describe('the link cache: inside the repository, a regular file, and only ever a cache this tool wrote', () => {
  it('an existing file that is not a cache of this tool is read as no cache and left as it is', async () => {
    for (const [name, text] of [['notes.json', '{ "mine": true }\n'], ['notes.txt', 'not JSON at all\n']] as const) {
      write(name, text);
      const run = await links('--cache', name);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`${name}: `);
      expect(run.stderr).toContain('ignored and left as it is');
      expect(read(name)).toBe(text);
    }
  });

  it.each([
    ['/dev/zero', () => '/dev/zero', 'lies outside the repository'],
    ['a path above the repository', () => '../elsewhere.json', 'lies outside the repository'],
    ['a link inside the repository to /dev/zero', () => (symlinkSync('/dev/zero', join(folder, 'zero.json')), 'zero.json'), 'lies outside the repository'],
    ['a folder', () => (mkdirSync(join(folder, 'cache.json')), 'cache.json'), 'is not a regular file'],
  ])('refuses %s in one line', async (_case, make, reason) => {
    const run = await links('--cache', make());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('papers keeps its registry answers only in a cache this tool wrote: a foreign file is left as it is', async () => {
    write('notes.json', '{ "mine": true }\n');
    const run = await catalog(['papers', '--cache', 'notes.json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('ignored and left as it is');
    expect(read('notes.json')).toBe('{ "mine": true }\n');
  });

  it('--no-cache with --cache is a usage error', async () => {
    const run = await links('--no-cache', '--cache', 'x.json');
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('catalog: --no-cache and --cache contradict each other: give one of them. See `catalog --help`.\n');
  });
});

describe('links prints its report before it writes the cache', () => {
  it('a cache that cannot be written loses no report: one line, the run keeps its exit code', async () => {
    const dead = server.route('/dead', reply(404));
    write('catalog.md', `| Name | Link |\n| --- | --- |\n| Alpha | [page](${dead}) |\n`);
    const run = await links('--cache', 'cache.json', '--report-md', 'report.md', '--format', 'json');
    expect(run.status).toBe(1);
    const cached = read('cache.json');
    const failed = await catalog(['links', '--allow-private', '--timeout', '3000', '--cache', 'cache.json', '--format', 'json'], { error: 'ENOSPC', for: 'cache.json' });
    expect(failed.status).toBe(1);
    expect((JSON.parse(failed.stdout) as { urls: { url: string; verdict: string }[] }).urls).toEqual([expect.objectContaining({ url: dead, verdict: 'dead' })]);
    expect(failed.stderr).toBe('catalog: cache.json: the link cache was not written: no space left on the device (ENOSPC); the next run checks these links again\n');
    expect(read('cache.json')).toBe(cached);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
