// Benchmark: `catalog check` against `prettier --check` on the real catalog and on generated
// catalogs of 100, 1,000 and 10,000 rows, as whole processes (start-up included).
// Prints the median wall time of each, their ratio, and the peak memory of `catalog check`.
// Usage: npm run bench [-- --runs N] [-- --sizes 100,1000]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalog } from './generate-catalog.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, sizes: { type: 'string' } } });
const sizes = (values.sizes ?? '100,1000,10000').split(',').map(Number);
const runsFor = (rows) => Number(values.runs ?? (rows >= 10000 ? 3 : rows >= 1000 ? 5 : 9));

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-'));
copyFileSync(join(root, 'catalog.config.json'), join(work, 'catalog.config.json'));

const generate = (rows) => generateCatalog(join(root, 'catalog.md'), rows);

function time(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  if (result.status === 2) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function peakMemoryMb(file) {
  const result = spawnSync(process.execPath, ['--require', join(root, 'scripts/report-peak-memory.cjs'), join(root, 'bin/catalog.js'), 'check', file], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const match = /peak-rss-kb=(\d+)/u.exec(result.stderr);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const cases = [['catalog.md (real)', 'catalog.md', readFileSync(join(root, 'catalog.md'), 'utf8')]];
for (const rows of sizes) cases.push([`${rows.toLocaleString('en-US')} rows`, `generated-${rows}.md`, generate(rows)]);

const prettier = join(root, 'node_modules/prettier/bin/prettier.cjs');
const catalog = join(root, 'bin/catalog.js');
console.log(`node ${process.version}, ${spawnSync(process.execPath, [prettier, '--version'], { encoding: 'utf8' }).stdout.trim()} (prettier)\n`);
console.log('| file | runs | catalog check (median) | prettier --check (median) | ratio | catalog check peak memory |');
console.log('| --- | --- | --- | --- | --- | --- |');
try {
  for (const [label, name, text] of cases) {
    writeFileSync(join(work, name), text);
    const rowsCount = text.split('\n').filter((line) => line.startsWith('| ')).length;
    const runs = runsFor(rowsCount);
    const ours = [];
    const theirs = [];
    // Interleaved, so that a slow spell of the machine hits both alike.
    for (let run = 0; run < runs; run++) {
      ours.push(time(process.execPath, [catalog, 'check', name]));
      theirs.push(time(process.execPath, [prettier, '--check', name]));
    }
    const oursMedian = median(ours);
    const theirsMedian = median(theirs);
    console.log(
      `| ${label} | ${runs} | ${oursMedian.toFixed(0)} ms | ${theirsMedian.toFixed(0)} ms | ${(oursMedian / theirsMedian).toFixed(2)}× | ${peakMemoryMb(name)} MB |`,
    );
  }
  const startUp = median(Array.from({ length: 9 }, () => time(process.execPath, ['-e', '0'])));
  console.log(`\nNode's start-up alone (node -e 0), for scale: ${startUp.toFixed(0)} ms (median of 9).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
