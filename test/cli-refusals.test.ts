// The command line on inputs it refuses with a one-line reason (exit 2) instead of an internal
// error: table of contents markers around a table, markdown nested beyond the parser's limit.
// Each test runs the built bin/catalog.js in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const binPath = fileURLToPath(new URL('../bin/catalog.js', import.meta.url));

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-refusals-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function catalog(args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [binPath, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { status, stdout, stderr };
}

const write = (name: string, content: string) => writeFileSync(join(folder, name), content);
const read = (name: string) => readFileSync(join(folder, name), 'utf8');

/** Runs a command on a file it must refuse: exit 2, the one-line reason on stderr, and the file as it was. */
function expectRefused(args: string[], name: string, content: string, stderr: string | RegExp): void {
  write(name, content);
  const run = catalog([...args, name]);
  expect(run.status).toBe(2);
  if (typeof stderr === 'string') expect(run.stderr).toBe(stderr);
  else expect(run.stderr).toMatch(stderr);
  expect(read(name)).toBe(content);
}

const TABLE = '| Name | Year |\n| --- | --- |\n| B | 2021 |\n| A | 2020 |\n';

describe('table of contents markers', () => {
  const aroundTable = `# List\n\n<!-- catalog:toc -->\n\n## Methods\n\n${TABLE}<!-- catalog:toc:end -->\n`;

  it('around a table: format and check refuse the file in one line (exit 2), and nothing is written', () => {
    expectRefused(
      ['format'],
      'list.md',
      aroundTable,
      'catalog: list.md: not formatted: the table of contents markers (lines 3–11) enclose the table on line 7, and format replaces everything between them: move <!-- catalog:toc:end --> above the table\n',
    );
    expectRefused(['check'], 'list.md', aroundTable, /^catalog: list\.md: not formatted: the table of contents markers \(lines 3–11\) enclose the table on line 7[^\n]*\n$/u);
  });

  it('replace hand-written lines between them, and the summary says which', () => {
    write('list.md', `# List\n\n<!-- catalog:toc -->\nSee the sections below.\n- [Old](#old) (2 entries)\n\nWritten by hand too.\n<!-- catalog:toc:end -->\n\n## Methods\n\n${TABLE}`);
    const run = catalog(['format', 'list.md']);
    expect(run).toMatchObject({
      status: 0,
      stderr: 'list.md: formatted; the table of contents replaced 2 hand-written lines between its markers (lines 4, 7)\n',
    });
    expect(read('list.md')).toContain('<!-- catalog:toc -->\n\n- [Methods](#methods) (2 entries)\n\n<!-- catalog:toc:end -->\n');
    // The list it wrote is its own: a second run replaces nothing by hand.
    expect(catalog(['format', 'list.md']).stderr).toBe('list.md: already formatted\n');
  });
});

describe('nesting beyond the parser\'s limit', () => {
  it('50,000 nested block quotes: lint, check and format refuse the file in one line naming the limit (exit 2)', () => {
    const deep = `# Deep\n\n${'>'.repeat(50_000)} quoted\n\n${TABLE}`;
    for (const command of ['lint', 'check', 'format']) {
      expectRefused([command], 'deep.md', deep, 'catalog: deep.md: not read: line 3 nests about 50,000 block quotes or list items; at most 500 can be read (deeper nesting overflows the markdown parser)\n');
    }
  });

  it('nested list items and indented ones count alike, and 500 levels are still read', () => {
    write('markers.md', `# Deep\n\n${'- '.repeat(20_000)}item\n`);
    write('indented.md', `# Deep\n\n${Array.from({ length: 600 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')}\n`);
    write('fine.md', `# Deep\n\n${'>'.repeat(500)} quoted\n\n${'- '.repeat(500)}item\n\n${TABLE}`);
    expect(catalog(['lint', 'markers.md']).stderr).toMatch(/^catalog: markers\.md: not read: line 3 nests about 20,000 block quotes or list items/u);
    expect(catalog(['lint', 'indented.md']).stderr).toMatch(/^catalog: indented\.md: not read: line 503 nests about 501 block quotes or list items/u);
    expect(catalog(['format', 'fine.md'])).toMatchObject({ status: 0, stderr: 'fine.md: already formatted\n' });
    expect(catalog(['lint', 'fine.md']).status).toBe(0);
  });
});

describe('a file too large to prove', () => {
  it('format refuses to write it, in one line naming the limit (exit 2), before the proof can exhaust the memory', () => {
    // A short row to pad, so that the file would change; the rest is a code block of long lines, cheap to read.
    const large = `# Large\n\n| Name | Year |\n| --- | --- |\n| A |\n\n\`\`\`\n${`${'x'.repeat(4000)}\n`.repeat(1100)}\`\`\`\n`;
    expectRefused(
      ['format'],
      'large.md',
      large,
      'catalog: large.md: not written: the file is 4.4 MB and format proves at most 4.0 MB (the proof parses the whole file twice, about 450 MB of memory per MB): split the list into several files\n',
    );
    // Checking proves nothing, and says what would change.
    expect(catalog(['format', '--check', 'large.md']).status).toBe(1);
  });

  it('format refuses a file of more rows than it proves, however short they are', () => {
    // Written without spaces around the cells, so that format would change every row.
    const rows = Array.from({ length: 50_001 }, (_, index) => `|R${index}|1|`).join('\n');
    expectRefused(
      ['format'],
      'many.md',
      `# Many\n\n| Name | Year |\n| --- | --- |\n${rows}\n`,
      'catalog: many.md: not written: its tables hold 50,001 rows and format proves at most 50,000 (the proof parses the whole file twice): split the list into several files\n',
    );
  }, 120_000);
});
