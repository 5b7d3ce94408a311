// End-to-end tests of the guards against rows that leave the check: the built bin/catalog.js run
// as a process on a catalog in a temporary folder, as a contributor would run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const binPath = join(repoRoot, 'bin/catalog.js');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-rows-'));
  copyFileSync(join(repoRoot, 'catalog.config.json'), join(folder, 'catalog.config.json'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function catalog(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [binPath, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { status, stdout, stderr };
}

const git = (...args: string[]) => execFileSync('git', ['-C', folder, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { stdio: 'pipe' });

const HEADER = '| Name | Description | Organization or author | Paper | Framework | Year | Search method |\n| --- | --- | --- | --- | --- | --- | --- |';
const GPIPE = '| GPipe | Pipelines | Google | [NeurIPS 2019](https://arxiv.org/abs/1811.06965) | TensorFlow | 2018 | Even partitioning |';
const PESTO = '| Pesto | Inter-layer model parallelism | Stony Brook University | | TensorFlow | 2021 | Integer linear programming |';
const VPIPE = '| vPipe | Pipelines for NAS networks | HKU | | PyTorch | 2022 | Kernighan-Lin partitioning |';

function writeCatalog(...lines: string[]): void {
  writeFileSync(join(folder, 'catalog.md'), `# Catalog\n\n## Pipeline parallelism\n\nSystems that split a model into stages.\n\n${lines.join('\n')}\n`);
}

/** The stylish report's lines that name `rule`, as `line:column message`. */
const findings = (stdout: string, rule: string) =>
  stdout
    .split('\n')
    .filter((line) => line.trimEnd().endsWith(rule))
    .map((line) => line.trim().replace(/^(\d+:\d+)(?:-\S+)?\s+error\s+/u, '$1 ').replace(new RegExp(`\\s+${rule}$`, 'u'), ''));

describe('rows outside a table', () => {
  it('check fails on a row pasted after the table, and still fails after format', () => {
    writeCatalog(HEADER, GPIPE, PESTO, '', VPIPE);
    const before = catalog('check', 'catalog.md');
    expect(before.status).toBe(1);
    expect(findings(before.stdout, 'stray-row')).toEqual([
      '12:1 Line 12 looks like a row of the table on line 7 (section "Pipeline parallelism"), but line 11 is blank: the table ends there and this row renders as a paragraph of raw pipes',
    ]);
    expect(before.stdout).toContain('Delete the blank line between the table and the row');
    expect(catalog('format', 'catalog.md').status).toBe(0);
    expect(readFileSync(join(folder, 'catalog.md'), 'utf8')).toContain(`\n\n${VPIPE}\n`);
    expect(catalog('check', 'catalog.md').status).toBe(1);
  });

  it('check fails on a table whose delimiter row was deleted', () => {
    writeCatalog(HEADER.split('\n')[0]!, GPIPE, PESTO, '', '## Data parallelism', '', HEADER, VPIPE);
    const run = catalog('check', 'catalog.md');
    expect(run.status).toBe(1);
    expect(findings(run.stdout, 'stray-row')).toEqual(['7:1 Lines 7–9 look like a table without its delimiter row: GFM renders them as a paragraph of raw pipes']);
  });

  it('check passes on a row in a code block', () => {
    writeCatalog(HEADER, GPIPE, PESTO, '', '```markdown', VPIPE, '```');
    expect(catalog('check', 'catalog.md')).toMatchObject({ status: 0 });
  });
});

describe('a row pasted between the header and the delimiter row', () => {
  it('is an error on that row that names the likely cause and the fix', () => {
    const [header, delimiter] = HEADER.split('\n');
    writeCatalog(header!, VPIPE, delimiter!, GPIPE, PESTO);
    const run = catalog('lint', 'catalog.md');
    expect(run.status).toBe(1);
    expect(findings(run.stdout, 'header-row')).toEqual([
      '8:1 GFM reads line 8 as this table\'s header and line 7 above it (it names the columns of the schema "methods") as a paragraph: a row pasted between the header and the delimiter row?',
    ]);
    expect(run.stdout).toContain('Move line 8 below the delimiter row (line 9), so that the header on line 7 comes right above it');
  });
});

describe('a literal pipe in a cell', () => {
  it('names the pipe and reports the row\'s other mistakes in the same run', () => {
    writeCatalog(HEADER, GPIPE, '| Pesto | Inter-layer | intra-layer | Stony Brook University |  | tensorflow | 20211 | ILP |');
    const run = catalog('lint', 'catalog.md');
    expect(run.status).toBe(1);
    expect(findings(run.stdout, 'table-column-count')).toEqual([
      '10:23 Row has 8 cells, expected 7 (the header has 7): the pipe at 10:23 (or the one at 10:37) splits the "Description" cell in two; the rest of the row is checked as if it were escaped',
    ]);
    expect(run.stdout).toMatch(/10:80-10:85 +error +Unexpected "20211" in the "Year" column/u);
    expect(run.stdout).toMatch(/10:67-10:77 +error +Unexpected "tensorflow", expected "TensorFlow"/u);
  });

  it('says the cells look shifted when one is missing', () => {
    writeCatalog(HEADER, GPIPE, '| Pesto | Inter-layer model parallelism | Stony Brook University | TensorFlow | 2021 | ILP |');
    const run = catalog('lint', 'catalog.md');
    expect(run.status).toBe(1);
    expect(findings(run.stdout, 'table-column-count')).toEqual([
      '10:68 Row has 6 cells, expected 7 (the header has 7): the "Paper" cell is missing before "TensorFlow", so the cells after it sit one column left; the rest of the row is checked as if it were there',
    ]);
    expect(run.stdout).not.toContain('cell-type');
  });
});

describe('a forgotten cell, and empty cells beyond the header', () => {
  // The case: the optional Organization left out of a row with a long description.
  const DESCRIPTION = 'Searches the space of pipeline schedules and stage placements with a cost model of the cluster';
  const FORGOTTEN = `| Piper | ${DESCRIPTION} | [arXiv 2021](https://arxiv.org/abs/2111.04393) | PyTorch | 2021 | Dynamic programming |`;

  it('lint names the one missing cell, quotes 60 characters at most, and adds no required-cell error', () => {
    writeCatalog(HEADER, GPIPE, FORGOTTEN);
    const run = catalog('lint', 'catalog.md');
    expect(run.status).toBe(1);
    expect(findings(run.stdout, 'table-column-count')).toEqual([
      '10:' + (FORGOTTEN.indexOf('[arXiv') + 1) + ' Row has 6 cells, expected 7 (the header has 7): the "Organization or author" cell is missing before "[arXiv 2021](https://arxiv.org/abs/2111.04393)", so the cells after it sit one column left; the rest of the row is checked as if it were there',
    ]);
    expect(run.stdout).not.toContain('required-cell');
    expect(run.stdout).not.toContain(DESCRIPTION);
  });

  it('format leaves a table with a shifted row byte for byte, fixes included, and says to fix the row by hand', () => {
    const misspelt = GPIPE.replace('TensorFlow', 'tensorflow');
    writeCatalog(HEADER, misspelt, FORGOTTEN);
    const before = readFileSync(join(folder, 'catalog.md'), 'utf8');
    const run = catalog('format', 'catalog.md');
    expect(run.status).toBe(1);
    expect(readFileSync(join(folder, 'catalog.md'), 'utf8')).toBe(before);
    expect(run.stderr).toContain('line 10 lacks its "Organization or author" cell, so its later cells sit one column left');
    expect(run.stderr).toContain('add the missing cell by hand');
  });

  it('format drops empty cells beyond the header as a named fix, and keeps a cell with text', () => {
    writeCatalog(HEADER, `${GPIPE} |`, PESTO);
    const run = catalog('format', 'catalog.md');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('catalog.md: formatted; fixed 9:' + (GPIPE.length + 2) + ' table-column-count\n');
    expect(readFileSync(join(folder, 'catalog.md'), 'utf8')).toContain(`\n${GPIPE}\n${PESTO}\n`);
    writeCatalog(HEADER, `${GPIPE} Extra |`, PESTO);
    expect(catalog('format', 'catalog.md').status).toBe(1);
    expect(readFileSync(join(folder, 'catalog.md'), 'utf8')).toContain(`${GPIPE} Extra |`);
  });
});

describe('where diagnostics land', () => {
  it('sorted lands on the row out of place, not on its neighbour', () => {
    writeCatalog(HEADER, PESTO, VPIPE, GPIPE);
    const run = catalog('lint', 'catalog.md');
    expect(findings(run.stdout, 'sorted')).toEqual(['11:1 "GPipe" is out of the sort order (Year, Name): it belongs before "Pesto" (line 9)']);
  });

  it('duplicate-entry lands on the row the diff added with --changed-since', () => {
    git('init', '--quiet');
    writeCatalog(HEADER, GPIPE, PESTO);
    git('add', '.');
    git('commit', '--quiet', '-m', 'base');
    const added = '| GPipe | Added again | Google |  | TensorFlow | 2018 | Even partitioning |';
    // Sorted, the added row comes first: without --changed-since the old row is the later one.
    writeCatalog(HEADER, added, GPIPE, PESTO);
    expect(findings(catalog('check', 'catalog.md').stdout, 'duplicate-entry')).toEqual(['10:3 Duplicate entry "GPipe": the same name as "GPipe" on line 9']);
    const run = catalog('check', '--changed-since', 'HEAD', 'catalog.md');
    expect(run.status).toBe(1);
    expect(findings(run.stdout, 'duplicate-entry')).toEqual(['9:3 Duplicate entry "GPipe": the same name as "GPipe" on line 10']);
  });

  it('--changed-since outside a git repository says so plainly (exit 2)', () => {
    writeCatalog(HEADER, GPIPE);
    for (const command of ['lint', 'check']) {
      const run = catalog(command, '--changed-since', 'main', 'catalog.md');
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`catalog: --changed-since main: ${folder} is not in a git repository\n`);
    }
  });

  it('--changed-since that git cannot answer for one file leaves the other files checked (exit 2, the worst)', () => {
    writeCatalog(HEADER, GPIPE);
    const repo = join(folder, 'repo');
    execFileSync('git', ['init', '--quiet', repo]);
    writeFileSync(join(repo, 'list.md'), '| Name | Link |\n| --- | --- |\n| Alpha |\n');
    execFileSync('git', ['-C', repo, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '--allow-empty', '-m', 'start']);
    const run = catalog('lint', '--changed-since', 'HEAD', 'catalog.md', 'repo/list.md');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`catalog: --changed-since HEAD: ${folder} is not in a git repository\n`);
    expect(run.stdout).toMatch(/^repo\/list\.md\n {2}3:10 +error +Row has 1 cell/mu);
    expect(run.stdout).not.toContain('catalog.md');
  });
});
