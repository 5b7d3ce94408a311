// Benchmark: `catalog lint` on a 2-row table with a config of 20,000 hedges, as whole processes
// (start-up included). Prints the median wall time.
// Usage: npm run bench:hedges [-- --runs N] [-- --hedges N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, hedges: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const count = Number(values.hedges ?? 20_000);

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-hedges-'));
const hedges = Array.from({ length: count }, (_, index) => (index % 3 === 0 ? `HEDGE ${index}` : `not checked ${index}`));
const config = { tables: [{ columns: [{ name: 'Name' }, { name: 'Description', type: 'text' }] }], hedges };
writeFileSync(join(work, 'catalog.config.json'), JSON.stringify(config));
writeFileSync(join(work, 'list.md'), '| Name | Description |\n| --- | --- |\n| Alpha | Searches the pipeline stages |\n| Beta | A plain description of the method |\n');

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'bin/catalog.js'), 'lint', 'list.md'], { cwd: work, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`catalog lint failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`node ${process.version}: catalog lint, 2 rows, ${count.toLocaleString('en-US')} hedges: median ${(median(times) / 1000).toFixed(2)} s over ${runs} runs (${times.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
