// `catalog format` writing real files in a temporary folder, through the built bin/catalog.js:
// an edit saved meanwhile, owners, modes and hard links, read-only files, write errors and
// signals. test/helpers/fs-faults.cjs makes the disk misbehave at the chosen step.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const binPath = join(repoRoot, 'bin/catalog.js');
const faults = join(repoRoot, 'test/helpers/fs-faults.cjs');
const isRoot = process.getuid?.() === 0;

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-writes-'));
});
afterEach(() => {
  chmodSync(folder, 0o700);
  rmSync(folder, { recursive: true, force: true });
});

function catalog(args: string[], fault?: object) {
  const options = fault ? ['--require', faults] : [];
  const env = { ...process.env, GITHUB_ACTIONS: '', FS_FAULT: fault ? JSON.stringify(fault) : '' };
  const { status, signal, stdout, stderr } = spawnSync(process.execPath, [...options, binPath, ...args], { cwd: folder, encoding: 'utf8', env });
  return { status, signal, stdout, stderr };
}

const UNFORMATTED = '# List\n\n| Name | Year |\n|---|---|\n| Beta | 2021 |\n| Alpha | 2020 |\n';
const FORMATTED = '# List\n\n| Name | Year |\n| --- | --- |\n| Beta | 2021 |\n| Alpha | 2020 |\n';
const path = (name: string) => join(folder, name);
const read = (name: string) => readFileSync(path(name), 'utf8');
const write = (name: string, text = UNFORMATTED) => writeFileSync(path(name), text);

describe('format overwrites no edit saved while it runs', () => {
  it('the file changed after it was read: nothing written for it, exit 2, the other file is formatted', () => {
    write('a.md');
    write('b.md');
    const edit = '\nA line saved meanwhile.\n';
    const run = catalog(['format', 'a.md', 'b.md'], { edit: path('a.md'), append: edit });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('catalog: a.md: not written: the file changed on disk while it was being formatted; nothing written, run the command again\n');
    expect(read('a.md')).toBe(UNFORMATTED + edit);
    expect(read('b.md')).toBe(FORMATTED);
    expect(readdirSync(folder).sort()).toEqual(['a.md', 'b.md']);
  });
});

describe('format keeps what the file is: owner, mode, hard links; and refuses a read-only file', () => {
  it.skipIf(!isRoot)('keeps the owner and group (needs root to give a file away; skipped otherwise)', () => {
    write('a.md');
    chownSync(path('a.md'), 4242, 4343);
    chmodSync(path('a.md'), 0o640);
    expect(catalog(['format', 'a.md']).status).toBe(0);
    const stats = statSync(path('a.md'));
    expect({ uid: stats.uid, gid: stats.gid, mode: stats.mode & 0o777 }).toEqual({ uid: 4242, gid: 4343, mode: 0o640 });
    expect(read('a.md')).toBe(FORMATTED);
  });

  it('writes in place a file with a second hard link, so both names see the new text', () => {
    write('a.md');
    mkdirSync(path('other'));
    linkSync(path('a.md'), path('other/same.md'));
    const inode = statSync(path('a.md')).ino;
    expect(catalog(['format', 'a.md']).status).toBe(0);
    expect(read('a.md')).toBe(FORMATTED);
    expect(read('other/same.md')).toBe(FORMATTED);
    expect(statSync(path('a.md'))).toMatchObject({ ino: inode, nlink: 2 });
  });

  it('refuses a read-only file in one line (even when run as root), and formats the others', () => {
    write('a.md');
    write('b.md');
    chmodSync(path('a.md'), 0o444);
    const run = catalog(['format', 'a.md', 'b.md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('catalog: a.md: not written: the file is read-only (mode 0444); make it writable (chmod u+w) to let it be rewritten\nb.md: formatted\n');
    expect(read('a.md')).toBe(UNFORMATTED);
    expect(read('b.md')).toBe(FORMATTED);
  });

  it('an already formatted read-only file needs no write and is no error', () => {
    write('a.md', FORMATTED);
    chmodSync(path('a.md'), 0o444);
    expect(catalog(['format', 'a.md'])).toMatchObject({ status: 0, stderr: 'a.md: already formatted\n' });
  });
});

describe('a write error is one line for that file, and the other files go on', () => {
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EROFS', 'the file system is read-only (EROFS)'],
  ])('%s', (code, reason) => {
    write('a.md');
    write('b.md');
    const run = catalog(['format', 'a.md', 'b.md'], { error: code, for: 'a.md' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`catalog: a.md: not written: ${reason}\nb.md: formatted\n`);
    expect(read('a.md')).toBe(UNFORMATTED);
    expect(read('b.md')).toBe(FORMATTED);
    expect(readdirSync(folder).sort()).toEqual(['a.md', 'b.md']);
  });

  it.skipIf(isRoot)('a real read-only folder (skipped as root, who may write there anyway)', () => {
    mkdirSync(path('locked'));
    write('locked/a.md');
    write('b.md');
    chmodSync(path('locked'), 0o555);
    const run = catalog(['format', 'locked/a.md', 'b.md']);
    chmodSync(path('locked'), 0o755);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('catalog: locked/a.md: not written: permission denied (EACCES)\nb.md: formatted\n');
    expect(read('locked/a.md')).toBe(UNFORMATTED);
  });
});

describe('no temporary file is left behind', () => {
  it.each(['SIGTERM', 'SIGINT'])('%s during the write: the write finishes or is undone, no temporary file', (signal) => {
    write('a.md');
    const run = catalog(['format', 'a.md'], { signal });
    // The signal is handled once the write's synchronous steps are done; a run with nothing
    // left to do may end before Node delivers it.
    expect(run.status === 0 || run.signal === signal).toBe(true);
    expect([UNFORMATTED, FORMATTED]).toContain(read('a.md'));
    expect(readdirSync(folder)).toEqual(['a.md']);
  });

  it('the next write removes the temporary files a killed run of ours left, and only those', () => {
    write('a.md');
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = `.a.md.${ended}.0123abcd.tmp`;
    const running = `.a.md.${process.pid}.0123abcd.tmp`;
    const unrelated = '.a.md.backup.tmp';
    for (const name of [stale, running, unrelated]) write(name, 'partial');
    expect(catalog(['format', 'a.md']).status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([unrelated, running, 'a.md'].sort());
  });
});
