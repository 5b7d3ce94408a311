// Benchmark: peak memory and wall time of `catalog format` on generated catalogs whose rows are
// out of order, so that every run sorts, proves (two whole-document parses) and writes.
// Prints, per size, the median wall time, the peak resident memory and the memory per MB of markdown,
// and the heap limit of this Node. Usage: npm run bench:format-memory [-- --sizes 5000,10000] [-- --runs N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { generateCatalog } from './generate-catalog.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, sizes: { type: 'string' } } });
const sizes = (values.sizes ?? '5000,10000,20000').split(',').map(Number);
const runs = Number(values.runs ?? 3);

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-format-'));
copyFileSync(join(root, 'catalog.config.json'), join(work, 'catalog.config.json'));

/** The generated catalog with its rows reversed: `format` has all of them to sort. */
function unsorted(rows) {
  const lines = generateCatalog(join(root, 'catalog.md'), rows).split('\n');
  const body = lines.findIndex((line) => line.startsWith('| ---')) + 1;
  const end = lines.length - 1;
  return [...lines.slice(0, body), ...lines.slice(body, end).reverse(), ...lines.slice(end)].join('\n');
}

function formatOnce(text) {
  const file = join(work, 'catalog.md');
  writeFileSync(file, text);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', join(root, 'scripts/report-peak-memory.cjs'), join(root, 'bin/catalog.js'), 'format', file], {
    cwd: work,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const match = /peak-rss-kb=(\d+)/u.exec(result.stderr);
  return { ms, mb: match ? Number(match[1]) / 1024 : NaN, status: result.status, stderr: result.stderr.replace(/peak-rss-kb=\d+\n/u, '').trim() };
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log(`node ${process.version}, heap limit ${(getHeapStatistics().heap_size_limit / 1024 / 1024).toFixed(0)} MB\n`);
console.log('| rows | size | runs | format (median) | peak memory (median) | per MB of markdown | outcome |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
try {
  for (const rows of sizes) {
    const text = unsorted(rows);
    const results = Array.from({ length: runs }, () => formatOnce(text));
    const mb = median(results.map((result) => result.mb));
    const outcome = results[0].status === 0 ? 'written' : `exit ${results[0].status}: ${results[0].stderr.split('\n')[0].slice(0, 120)}`;
    const size = Buffer.byteLength(text) / 1e6;
    console.log(`| ${rows.toLocaleString('en-US')} | ${size.toFixed(1)} MB | ${runs} | ${(median(results.map((result) => result.ms)) / 1000).toFixed(1)} s | ${mb.toFixed(0)} MB | ${(mb / size).toFixed(0)} MB | ${outcome} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
