// End-to-end tests of the command line: the built bin/catalog.js run as a process in a
// temporary folder (exit codes, stdout, stderr, the files it leaves), and `main()` in process
// where that reads more clearly. test/global-setup.ts builds dist/ before these run.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { CacheEntry, CacheFile } from '../src/links/cache.js';
import { spawnCli } from './helpers/spawn-cli.js';
import { LoopbackServer, reply } from './links/loopback-server.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const binPath = join(repoRoot, 'bin/catalog.js');
const seedCatalog = join(repoRoot, 'test/fixtures/seed-catalog.md');
const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = ['init', 'lint', 'format', 'check', 'links', 'papers', 'export', 'changes', 'site'];
const isRoot = process.getuid?.() === 0;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a run outside GitHub Actions (the tests may themselves run in a workflow). */
const cliEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, GITHUB_ACTIONS: '', ...extra });

function catalog(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env: cliEnv(env) });
  return { status, stdout, stderr };
}

/** Like `catalog`, without blocking this process (a loopback server of the test must answer meanwhile). */
function catalogAsync(args: string[], cwd: string): Promise<Run> {
  return spawnCli(args, cwd, cliEnv());
}

/** `main()` in this process, with its output collected. */
async function mainInProcess(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, isTTY: false });
  return { status, stdout, stderr };
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'catalog-cli-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Writes files into the test's folder (creating subfolders); returns the path of the last one. */
function write(files: Record<string, string | Buffer>): string {
  let last = '';
  for (const [name, content] of Object.entries(files)) {
    last = join(folder, name);
    mkdirSync(dirname(last), { recursive: true });
    writeFileSync(last, content);
  }
  return last;
}

const read = (name: string) => readFileSync(join(folder, name), 'utf8');
const readBytes = (name: string) => readFileSync(join(folder, name));
const json = <T>(text: string) => JSON.parse(text) as T;

/** A failure to start: exit 2, one line on stderr naming the reason, nothing on stdout. */
function expectRefused(run: Run, ...words: string[]): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^catalog: /);
  for (const word of words) expect(lines[0]).toContain(word);
}

/** Every file of the folder with its inode, size and mtime (an unreadable file included), to show that a run wrote nothing. */
function snapshotFolder(): Map<string, string> {
  const entries = new Map<string, string>();
  const visit = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const { ino, size, mtimeMs } = statSync(full);
      entries.set(full, `${ino}:${size}:${mtimeMs}`);
      if (entry.isDirectory()) visit(full);
    }
  };
  visit(folder);
  return entries;
}

const FORMATTED = '| Name | Link |\n| --- | --- |\n| Alpha | [a](https://a.example/x) |\n';
const UNFORMATTED = '|Name|Link|\n|-|-|\n|Alpha|[a](https://a.example/x)|\n';

/** A schema for the small catalogs of these tests: a linked name, sorted by name, and a description. */
const SMALL_CONFIG = {
  tables: [
    {
      name: 'methods',
      key: 'Name',
      sortBy: ['Name'],
      columns: [
        { name: 'Name', type: 'link', required: true, allowPlainText: true },
        { name: 'Description', type: 'text' },
      ],
    },
  ],
};

interface JsonReport {
  summary: { errors: number; warnings: number };
  diagnostics: { ruleId: string; severity: string; line: number; column: number; message: string }[];
}

describe('usage', () => {
  it('--help lists every command and exits 0', () => {
    const run = catalog(['--help'], folder);
    expect(run.status).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'mu'));
    expect(run.stderr).toBe('');
  });

  it('<command> --help and help <command> print that command\'s usage, options and an example', () => {
    for (const command of COMMANDS) {
      const run = catalog([command, '--help'], folder);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: catalog ${command} \\[files?\\] \\[options\\]\n`, 'u'));
      expect(run.stdout).toMatch(new RegExp(`\nExample:\n  catalog ${command} `, 'u'));
      expect(catalog(['help', command], folder).stdout).toBe(run.stdout);
    }
    expect(catalog(['lint', '--help'], folder).stdout).toContain('--changed-since REF');
    expect(catalog(['help'], folder).stdout).toMatch(/^Usage: catalog <command>/u);
    expectRefused(catalog(['help', 'lnit'], folder), 'unknown command "lnit"');
  });

  it('--version prints the version of package.json', () => {
    const run = catalog(['--version'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${packageVersion}\n`);
  });

  it('no command exits 2 and lists the commands', () => {
    expectRefused(catalog([], folder), 'no command given', ...COMMANDS);
  });

  it('an unknown command exits 2 and lists the commands', () => {
    expectRefused(catalog(['frobnicate'], folder), 'unknown command "frobnicate"', ...COMMANDS);
  });

  it('an unknown flag exits 2 and names the flag', () => {
    expectRefused(catalog(['lint', '--frobnicate'], folder), '--frobnicate');
  });

  it('an option of another command exits 2 and names the option and the command', () => {
    write({ 'catalog.md': FORMATTED });
    expectRefused(catalog(['lint', '--check'], folder), '--check', 'catalog lint');
    expectRefused(catalog(['export', '--timeout', '5'], folder), '--timeout', 'catalog export');
    expectRefused(catalog(['format', '--format', 'json'], folder), '--format', 'format --check');
  });

  it('an unknown --format value exits 2 and lists the formats', () => {
    write({ 'catalog.md': FORMATTED });
    expectRefused(catalog(['lint', '--format', 'xml'], folder), 'unknown format "xml"', 'stylish', 'json', 'github', 'sarif');
  });

  it('--timeout takes a whole number of milliseconds', () => {
    write({ 'catalog.md': FORMATTED });
    expectRefused(catalog(['links', '--no-cache', '--timeout', 'soon'], folder), '--timeout', '"soon"');
  });

  it('--timeout beyond the 15 minutes of a whole run is refused, not cut to 1 ms by the timer', () => {
    write({ 'catalog.md': FORMATTED });
    expectRefused(catalog(['links', '--no-cache', '--timeout', '1e12'], folder), '--timeout', '900000', '"1e12"');
    expectRefused(catalog(['papers', '--no-cache', '--timeout', '3000000000'], folder), '--timeout', '900000');
  });
});

describe('bad input: exit 2, a one-line reason, nothing written', () => {
  // `format` is the command that would write; every case here must leave the folder as it was.
  function expectFormatRefused(args: string[], ...words: string[]): void {
    const before = snapshotFolder();
    expectRefused(catalog(['format', ...args], folder), ...words);
    expect(snapshotFolder()).toEqual(before);
    expectRefused(catalog(['lint', ...args], folder), ...words);
  }

  it('a missing file', () => {
    expectFormatRefused(['missing.md'], 'missing.md', 'no such file');
  });

  it.skipIf(isRoot)('an unreadable file', () => {
    write({ 'locked.md': FORMATTED });
    chmodSync(join(folder, 'locked.md'), 0o000);
    expectFormatRefused(['locked.md'], 'locked.md', 'permission denied');
  });

  it('a directory', () => {
    mkdirSync(join(folder, 'tables.md'));
    expectFormatRefused(['tables.md'], 'tables.md', 'is a directory');
  });

  it('invalid UTF-8, naming the offset of the bad sequence', () => {
    write({ 'latin.md': Buffer.concat([Buffer.from(FORMATTED), Buffer.from([0xc3, 0x28, 0x0a])]) });
    expectFormatRefused(['latin.md'], 'latin.md', 'not valid UTF-8', `offset ${Buffer.byteLength(FORMATTED)}`);
  });

  it('binary content', () => {
    write({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]) });
    expectFormatRefused(['image.md'], 'image.md', 'binary', 'NUL');
  });

  describe('an invalid config found upward from the file', () => {
    const cases: [string, string, string[]][] = [
      ['bad JSON', '{ "tables": [', ['not valid JSON']],
      ['an unknown key', JSON.stringify({ ...SMALL_CONFIG, colour: 'blue' }), ['"colour"', 'is not a known setting']],
      [
        'an enumeration without values',
        JSON.stringify({ tables: [{ name: 'methods', columns: [{ name: 'Name' }, { name: 'Framework', type: 'enumeration' }] }] }),
        ['tables[0].columns[1].values', 'must list the canonical values'],
      ],
      [
        'sortBy naming a missing column',
        JSON.stringify({ tables: [{ ...SMALL_CONFIG.tables[0], sortBy: ['Year'] }] }),
        ['tables[0].sortBy[0]', '"Year"', 'not a column'],
      ],
      ['a rule id that names no rule', JSON.stringify({ ...SMALL_CONFIG, rules: { sroted: 'off' } }), ['"rules.sroted" names no rule', 'sorted']],
    ];
    it.each(cases)('%s', (_case, config, words) => {
      write({ 'catalog.config.json': config, 'lists/catalog.md': FORMATTED });
      const before = snapshotFolder();
      const cwd = join(folder, 'lists');
      for (const command of ['lint', 'format', 'check', 'export']) {
        expectRefused(catalog([command], cwd), 'invalid config', join(folder, 'catalog.config.json'), ...words);
      }
      expect(snapshotFolder()).toEqual(before);
    });
  });

  it('--config pointing at a missing file', () => {
    write({ 'catalog.md': FORMATTED });
    expectFormatRefused(['--config', 'nowhere.json'], 'invalid config', 'nowhere.json', 'ENOENT');
  });
});

describe('the default file', () => {
  it('is catalog.md in the working folder', () => {
    write({ 'catalog.md': '|A|B|\n|-|-|\n|x|\n' });
    const lint = catalog(['lint', '--format', 'json'], folder);
    expect(lint.status).toBe(1);
    expect(json<{ files: string[] }>(lint.stdout).files).toEqual(['catalog.md']);
    expect(catalog(['format'], folder).status).toBe(0);
    expect(read('catalog.md')).toBe('| A | B |\n| --- | --- |\n| x | |\n');
  });

  it('is reported missing by name when the folder has none', () => {
    expectRefused(catalog(['check'], folder), 'catalog.md', 'no such file');
  });
});

describe("the issue's done-when checks on the seed catalog", () => {
  const seed = readFileSync(seedCatalog, 'utf8');
  const urlsOf = (text: string) => [...text.matchAll(/\]\(([^)\s]+)\)/gu)].map((match) => match[1]!).sort();
  const tableLines = (text: string) => text.split('\n').filter((line) => line.startsWith('|'));
  const cellCount = (line: string) => line.match(/(?<!\\)\|/gu)!.length - 1;

  it('lint with the repository config reports the GPipe row’s missing cell at the end of line 8', () => {
    copyFileSync(seedCatalog, join(folder, 'catalog.md'));
    copyFileSync(join(repoRoot, 'catalog.config.json'), join(folder, 'catalog.config.json'));
    const gpipeRow = seed.split('\n')[7]!;
    expect(gpipeRow).toMatch(/^\|GPipe\|/u);

    const stylish = catalog(['lint'], folder);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toMatch(/^ {2}8:95 +error +Row has 4 cells, expected 5 .*"Framework" cell is missing +table-column-count$/mu);

    const report = json<JsonReport>(catalog(['lint', '--format', 'json'], folder).stdout);
    const missing = report.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'table-column-count');
    expect(missing).toEqual([expect.objectContaining({ severity: 'error', line: 8, column: gpipeRow.length + 1 })]);
  });

  it('format in generic mode pads every row, keeps every URL, is stable, and leaves check without format findings', () => {
    copyFileSync(seedCatalog, join(folder, 'catalog.md'));
    expect(existsSync(join(tmpdir(), 'catalog.config.json'))).toBe(false);

    const first = catalog(['format', 'catalog.md'], folder);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('catalog.md: formatted\n');
    const formatted = read('catalog.md');
    const lines = tableLines(formatted);
    expect(lines).toHaveLength(tableLines(seed).length);
    for (const line of lines) {
      expect(line.startsWith('| ')).toBe(true);
      expect(line.endsWith(' |')).toBe(true);
      expect(cellCount(line)).toBe(5);
    }
    expect(lines.find((line) => line.startsWith('| GPipe |'))).toBe(
      '| GPipe | No implementation, see torchgpipe | Google | [arxiv](https://arxiv.org/abs/1811.06965) | |',
    );
    expect(urlsOf(formatted)).toEqual(urlsOf(seed));

    const bytes = readBytes('catalog.md');
    const second = catalog(['format', 'catalog.md'], folder);
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('catalog.md: already formatted\n');
    expect(readBytes('catalog.md').equals(bytes)).toBe(true);

    const check = catalog(['check', '--format', 'json'], folder);
    const report = json<JsonReport>(check.stdout);
    expect(report.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'format')).toEqual([]);
    expect(check.status).toBe(report.summary.errors > 0 ? 1 : 0);
  });

  it('the committed catalog.md of the repository passes check', () => {
    const run = catalog(['check'], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('format', () => {
  it('--check on an unformatted file prints a unified diff, exits 1 and writes nothing', () => {
    const path = write({ 'catalog.md': UNFORMATTED });
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(path, past, past);
    const run = catalog(['format', '--check'], folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^--- catalog\.md\tcurrent$/mu);
    expect(run.stdout).toMatch(/^\+\+\+ catalog\.md\tformatted$/mu);
    expect(run.stdout).toMatch(/^@@ -1,3 \+1,3 @@$/mu);
    expect(run.stdout).toContain('-|Name|Link|\n');
    expect(run.stdout).toContain('+| Name | Link |\n');
    expect(run.stdout).toMatch(/1:1 +error +File is not formatted.* +format$/mu);
    expect(read('catalog.md')).toBe(UNFORMATTED);
    expect(statSync(path).mtime).toEqual(past);
  });

  it('--check on a formatted file exits 0 and prints no diff', () => {
    write({ 'catalog.md': FORMATTED });
    const run = catalog(['format', '--check'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('@@');
  });

  it('writes atomically, leaving no temporary file, and keeps the permissions', () => {
    const path = write({ 'catalog.md': UNFORMATTED });
    chmodSync(path, 0o640);
    expect(catalog(['format'], folder).status).toBe(0);
    expect(read('catalog.md')).toBe(FORMATTED);
    expect(readdirSync(folder)).toEqual(['catalog.md']);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const bom = '\uFEFF';
    write({ 'catalog.md': `${bom}Intro\r\n\r\n${UNFORMATTED.replaceAll('\n', '\r\n')}` });
    const run = catalog(['format'], folder);
    expect(run.status).toBe(0);
    expect(readBytes('catalog.md').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(read('catalog.md')).toBe(`${bom}Intro\r\n\r\n${FORMATTED.replaceAll('\n', '\r\n')}`);
    expect(catalog(['check'], folder).status).toBe(0);
  });

  it('leaves a table with a row longer than its header as it is, an error at its row, and writes nothing else', () => {
    const source = '# Methods\n\n| Name | Link |\n| --- | --- |\n| Alpha | a | extra |\n| Beta | b |\n| Gamma | c | d | e |\n';
    write({ 'catalog.md': source });
    const format = catalog(['format'], folder);
    expect(format.status).toBe(1);
    expect(format.stdout).toBe('');
    expect(format.stderr).toContain('catalog.md: already formatted; 1 table left as it is\n  5:1  error  Table not formatted:');
    for (const words of ['line 5 has 3 cells', 'line 7 has 4 cells', 'header has 2', 'catalog format catalog.md']) expect(format.stderr).toContain(words);
    expect(readBytes('catalog.md').equals(Buffer.from(source))).toBe(true);
    expect(readdirSync(folder)).toEqual(['catalog.md']);

    const lint = json<JsonReport>(catalog(['lint', '--format', 'json'], folder).stdout);
    const extraCell = source.split('\n')[4]!.indexOf('extra');
    expect(lint.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'table-column-count', line: 5, column: extraCell + 1 }),
      expect.objectContaining({ ruleId: 'table-column-count', line: 7 }),
    ]);
  });

  it('--fix-redirects rewrites the permanently redirected URL from the link cache and nothing else', () => {
    const oldUrl = 'https://old.example/paper';
    const newUrl = 'https://new.example/paper';
    const source = `| Name | Description |\n| --- | --- |\n| [Alpha](${oldUrl}) | First |\n| [Beta](https://b.example/) | Second, not [moved](https://c.example/) |\n`;
    const checkedAt = new Date().toISOString();
    const entry: CacheEntry = {
      verdict: 'alive',
      status: 200,
      reason: 'OK',
      redirects: [{ url: oldUrl, status: 301, location: newUrl }],
      finalUrl: newUrl,
      permanentRedirect: newUrl,
      suspicious: null,
      archived: false,
      checkedAt,
      aliveUntil: null,
      firstSeen: checkedAt,
      unverifiableRuns: 0,
      unverifiableSince: null,
    };
    const cache: CacheFile = { format: 'catalog-links-cache', version: 1, entries: { [oldUrl]: entry } };
    write({ 'catalog.config.json': JSON.stringify(SMALL_CONFIG), 'catalog.md': source, '.cache/catalog-links.json': JSON.stringify(cache) });

    const run = catalog(['format', '--fix-redirects'], folder);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('catalog.md: formatted; fixed 3:3 permanent-redirect\n');
    expect(read('catalog.md')).toBe(source.replace(oldUrl, newUrl));
  });
});

describe('check: lint and format --check in one process', () => {
  it('reports a lint error and a formatting problem together, exit 1', () => {
    write({ 'catalog.md': '|Name|Link|\n|-|-|\n|Alpha|\n' });
    const run = catalog(['check', '--format', 'json'], folder);
    expect(run.status).toBe(1);
    const report = json<JsonReport>(run.stdout);
    expect(report.diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual(['format', 'table-column-count']);
    expect(report.summary.errors).toBe(2);
  });

  it('a clean file exits 0', () => {
    write({ 'catalog.md': FORMATTED });
    const run = catalog(['check'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Config: none found (generic mode: table structure only)\ncatalog.md: no problems found\n');
  });

  it('warnings alone exit 0', () => {
    write({
      'catalog.config.json': JSON.stringify(SMALL_CONFIG),
      'catalog.md': '| Name | Description |\n| --- | --- |\n| [Alpha](https://github.com/o/r) | First |\n| [Beta](https://github.com/o/r) | Second |\n',
    });
    const run = catalog(['check', '--format', 'json'], folder);
    expect(run.status).toBe(0);
    const report = json<JsonReport>(run.stdout);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(report.diagnostics[0]).toMatchObject({ ruleId: 'shared-repository', severity: 'warning', line: 4 });
  });
});

describe('init', () => {
  const list = [
    '# Tools',
    '',
    '| Name | Year | License |',
    '| --- | --- | --- |',
    '| [Alpha](https://example.org/alpha) | 2019 | MIT |',
    '| [Beta](https://example.org/beta) | 2020 | mit |',
    '| [Delta](https://example.org/delta) | 2021 | Apache-2.0 |',
    '| [Epsilon](https://example.org/epsilon) | 2022 | MIT |',
    '| [Gamma](https://example.org/gamma) | 2023 | Apache-2.0 |',
    '| [Zeta](https://example.org/zeta) | 20233 | MIT |',
    '',
  ].join('\n');

  it('writes catalog.config.json next to the list, says what it inferred, and lint then reports the inconsistencies', () => {
    const file = write({ 'README.md': list });
    const run = catalog(['init', 'README.md'], folder);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Wrote catalog.config.json: 1 schema for 1 table (6 rows) of README.md.');
    expect(run.stdout).toMatch(/^ {4}License +enumeration of 2 values, 1 variant spelling, required$/mu);
    const config = json<{ $schema: string; tables: { key: string; sortBy: string[] }[] }>(read('catalog.config.json'));
    expect(config.$schema).toMatch(/catalog\.schema\.json$/u);
    expect(existsSync(join(folder, config.$schema))).toBe(true);
    expect(config.tables[0]).toMatchObject({ key: 'Name', sortBy: ['Name'] });
    const lint = catalog(['lint', file, '--format', 'json'], folder);
    expect(lint.status).toBe(1);
    const { diagnostics } = json<JsonReport>(lint.stdout);
    expect(diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.ruleId}`)).toEqual(['6 canonical-vocabulary', '10 cell-type']);
  });

  it('never overwrites a config: exit 2 with the reason, the file untouched', () => {
    write({ 'README.md': list, 'catalog.config.json': '{"tables": []}\n' });
    expectRefused(catalog(['init', 'README.md'], folder), 'catalog.config.json already exists', 'never overwrites');
    expect(read('catalog.config.json')).toBe('{"tables": []}\n');
  });

  it('writes where --config says, and refuses a list without tables', () => {
    write({ 'README.md': list, 'notes.md': '# Notes\n\nNo table here.\n' });
    expect(catalog(['init', 'README.md', '--config', 'lists.config.json'], folder).status).toBe(0);
    expect(existsSync(join(folder, 'lists.config.json'))).toBe(true);
    expectRefused(catalog(['init', 'notes.md', '--config', 'other.json'], folder), 'notes.md', 'no tables');
  });
});

describe('report formats', () => {
  const SHORT_ROW = '| Name | Link |\n| --- | --- |\n| Alpha |\n';

  it('json has the summary and each diagnostic’s line, column and rule', () => {
    write({ 'catalog.md': SHORT_ROW });
    const run = catalog(['lint', '--format', 'json'], folder);
    expect(run.status).toBe(1);
    const report = json<JsonReport>(run.stdout);
    expect(report.summary.errors).toBe(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ ruleId: 'table-column-count', line: 3, column: 10 })]);
  });

  it('github prints workflow annotations', () => {
    write({ 'catalog.md': SHORT_ROW });
    const run = catalog(['lint', '--format', 'github'], folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=catalog\.md,line=3,col=10,.*title=catalog table-column-count::Row has 1 cell/mu);
  });

  it('github is the default when GITHUB_ACTIONS=true', () => {
    write({ 'catalog.md': SHORT_ROW });
    const run = catalog(['lint'], folder, { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=catalog\.md,line=3,col=10,/mu);
    expect(catalog(['lint'], folder).stdout).not.toContain('::error');
  });

  it('github is the default when GITHUB_ACTIONS=true (main in process)', async () => {
    const path = write({ 'catalog.md': SHORT_ROW });
    const run = await mainInProcess(['lint', path], { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=.*catalog\.md,line=3,col=10,/mu);
    expect((await mainInProcess(['lint', '--format', 'json', path], { GITHUB_ACTIONS: 'true' })).stdout).not.toContain('::error');
  });

  it('sarif is SARIF 2.1.0 with each result’s rule and region', () => {
    write({ 'catalog.md': SHORT_ROW });
    const run = catalog(['check', '--format', 'sarif'], folder);
    expect(run.status).toBe(1);
    const log = json<{
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
    }>(run.stdout);
    expect(log.version).toBe('2.1.0');
    const [only] = log.runs;
    const results = only!.results.map((result) => ({ ruleId: result.ruleId, region: result.locations[0]!.physicalLocation.region }));
    expect(results).toContainEqual({ ruleId: 'table-column-count', region: expect.objectContaining({ startLine: 3, startColumn: 10 }) });
    expect(results.map((result) => result.ruleId)).toContain('format');
    const ruleIds = only!.tool.driver.rules.map((rule) => rule.id);
    for (const result of results) expect(ruleIds).toContain(result.ruleId);
  });
});

describe('export', () => {
  const TWO_SECTIONS = '# One\n\n| Name | Link |\n| --- | --- |\n| Alpha | [a](https://a.example/x) |\n\n## Two\n\n| Name | Link |\n| --- | --- |\n| Beta | [b](https://b.example/y) |\n';
  interface Exported {
    version: number;
    file: string;
    sections: { heading: string; depth: number; columns: string[]; entries: { line: number; fields: Record<string, { text: string; links: { url: string }[] }> }[] }[];
  }

  it('prints the sections and entries as JSON, version 1', () => {
    write({ 'catalog.md': TWO_SECTIONS });
    const run = catalog(['export'], folder);
    expect(run.status).toBe(0);
    const exported = json<Exported>(run.stdout);
    expect(exported.version).toBe(1);
    expect(exported.file).toBe('catalog.md');
    expect(exported.sections.map((section) => [section.heading, section.depth, section.columns])).toEqual([
      ['One', 1, ['Name', 'Link']],
      ['Two', 2, ['Name', 'Link']],
    ]);
    expect(exported.sections.map((section) => section.entries.map((entry) => [entry.line, entry.fields['Name']!.text, entry.fields['Link']!.links[0]!.url]))).toEqual([
      [[5, 'Alpha', 'https://a.example/x']],
      [[11, 'Beta', 'https://b.example/y']],
    ]);
  });

  it('--output writes the JSON to a file instead', () => {
    write({ 'catalog.md': TWO_SECTIONS });
    const printed = catalog(['export'], folder).stdout;
    const run = catalog(['export', '--output', 'catalog.json'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(read('catalog.json')).toBe(printed);
  });
});

describe('links', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await LoopbackServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const catalogLinkingTo = (url: string) => write({ 'catalog.md': `| Name | Link |\n| --- | --- |\n| Alpha | [page](${url}) |\n` });
  interface LinkReport {
    urls: { url: string; verdict: string; reason: string }[];
  }

  it('refuses a loopback address without --allow-private: unverifiable, exit 0', async () => {
    const url = server.route('/page', reply(200));
    catalogLinkingTo(url);
    const stylish = await catalogAsync(['links', '--no-cache', '--timeout', '3000'], folder);
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toMatch(/warning +Could not verify .*loopback.*--allow-private +unverifiable-link$/mu);

    const run = await catalogAsync(['links', '--no-cache', '--timeout', '3000', '--format', 'json'], folder);
    expect(run.status).toBe(0);
    const [result] = json<LinkReport>(run.stdout).urls;
    expect(result).toMatchObject({ url, verdict: 'unverifiable', reason: expect.stringContaining('loopback') });
    expect(server.requests).toEqual([]);
    expect(existsSync(join(folder, '.cache'))).toBe(false);
  });

  it('with --allow-private reports a link answering 404 twice as dead, exit 1', async () => {
    const url = server.route('/gone', reply(404));
    catalogLinkingTo(url);
    const stylish = await catalogAsync(['links', '--no-cache', '--allow-private', '--timeout', '3000'], folder);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toMatch(new RegExp(`error +Dead link ${url.replaceAll('.', '\\.')}.* +dead-link$`, 'mu'));
    expect(server.requestsTo('/gone').length).toBeGreaterThanOrEqual(2);

    const run = await catalogAsync(['links', '--no-cache', '--allow-private', '--timeout', '3000', '--format', 'json'], folder);
    expect(run.status).toBe(1);
    expect(json<LinkReport>(run.stdout).urls[0]).toMatchObject({ url, verdict: 'dead' });
    expect(existsSync(join(folder, '.cache'))).toBe(false);
  });

  it('--changed-since outside a git repository exits 2 with a reason', async () => {
    catalogLinkingTo('https://a.example/x');
    expectRefused(await catalogAsync(['links', '--no-cache', '--changed-since', 'NOPE'], folder), '--changed-since NOPE', 'is not in a git repository');
  });

  it('--changed-since with a reference git does not know exits 2 with a reason', async () => {
    catalogLinkingTo('https://a.example/x');
    spawnSync('git', ['init', '--quiet', folder]);
    expect(existsSync(join(folder, '.git'))).toBe(true);
    expectRefused(await catalogAsync(['links', '--no-cache', '--changed-since', 'NOPE'], folder), '--changed-since NOPE', 'not a commit git knows');
  });
});
