// Benchmark of the pre-commit check, as whole processes (start-up included), interleaved so that
// a slow spell of the machine hits every command alike:
// - on the real catalog, `catalog check` against Node's own start-up (`node -e 0`), against
//   `prettier --check` and against `markdownlint-cli2`;
// - on a generated catalog of 10,000 rows, formatted and not (every line of its table to be
//   rewritten), `catalog check` against `prettier --check` on the same file;
// - the peak memory of `catalog check` on the 10,000 rows.
// Prints medians and their ratios, and the machine's load average before and after.
// Usage: npm run bench [-- --runs N] [-- --rows N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalog } from './generate-catalog.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, rows: { type: 'string' } } });
const rows = Number(values.rows ?? 10000);
// Runs on the real catalog, and on the generated one (where prettier takes seconds).
const smallRuns = Number(values.runs ?? 15);
const largeRuns = Number(values.runs ?? 3);

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-'));
copyFileSync(join(root, 'catalog.config.json'), join(work, 'catalog.config.json'));
writeFileSync(join(work, 'catalog.md'), readFileSync(join(root, 'catalog.md'), 'utf8'));
writeFileSync(join(work, 'formatted.md'), generateCatalog(join(root, 'catalog.md'), rows));
writeFileSync(join(work, 'unformatted.md'), generateCatalog(join(root, 'catalog.md'), rows, { tight: true }));

const node = process.execPath;
const catalog = join(root, 'bin/catalog.js');
const prettier = join(root, 'node_modules/prettier/bin/prettier.cjs');
const markdownlint = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

/** Wall time of one run in ms; exit 1 (findings, a file to format) is a normal outcome of a check. */
function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  return elapsed;
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs each command `runs` times, interleaved, after one run of each to warm the file cache; returns their medians. */
function medians(commands, runs) {
  for (const args of Object.values(commands)) time(args);
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) for (const [name, args] of Object.entries(commands)) times[name].push(time(args));
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

function peakMemoryMb(file) {
  const result = spawnSync(node, ['--require', join(root, 'scripts/report-peak-memory.cjs'), catalog, 'check', file], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  const match = /peak-rss-kb=(\d+)/u.exec(result.stderr);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

const ms = (value) => `${value.toFixed(0)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');
const version = (script) => spawnSync(node, [script, '--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];

try {
  console.log(`node ${process.version}, prettier ${version(prettier)}, ${version(markdownlint)}`);
  console.log(`load average (1, 5, 15 min) at the start: ${load()}\n`);

  const real = medians(
    {
      node: ['-e', '0'],
      check: [catalog, 'check', 'catalog.md'],
      prettier: [prettier, '--check', 'catalog.md'],
      markdownlint: [markdownlint, 'catalog.md'],
    },
    smallRuns,
  );
  console.log(`catalog.md (the real catalog), median of ${smallRuns} runs:\n`);
  console.log('| command | median | catalog check against it |');
  console.log('| --- | --- | --- |');
  console.log(`| node -e 0 | ${ms(real.node)} | ${ratio(real.check, real.node)} (target ≤ 2.5×) |`);
  console.log(`| catalog check | ${ms(real.check)} | |`);
  console.log(`| prettier --check | ${ms(real.prettier)} | ${ratio(real.check, real.prettier)} |`);
  console.log(`| markdownlint-cli2 | ${ms(real.markdownlint)} | ${ratio(real.check, real.markdownlint)} |`);

  const large = medians(
    {
      formatted: [catalog, 'check', 'formatted.md'],
      unformatted: [catalog, 'check', 'unformatted.md'],
      prettierFormatted: [prettier, '--check', 'formatted.md'],
      prettierUnformatted: [prettier, '--check', 'unformatted.md'],
    },
    largeRuns,
  );
  const label = rows.toLocaleString('en-US');
  console.log(`\n${label} rows, median of ${largeRuns} runs:\n`);
  console.log('| file | catalog check | prettier --check | ratio | catalog check peak memory |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| ${label} rows, formatted | ${ms(large.formatted)} | ${ms(large.prettierFormatted)} | ${ratio(large.formatted, large.prettierFormatted)} | ${peakMemoryMb('formatted.md')} MB |`);
  console.log(`| ${label} rows, every table line to rewrite | ${ms(large.unformatted)} | ${ms(large.prettierUnformatted)} | ${ratio(large.unformatted, large.prettierUnformatted)} | ${peakMemoryMb('unformatted.md')} MB |`);
  console.log(`\ncatalog check, unformatted against formatted: ${ratio(large.unformatted, large.formatted)} (target ≤ 1.1×)`);
  console.log(`load average (1, 5, 15 min) at the end: ${load()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
