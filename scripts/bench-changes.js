// Benchmark of the date added per entry (`catalog export` reads it from the file's history): a
// repository made with git fast-import, 1,000 commits that grow a generated catalog to 10,000
// rows (from --start rows, default 0: the same number of rows added by each commit, and one
// description edited; the prose edited every hundredth commit, the table re-sorted every 250th),
// then `catalog export` there and on the same file outside git (no history to read), whole
// processes, interleaved; medians and their difference.
// Usage: npm run bench:changes [-- --runs N] [-- --commits N] [-- --rows N] [-- --start N]
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalog } from './generate-catalog.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, commits: { type: 'string' }, rows: { type: 'string' }, start: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const commits = Number(values.commits ?? 1000);
const rows = Number(values.rows ?? 10000);

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-changes-'));
const repo = join(work, 'repo');
const plain = join(work, 'plain');
const catalog = join(root, 'bin/catalog.js');

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// A fixed pseudo-random sequence, so that every run builds the same history.
let seed = 12345;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

/** Writes the history into git fast-import, each commit the whole file (git stores it as deltas). */
async function importHistory() {
  const importer = spawn('git', ['-C', repo, 'fast-import', '--quiet'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const write = async (text) => {
    if (!importer.stdin.write(text)) await once(importer.stdin, 'drain');
  };
  const generated = generateCatalog(join(root, 'catalog.md'), rows);
  const lines = generated.split('\n');
  const headerAt = lines.findIndex((line) => line.startsWith('| Name |'));
  const head = lines.slice(0, headerAt + 2);
  const all = lines.slice(headerAt + 2).filter(Boolean);
  const start = Number(values.start ?? 0);
  const perCommit = Math.ceil((rows - start) / commits);
  const present = new Set(Array.from({ length: start }, (_, index) => index));
  const pool = all.map((_, index) => index).filter((index) => !present.has(index));
  const edited = new Map();
  let sorted = true;
  for (let commit = 0; commit < commits; commit++) {
    for (let add = 0; add < perCommit && pool.length > 0; add++) present.add(pool.splice(random(pool.length), 1)[0]);
    if (commit > 0) {
      const indexes = [...present];
      const target = indexes[random(indexes.length)];
      edited.set(target, (edited.get(target) ?? 0) + 1);
      if (commit % 250 === 0) sorted = !sorted;
      if (commit % 100 === 0) head[2] = `A catalog of generated entries, revision ${commit}.`;
    }
    const body = [...present]
      .sort((a, b) => (sorted ? a - b : b - a))
      .map((index) => (edited.has(index) ? all[index].replace(/^(\|[^|]*\| )/u, `$1(edit ${edited.get(index)}) `) : all[index]));
    const text = `${[...head, ...body].join('\n')}\n`;
    const date = 1_700_000_000 + commit * 3600;
    const message = `commit ${commit}`;
    await write(`commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${date} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    await write(`M 100644 inline catalog.md\ndata ${Buffer.byteLength(text)}\n${text}\n`);
    if (commit === commits - 1) writeFileSync(join(plain, 'catalog.md'), text);
  }
  importer.stdin.end();
  const [code] = await once(importer, 'close');
  if (code !== 0) throw new Error(`git fast-import exited ${code}`);
}

function time(cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [catalog, 'export', 'catalog.md', '--output', 'export.json'], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`catalog export exited ${result.status}:\n${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

try {
  mkdirSync(repo);
  mkdirSync(plain);
  for (const folder of [repo, plain]) copyFileSync(join(root, 'catalog.config.json'), join(folder, 'catalog.config.json'));
  const setUp = process.hrtime.bigint();
  spawnSync('git', ['init', '--quiet', '--initial-branch=main', repo]);
  await importHistory();
  spawnSync('git', ['-C', repo, 'checkout', '--quiet', '-f', 'main']);
  console.log(`History: ${commits.toLocaleString('en-US')} commits, from ${Number(values.start ?? 0).toLocaleString('en-US')} to ${rows.toLocaleString('en-US')} rows (made in ${(Number(process.hrtime.bigint() - setUp) / 1e9).toFixed(1)} s).`);
  const withHistory = [];
  const without = [];
  for (let run = 0; run < runs; run++) {
    without.push(time(plain));
    withHistory.push(time(repo));
  }
  const history_ = median(withHistory);
  const none = median(without);
  console.log('\n| catalog export | runs | median |');
  console.log('| --- | --- | --- |');
  console.log(`| with the dates added (git history) | ${runs} | ${(history_ / 1000).toFixed(2)} s |`);
  console.log(`| the same file outside git (no dates) | ${runs} | ${(none / 1000).toFixed(2)} s |`);
  console.log(`\nThe dates added cost ${((history_ - none) / 1000).toFixed(2)} s (${(history_ / none).toFixed(2)}× the export without them).`);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
