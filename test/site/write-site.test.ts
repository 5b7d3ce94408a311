import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATOR } from '../../src/site/page.js';
import { MANIFEST, writeSite } from '../../src/site/write-site.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-write-site-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const page = (text: string) => `<!doctype html><meta name="generator" content="${GENERATOR}">${text}`;

describe('writing the site', () => {
  it('refuses a file name that is not a plain name before writing anything', () => {
    const out = join(folder, '_site');
    writeSite(out, '_site', { 'index.html': page('old') });
    expect(() => writeSite(out, '_site', { 'index.html': page('new'), '../extra.js': 'x' })).toThrow('not a plain file name');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page('old'));
    expect(readdirSync(folder)).toEqual(['_site']);
  });

  it('replaces the files it wrote, removes those it no longer writes when unchanged, and keeps every other file', () => {
    const out = join(folder, '_site');
    writeSite(out, '_site', { 'index.html': page('one'), 'old.js': 'a', 'edited.js': 'b' });
    writeFileSync(join(out, 'CNAME'), 'catalog.example.org\n');
    writeFileSync(join(out, 'edited.js'), 'changed by hand');
    writeSite(out, '_site', { 'index.html': page('two') });
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'CNAME', 'edited.js', 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page('two'));
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('catalog.example.org\n');
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'))).toMatchObject({ generator: GENERATOR, version: 1, files: { 'index.html': expect.stringMatching(/^[0-9a-f]{64}$/u) } });
  });

  it('replaces an index.html built before manifests existed (it carries the generator tag)', () => {
    const out = join(folder, '_site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), page('old'));
    writeSite(out, '_site', { 'index.html': page('new') });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page('new'));
  });

  it.each([
    ['an index.html of its own', 'index.html', '<!doctype html><title>mine</title>'],
    ['a manifest it did not write', MANIFEST, '{"files": {"README.md": ""}}'],
  ])('refuses a folder with %s, and keeps it as it was', (_case, name, text) => {
    const other = join(folder, 'docs');
    mkdirSync(other);
    writeFileSync(join(other, name), text);
    writeFileSync(join(other, 'README.md'), 'mine');
    expect(() => writeSite(other, 'docs', { 'index.html': page('three') })).toThrow(`--out docs: ${name} there is not`);
    expect(readdirSync(other).sort()).toEqual([name, 'README.md'].sort());
    expect(readFileSync(join(other, name), 'utf8')).toBe(text);
  });
});
