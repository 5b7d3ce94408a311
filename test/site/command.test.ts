// `catalog site` as a user runs it: what it writes, what it refuses, and its exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MANIFEST } from '../../src/site/write-site.js';
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
    expect(readdirSync(out)).toEqual([MANIFEST, 'index.html']);
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

  it('replaces a site it built before, keeps the files it did not write, and leaves nothing beside it', async () => {
    const out = join(folder, 'public');
    expect((await site(catalogPath, '--out', out)).status).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect((await site(catalogPath, '--out', out)).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'index.html', 'notes.txt']);
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['a file', (out: string) => writeFileSync(out, 'x'), 'is a file, expected a folder'],
    ['a folder with a page of its own', (out: string) => (mkdirSync(out), writeFileSync(join(out, 'index.html'), 'mine')), 'index.html there is not a file catalog site wrote'],
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

describe('catalog site keeps every file it did not write (the built command, in a git repository)', () => {
  const bin = fileURLToPath(new URL('../../bin/catalog.js', import.meta.url));
  const run = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [bin, 'site', ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', SOURCE_DATE_EPOCH: '1767225600' } });
  /** Every file below `root` (but .git's content) with its content. */
  const snapshot = (root: string, below = ''): Record<string, string> =>
    Object.fromEntries(
      readdirSync(join(root, below), { withFileTypes: true }).flatMap((entry) => {
        const name = join(below, entry.name);
        if (entry.isDirectory()) return name === '.git' ? [[name, '(folder)']] : Object.entries(snapshot(root, name));
        return [[name, readFileSync(join(root, name), 'utf8')]];
      }),
    );
  beforeEach(() => {
    execFileSync('git', ['init', '-q', folder]);
    writeFileSync(join(folder, 'README.md'), '# My list\n');
  });

  it('a rebuild into _site/ keeps the CNAME the user added', () => {
    expect(run(folder, 'catalog.md').status).toBe(0);
    writeFileSync(join(folder, '_site', 'CNAME'), 'catalog.example.org\n');
    const before = snapshot(folder);
    const again = run(folder, 'catalog.md');
    expect(again.status).toBe(0);
    const after = snapshot(folder);
    expect(after).toEqual({ ...before, '_site/index.html': after['_site/index.html'], [`_site/${MANIFEST}`]: after[`_site/${MANIFEST}`] });
    expect(after['_site/CNAME']).toBe('catalog.example.org\n');
  });

  it("--out . at the repository's root is refused, with or without a page of ours there, and every file survives", () => {
    const before = snapshot(folder);
    const refused = run(folder, 'catalog.md', '--out', '.');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^catalog: --out \/.*: is or holds the repository's root \(.*\); name a folder of the site's own, such as _site\n$/u);
    expect(snapshot(folder)).toEqual(before);
    // Even with a page of ours there (built by an earlier version, or copied by hand).
    expect(run(folder, 'catalog.md', '--out', 'copy').status).toBe(0);
    copyFileSync(join(folder, 'copy', 'index.html'), join(folder, 'index.html'));
    const withPage = snapshot(folder);
    expect(run(folder, 'catalog.md', '--out', '.').status).toBe(2);
    expect(snapshot(folder)).toEqual(withPage);
  });

  it("an --out inside git's own folder is refused, and nothing is written there", () => {
    for (const out of ['.git', '.git/site']) {
      const refused = run(folder, 'catalog.md', '--out', out);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/lies inside git's own folder/u);
    }
    expect(readdirSync(join(folder, '.git'))).not.toContain('index.html');
    expect(readdirSync(join(folder, '.git'))).not.toContain('site');
  });

  it('--out . in a folder of the repository writes its own files there and keeps the others', () => {
    const docs = join(folder, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'notes.md'), 'mine');
    expect(run(docs, '../catalog.md', '--out', '.').status).toBe(0);
    expect(run(docs, '../catalog.md', '--out', '.').status).toBe(0);
    expect(readdirSync(docs).sort()).toEqual([MANIFEST, 'index.html', 'notes.md']);
    expect(readFileSync(join(docs, 'notes.md'), 'utf8')).toBe('mine');
  });

  it('an --out that holds an input is refused', () => {
    const lists = join(folder, 'lists');
    mkdirSync(lists);
    copyFileSync(catalogPath, join(lists, 'catalog.md'));
    const refused = run(folder, 'lists/catalog.md', '--config', 'catalog.config.json', '--out', 'lists');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("catalog: --out lists: holds lists/catalog.md, an input of the site; name a folder of the site's own, such as _site\n");
    expect(readdirSync(lists)).toEqual(['catalog.md']);
  });
});
