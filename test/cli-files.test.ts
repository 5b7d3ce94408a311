// The command line on the inputs that used to stop a run or flood it with noise: files without
// tables, several files, a table that cannot be formatted, the diff of `check`, generic mode,
// the hints' command, config discovery, markdownlint, suppressions, separators and invisible
// characters. Each test runs the built bin/catalog.js in a temporary folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableFindings } from './helpers/markdownlint.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const binPath = join(repoRoot, 'bin/catalog.js');
const GENERIC = 'Config: none found (generic mode: table structure only)';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-files-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function catalog(args: string[], cwd = folder) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { status, stdout, stderr };
}

function write(files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
}

const read = (name: string) => readFileSync(join(folder, name), 'utf8');

const FORMATTED = '| Name | Link |\n| --- | --- |\n| Alpha | [a](https://a.example/x) |\n';
const SHORT_ROW = '| Name | Link |\n| --- | --- |\n| Alpha |\n';
const PROSE = '# Notes\n\nNo table here, only [a link](https://a.example/).\n';
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]);

describe('a file without tables has nothing to check (exit 0)', () => {
  it.each([
    ['prose', PROSE],
    ['an empty file', ''],
  ])('%s: lint, check and format', (_case, content) => {
    write({ 'notes.md': content });
    for (const command of ['lint', 'check']) {
      const run = catalog([command, 'notes.md']);
      expect(run).toEqual({ status: 0, stdout: `${GENERIC}\nnotes.md: no tables, nothing to check\n`, stderr: '' });
    }
    expect(catalog(['format', 'notes.md'])).toEqual({ status: 0, stdout: '', stderr: 'notes.md: no tables, nothing to format\n' });
    expect(read('notes.md')).toBe(content);
  });

  it('a table that lost its delimiter row is no table, and its rows are still an error', () => {
    write({ 'list.md': '# List\n\n| Name | Year |\n| A | 2020 |\n| B | 2021 |\n' });
    const run = catalog(['check', 'list.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('nothing to check');
    expect(run.stdout).toMatch(/^ {2}3:1-3:16 +error +Lines 3–5 look like a table without its delimiter row.* stray-row$/mu);
  });

  it('binary and non-UTF-8 files stay exit 2', () => {
    write({ 'image.md': BINARY, 'latin.md': Buffer.from([0x7c, 0xe9, 0x7c, 0x0a]) });
    for (const file of ['image.md', 'latin.md']) {
      for (const command of ['lint', 'check', 'format']) expect(catalog([command, file]).status).toBe(2);
    }
  });
});

describe('several files: every file is checked, the exit code is the worst', () => {
  it('clean and nothing to check: 0', () => {
    write({ 'a.md': FORMATTED, 'notes.md': PROSE });
    const run = catalog(['check', 'a.md', 'notes.md']);
    expect(run).toEqual({ status: 0, stdout: `${GENERIC}\nnotes.md: no tables, nothing to check\na.md: no problems found\n`, stderr: '' });
  });

  it('a lint error in one file: 1, and every file is named', () => {
    write({ 'a.md': FORMATTED, 'b.md': SHORT_ROW, 'notes.md': PROSE });
    const run = catalog(['lint', 'a.md', 'b.md', 'notes.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('notes.md: no tables, nothing to check');
    expect(run.stdout).toMatch(/^b\.md\n {2}3:10 +error +Row has 1 cell/mu);
  });

  it('an unreadable file does not hide the others: 2, its reason on stderr, the others reported', () => {
    write({ 'image.md': BINARY, 'b.md': SHORT_ROW });
    for (const command of ['lint', 'check']) {
      const run = catalog([command, 'image.md', 'missing.md', 'b.md']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('catalog: image.md: looks like a binary file (it holds NUL bytes), expected markdown\ncatalog: missing.md: no such file\n');
      expect(run.stdout).toMatch(/^b\.md\n(.*\n)* {2}3:10 +error +Row has 1 cell/mu);
    }
  });

  it('format writes the files it can and exits 2 for the one it cannot read', () => {
    write({ 'a.md': '|Name|Link|\n|-|-|\n|Alpha|x|\n', 'image.md': BINARY, 'notes.md': PROSE });
    const run = catalog(['format', 'image.md', 'a.md', 'notes.md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'catalog: image.md: looks like a binary file (it holds NUL bytes), expected markdown\na.md: formatted\nnotes.md: no tables, nothing to format\n',
    );
    expect(read('a.md')).toBe('| Name | Link |\n| --- | --- |\n| Alpha | x |\n');
  });
});

describe('a refused table does not block the file', () => {
  const longRows = ['| Alpha | a | extra |', '| Beta | b | c | d |', '| Gamma | c | x |', '| Delta | d | y |', '| Eps | e | z |'];
  const refusedTable = `| Name | Link |\n| --- | --- |\n${longRows.join('\n')}\n`;
  const source = `# One\n\n${refusedTable}\n# Two\n\n|x|y|\n|-|-|\n|p||\n`;

  it('leaves that table byte-identical, writes the others, and is an error at its row (exit 1)', () => {
    write({ 'list.md': source });
    const run = catalog(['format', 'list.md']);
    expect(run.status).toBe(1);
    expect(read('list.md')).toBe(`# One\n\n${refusedTable}\n# Two\n\n| x | y |\n| --- | --- |\n| p | |\n`);
    const [summary, refusal, hint, ...rest] = run.stderr.trimEnd().split('\n');
    expect(summary).toBe('list.md: formatted; 1 table left as it is');
    expect(refusal).toBe(
      '  5:1  error  Table not formatted: the header has 2 cells but line 5 has 3 cells, line 6 has 4 cells, line 7 has 3 cells, 2 more rows do; ' +
        'remark-gfm would drop the extra cells, so the table is left as it is (merge or remove the extra cells, or escape a literal pipe as \\|)  format',
    );
    expect(hint).toBe('    → Fix the row, then run `catalog format list.md` again');
    expect(rest).toEqual([]);
  });

  it('check reports the refusal at the row, the other table as unformatted', () => {
    write({ 'list.md': source });
    const run = catalog(['check', '--format', 'json', 'list.md']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; line: number; message: string }[] };
    const format = report.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'format');
    expect(format.map((diagnostic) => [diagnostic.line, diagnostic.message.split(':')[0]])).toEqual([
      [5, 'Table not formatted'],
      [13, 'File is not formatted'],
    ]);
  });
});

describe('check prints the diff of what format would change', () => {
  it('whole when it is short', () => {
    write({ 'list.md': '|Name|Link|\n|-|-|\n|Alpha|x|\n' });
    const run = catalog(['check', 'list.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '\n`catalog format list.md` would change:\nIndex: list.md\n===================================================================\n--- list.md\tcurrent\n+++ list.md\tformatted\n@@ -1,3 +1,3 @@\n-|Name|Link|\n-|-|-|\n-|Alpha|x|\n+| Name | Link |\n+| --- | --- |\n+| Alpha | x |\n',
    );
    expect(run.stdout).not.toContain('more changed');
  });

  it('capped, with the count of the changed lines left out', () => {
    const rows = Array.from({ length: 80 }, (_, index) => `|Row ${index}|x|`);
    write({ 'list.md': `|Name|Link|\n|-|-|\n${rows.join('\n')}\n` });
    const full = catalog(['format', '--check', 'list.md']).stdout.trimEnd().split('\n');
    const run = catalog(['check', 'list.md']);
    expect(run.status).toBe(1);
    const diff = run.stdout.slice(run.stdout.indexOf('Index: list.md')).trimEnd().split('\n');
    expect(diff.slice(0, 60)).toEqual(full.slice(0, 60));
    const omitted = full.slice(60).filter((line) => /^[+-]/u.test(line)).length;
    expect(diff.slice(60)).toEqual([`… and ${omitted} more changed lines: \`catalog format --check list.md\` shows them all`]);
    expect(omitted).toBeGreaterThan(100);
  });

  it('not in the machine-readable reports', () => {
    write({ 'list.md': '|Name|Link|\n|-|-|\n|Alpha|x|\n' });
    expect(() => JSON.parse(catalog(['check', '--format', 'json', 'list.md']).stdout) as unknown).not.toThrow();
  });
});

describe('generic mode has no false positives on real lists', () => {
  const LIST =
    '# Tools\n\n| Name | Description |\n| --- | --- |\n' +
    '| [**Alpa**] plans parallelism | a bold label in brackets |\n' +
    '| [<img src="https://x.example/logo.png" width="20">](https://a.example/) | an HTML image as the label |\n' +
    '| [![alt](https://x.example/b.svg)](https://b.example/) | a badge |\n' +
    '| [![](https://x.example/c.svg)](https://c.example/) | a badge without alt text |\n' +
    '| [Tools](#tools) | a link within the page, [guide](docs/guide.md) one within the repository |\n';

  it('a bracketed label, image labels and links within the repository are fine without a config', () => {
    write({ 'README.md': LIST, 'docs/guide.md': '# Guide\n' });
    expect(catalog(['check', 'README.md'])).toEqual({ status: 0, stdout: `${GENERIC}\nREADME.md: no problems found\n`, stderr: '' });
  });

  it('a link within the repository that leads nowhere is an internal-link error', () => {
    write({ 'README.md': LIST });
    const run = catalog(['lint', 'README.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ {2}9:53-9:66 +error +Unexpected link to "docs\/guide\.md": there is no file docs\/guide\.md next to this file +internal-link$/mu);
    expect(run.stdout).toContain('1 error');
  });

  it('a bracketed label is a link without its URL, and a path no URL, where a schema says the column holds links', () => {
    write({
      'README.md': LIST,
      'docs/guide.md': '# Guide\n',
      'catalog.config.json': JSON.stringify({ tables: [{ name: 'tools', columns: [{ name: 'Name', type: 'link', allowPlainText: true }, { name: 'Description' }] }] }),
    });
    const run = catalog(['lint', 'README.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ {2}5:3-5:13 +error +Unexpected "\[\*\*Alpa\*\*\]": it looks like a link without its URL +link-syntax$/mu);
    expect(run.stdout).toMatch(/^ {2}9:53-9:66 +error +Unexpected URL "docs\/guide\.md", expected an absolute http\(s\) URL +link-syntax$/mu);
    expect(run.stdout).toContain('2 errors');
  });

  it('a web address without its scheme is still an error', () => {
    write({ 'README.md': '| Name | Code |\n| --- | --- |\n| Ray | [code](github.com/ray-project/ray) |\n' });
    const run = catalog(['lint', 'README.md']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ {2}3:16-3:42 +error +Unexpected URL "github\.com\/ray-project\/ray", expected an absolute http\(s\) URL +link-syntax$/mu);
  });
});

describe('hints name the command the user ran', () => {
  it('`catalog format FILE` outside this repository', () => {
    write({ 'README.md': '| Name | Link |\n| --- | --- |\n| Alpha |\n' });
    const run = catalog(['lint', 'README.md']);
    expect(run.stdout).toContain('or run `catalog format README.md` to pad the row');
    expect(run.stdout).not.toContain('npm run');
  });

  it('`npm run format-catalog` where package.json has that script for this file', () => {
    write({
      'package.json': JSON.stringify({ scripts: { 'format-catalog': 'node bin/catalog.js format catalog.md' } }),
      'catalog.md': '| Name | Link |\n| --- | --- |\n| Alpha |\n',
      'other.md': '| Name | Link |\n| --- | --- |\n| Alpha |\n',
    });
    expect(catalog(['lint', 'catalog.md']).stdout).toContain('or run `npm run format-catalog` to pad the row');
    expect(catalog(['lint', 'other.md']).stdout).toContain('or run `catalog format other.md` to pad the row');
  });

  it('the project\'s own script for the file, else `npx --no-install catalog format FILE` where the project installs the package, in lint, check and site', () => {
    write({
      'package.json': JSON.stringify({ scripts: { 'fix-list': 'catalog format README.md' }, devDependencies: { 'auto-parallelism-catalog': '*' } }),
      'README.md': '| Name | Link |\n| --- | --- |\n| Alpha |\n',
      'docs.md': '| Name | Link |\n| --- | --- |\n| Alpha |\n',
    });
    expect(catalog(['check', 'README.md']).stdout).toContain('or run `npm run fix-list` to pad the row');
    expect(catalog(['lint', 'docs.md']).stdout).toContain('or run `npx --no-install catalog format docs.md` to pad the row');
    const site = catalog(['site', '--out', 'out', 'docs.md']);
    expect(site.status).toBe(1);
    expect(site.stdout).toContain('or run `npx --no-install catalog format docs.md` to pad the row');
    // Every command a hint names is one this project can type, not a bare `catalog` on no PATH.
    write({ 'docs.md': '| Name | Link |\n| --- | --- |\n|Alpha|x|\n' });
    expect(catalog(['check', 'docs.md']).stdout).toContain('(`npx --no-install catalog format --check` prints the whole diff)');
  });
});

describe('config discovery and the config a report names', () => {
  const CONFIG = JSON.stringify({ tables: [{ name: 'tools', columns: [{ name: 'Name', required: true }, { name: 'Link' }] }] });

  it('stops at the repository root (the folder holding .git)', () => {
    write({ 'catalog.config.json': CONFIG, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/docs/list.md': FORMATTED });
    expect(catalog(['check', 'docs/list.md'], join(folder, 'repo')).stdout).toBe(`${GENERIC}\ndocs/list.md: no problems found\n`);
    write({ 'repo/catalog.config.json': CONFIG });
    expect(catalog(['check', 'docs/list.md'], join(folder, 'repo')).stdout).toBe('Config: catalog.config.json\ndocs/list.md: no problems found\n');
  });

  it('is named in every report: stylish one line at the top, JSON and SARIF a field', () => {
    write({ 'lists/catalog.config.json': CONFIG, 'lists/a.md': SHORT_ROW, 'b.md': FORMATTED });
    const stylish = catalog(['lint', 'lists/a.md', 'b.md']).stdout;
    expect(stylish.split('\n')[0]).toBe(`Config: ${join('lists', 'catalog.config.json')} for ${join('lists', 'a.md')}; none found (generic mode: table structure only) for b.md`);
    const report = JSON.parse(catalog(['lint', '--format', 'json', 'lists/a.md', 'b.md']).stdout) as { configs: Record<string, string | null> };
    expect(report.configs).toEqual({ [join('lists', 'a.md')]: join('lists', 'catalog.config.json'), 'b.md': null });
    const sarif = JSON.parse(catalog(['lint', '--format', 'sarif', 'lists/a.md']).stdout) as { runs: { properties: { configs: Record<string, string | null> } }[] };
    expect(sarif.runs[0]!.properties.configs).toEqual({ [join('lists', 'a.md')]: join('lists', 'catalog.config.json') });
  });
});

describe('the formatted output passes markdownlint', () => {
  it('a file format wrote has no table finding', () => {
    write({ 'list.md': '# List\n\n|Name|Link|Note|\n|-|-|-|\n|Alpha||\n|Beta|b|  |\n' });
    expect(catalog(['format', 'list.md']).status).toBe(0);
    expect(read('list.md')).toBe('# List\n\n| Name | Link | Note |\n| --- | --- | --- |\n| Alpha | | |\n| Beta | b | |\n');
    expect(tableFindings(read('list.md'))).toEqual([]);
  });
});

describe('a clean catalog checks clean', () => {
  it('the shared-repository warnings of the real catalog are kept quiet by the documented comment, which moves with its row', () => {
    const COMMENT = ' <!-- catalog-disable-line shared-repository -->';
    copyFileSync(join(repoRoot, 'catalog.config.json'), join(folder, 'catalog.config.json'));
    write({ 'README.md': '# The README the catalog links to\n' });
    // The real catalog without its suppressions, so the test does not depend on them being there.
    const lines = readFileSync(join(repoRoot, 'catalog.md'), 'utf8').replaceAll(COMMENT, '').split('\n');
    write({ 'catalog.md': lines.join('\n') });
    const lint = JSON.parse(catalog(['lint', '--format', 'json', 'catalog.md']).stdout) as { diagnostics: { ruleId: string; line: number }[] };
    const shared = lint.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'shared-repository').map((diagnostic) => diagnostic.line);
    expect(shared.length).toBeGreaterThan(0);
    for (const line of shared) {
      const cells = lines[line - 1]!.split(' | ');
      cells[0] = `${cells[0]}${COMMENT}`;
      lines[line - 1] = cells.join(' | ');
    }
    write({ 'catalog.md': lines.join('\n') });
    expect(catalog(['check', 'catalog.md'])).toEqual({ status: 0, stdout: 'Config: catalog.config.json\ncatalog.md: no problems found\n', stderr: '' });
    // Out of order, the row takes its comment along when sorted.
    const moved = [...lines];
    const [row] = moved.splice(shared[0]! - 1, 1);
    moved.splice(shared[0]! - 3, 0, row!);
    write({ 'catalog.md': moved.join('\n') });
    expect(catalog(['check', 'catalog.md']).status).toBe(1);
    expect(catalog(['format', 'catalog.md']).status).toBe(0);
    expect(catalog(['check', 'catalog.md'])).toEqual({ status: 0, stdout: 'Config: catalog.config.json\ncatalog.md: no problems found\n', stderr: '' });
  });
});

describe('separators and invisible characters are named fixes', () => {
  it('lint reports them, format fixes them and says so', () => {
    write({
      'catalog.config.json': JSON.stringify({
        tables: [{ name: 'tools', columns: [{ name: 'Name' }, { name: 'Framework', type: 'enumeration', multiple: true, values: ['PyTorch', 'JAX'] }] }],
      }),
      'list.md': '| Name | Framework |\n| --- | --- |\n| Alpha | PyTorch,JAX |\n| Be\u00a0ta | JAX |\n| Gam\u200bma | JAX |\n| Del\u00adta | JAX |\n',
    });
    const lint = catalog(['lint', 'list.md']);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/^ {2}3:18-3:19 +error +Unexpected "," between "PyTorch" and "JAX", expected ", " +canonical-vocabulary$/mu);
    expect(lint.stdout).toMatch(/^ {2}4:5-4:6 +error +Unexpected invisible character U\+00A0 NO-BREAK SPACE +invisible-characters\n +→ Replace it with a plain space \(`catalog format list\.md` does it\)$/mu);
    const format = catalog(['format', 'list.md']);
    expect(format).toEqual({
      status: 0,
      stdout: '',
      stderr: 'list.md: formatted; fixed 3:18 canonical-vocabulary, 4:5 invisible-characters, 5:6 invisible-characters, 6:6 invisible-characters\n',
    });
    expect(read('list.md')).toBe('| Name | Framework |\n| --- | --- |\n| Alpha | PyTorch, JAX |\n| Be ta | JAX |\n| Gamma | JAX |\n| Delta | JAX |\n');
    expect(catalog(['check', 'list.md']).status).toBe(0);
  });
});

describe('file names that name no file as written', () => {
  it('"-" is not standard input: a usage error that says so, and ./- names a file called -', () => {
    for (const command of ['lint', 'check', 'format', 'export', 'links', 'site']) {
      const run = catalog([command, '-']);
      expect(run.status, command).toBe(2);
      expect(run.stderr).toBe('catalog: "-" (standard input) is not read: every command works on a file, for its config, its relative links and in-place writes; name the file (a file called - is ./-).\n');
    }
    write({ '-': FORMATTED });
    expect(catalog(['check', './-'])).toMatchObject({ status: 0, stdout: `${GENERIC}\n-: no problems found\n` });
  });

  it('a file name that is not UTF-8 is named as such, not as missing', () => {
    writeFileSync(Buffer.from(`${folder}/caf\xe9.md`, 'latin1'), FORMATTED);
    const { status, stderr } = spawnSync('sh', ['-c', `"${process.execPath}" "${binPath}" lint "$(printf 'caf\\351.md')"`], { cwd: folder, encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toBe('catalog: caf\uFFFD.md: no such file: its name is not valid UTF-8 (shown as \uFFFD), and Node.js cannot open a file by such a name given on the command line; rename the file to UTF-8\n');
  });
});
