// `catalog site` as a user runs it: what it writes, what it refuses, and its exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { fixtureCatalog } from './helpers.js';

let folder: string;
let catalogPath: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-site-'));
  catalogPath = join(folder, 'catalog.md');
  copyFileSync(fixtureCatalog, catalogPath);
  copyFileSync(join(fixtureCatalog, '../catalog.config.json'), join(folder, 'catalog.config.json'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function site(...args: string[]) {
  return siteWith({ SOURCE_DATE_EPOCH: '1767225600', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' }, ...args);
}

async function siteWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(['site', ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, isTTY: false });
  return { status, stdout, stderr };
}

/** Files left beside the output folder (a temporary folder would show here). */
const leftovers = () => readdirSync(folder).filter((name) => name.startsWith('.'));

describe('catalog site', () => {
  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds since 1970, in one line', async () => {
    for (const epoch of ['99999999999999', 'abc', '-5']) {
      const run = await siteWith({ SOURCE_DATE_EPOCH: epoch }, catalogPath, '--out', join(folder, 'public'));
      expect(run.status, epoch).toBe(2);
      expect(run.stderr).toBe(`catalog: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (got "${epoch}")\n`);
    }
  });

  it('writes one self-contained index.html with the build date and commit', async () => {
    const out = join(folder, 'public');
    const run = await site(catalogPath, '--out', out);
    expect(run.status).toBe(0);
    expect(readdirSync(out)).toEqual(['index.html']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<time datetime="2026-01-01">2026-01-01</time> from commit <code>0123456789ab</code>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/u);
    // Nothing the page would load: no src, no stylesheet link, no other origin but in links to follow.
    expect(html).not.toMatch(/\ssrc=|<link rel="stylesheet"|@import|url\(/u);
    expect(leftovers()).toEqual([]);
  });

  it('the built command names the commit of the git repository it runs in, without CI variables', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: folder, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'catalog');
    const head = git('rev-parse', 'HEAD');
    const bin = fileURLToPath(new URL('../../bin/catalog.js', import.meta.url));
    const env = { ...process.env, GITHUB_SHA: '', GITHUB_ACTIONS: '' };
    const run = spawnSync(process.execPath, [bin, 'site', 'catalog.md', '--force', '--out', 'public'], { cwd: folder, encoding: 'utf8', env });
    expect(run.stderr).toContain('wrote public/index.html');
    expect(readFileSync(join(folder, 'public', 'index.html'), 'utf8')).toContain(` from commit <code>${head.slice(0, 12)}</code>`);
  });

  it('refuses a catalog with lint errors, prints them and writes nothing; --force builds it anyway', async () => {
    writeFileSync(catalogPath, readFileSync(catalogPath, 'utf8').replace('| 2018 |', '| 18 |').replace('[arXiv](https://example.org/gpipe-paper)', '[arXiv](javascript:alert(1))'));
    const out = join(folder, 'public');
    const refused = await site(catalogPath, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^ +11:\d+\S* +error +.*cell-type$/mu);
    expect(refused.stderr).toContain('the site was not built: fix the errors above (or preview it anyway with --force)');
    expect(existsSync(out)).toBe(false);
    const forced = await site(catalogPath, '--out', out, '--force');
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('with --force');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('javascript:');
  });

  it('replaces a site it built before, and leaves nothing beside it', async () => {
    const out = join(folder, 'public');
    expect((await site(catalogPath, '--out', out)).status).toBe(0);
    writeFileSync(join(out, 'stale.txt'), 'from before');
    expect((await site(catalogPath, '--out', out)).status).toBe(0);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['a file', (out: string) => writeFileSync(out, 'x'), 'is a file, expected a folder'],
    ['a folder of other files', (out: string) => (mkdirSync(out), writeFileSync(join(out, 'notes.txt'), 'mine')), 'the folder holds files that are not a site built by catalog site'],
    ['below a file', (out: string) => writeFileSync(out, 'x'), 'target is a file, not a folder', 'sub'],
  ])('refuses an --out that is %s with exit 2 and one line, and keeps it as it was', async (_, make, reason, below = '') => {
    const out = join(folder, 'target');
    make(out);
    const before = existsSync(out) ? readdirSync(folder) : [];
    const run = await site(catalogPath, '--out', below ? join(out, below) : out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(folder)).toEqual(before);
  });

  it('refuses unreadable input with exit 2 and writes nothing', async () => {
    const out = join(folder, 'public');
    const run = await site(join(folder, 'missing.md'), '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing\.md: no such file/u);
    expect(existsSync(out)).toBe(false);
  });
});
