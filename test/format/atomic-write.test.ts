import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/format/atomic-write.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), 'catalog-write-'));
  folders.push(made);
  return made;
};

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the permissions (whatever the umask) and leaves no temporary file', () => {
    const dir = folder();
    const file = join(dir, 'catalog.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o664);
    writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o664);
    expect(readdirSync(dir)).toEqual(['catalog.md']);
  });

  it('rewrites the target of a symbolic link and keeps the link', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'catalog.md');
    writeFileSync(target, 'old');
    symlinkSync(target, join(dir, 'link.md'));
    writeFileAtomically(join(dir, 'link.md'), 'new');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });
});
