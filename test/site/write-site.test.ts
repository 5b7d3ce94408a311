import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATOR } from '../../src/site/page.js';
import { SiteOutputError, writeSite } from '../../src/site/write-site.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-write-site-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const page = (text: string) => `<!doctype html><meta name="generator" content="${GENERATOR}">${text}`;

describe('writing the site', () => {
  it('keeps the previous site whole when a write fails, and leaves no temporary folder', () => {
    const out = join(folder, '_site');
    writeSite(out, '_site', { 'index.html': page('old') });
    // A file in a folder that does not exist fails after index.html was written.
    expect(() => writeSite(out, '_site', { 'index.html': page('new'), 'missing/extra.js': 'x' })).toThrow(SiteOutputError);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page('old'));
    expect(readdirSync(folder)).toEqual(['_site']);
  });

  it('replaces a site it built whole, and refuses to replace a folder of something else', () => {
    const out = join(folder, '_site');
    writeSite(out, '_site', { 'index.html': page('one') });
    writeFileSync(join(out, 'left-over.txt'), 'x');
    writeSite(out, '_site', { 'index.html': page('two') });
    expect(readdirSync(out)).toEqual(['index.html']);
    const other = join(folder, 'docs');
    mkdirSync(other);
    writeFileSync(join(other, 'index.html'), '<!doctype html><title>mine</title>');
    expect(() => writeSite(other, 'docs', { 'index.html': page('three') })).toThrow('not a site built by catalog site');
    expect(readFileSync(join(other, 'index.html'), 'utf8')).toBe('<!doctype html><title>mine</title>');
  });
});
