// Benchmark of the date added per entry (`catalog export` reads it from the file's history): a
// repository made with git fast-import, 1,000 commits that grow a generated catalog to 10,000
// rows (from --start rows, default 0: the same number of rows added by each commit, and one
// description edited; the prose edited every hundredth commit, the table re-sorted every 250th),
// then `catalog export` there and on the same file outside git (no history to read), whole
// processes, interleaved; medians of the wall time and of the CPU time (the export and the git it
// runs: steadier than the wall time on a shared machine) and their differences. The history is
// kept in the temporary folder it names and reused by the next run with the same settings.
// Usage: npm run bench:changes [-- --runs N] [-- --commits N] [-- --rows N] [-- --start N]
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalog } from './generate-catalog.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, commits: { type: 'string' }, rows: { type: 'string' }, start: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const commits = Number(values.commits ?? 1000);
const rows = Number(values.rows ?? 10000);

const work = join(tmpdir(), `catalog-bench-changes-${commits}x${rows}-from-${Number(values.start ?? 0)}`);
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

/** User and system CPU seconds of the children this process waited for, and theirs (Linux: /proc/self/stat). */
function childrenCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // cutime and cstime, fields 16 and 17 of the line, in clock ticks (100 per second on Linux).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function time(cwd) {
  const start = process.hrtime.bigint();
  const cpu = childrenCpu();
  const result = spawnSync(process.execPath, [catalog, 'export', 'catalog.md', '--output', 'export.json'], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`catalog export exited ${result.status}:\n${result.stderr}`);
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: childrenCpu() - cpu };
}

const made = join(work, 'complete');
const setUp = process.hrtime.bigint();
const reused = existsSync(made);
if (!reused) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  mkdirSync(plain);
  for (const folder of [repo, plain]) copyFileSync(join(root, 'catalog.config.json'), join(folder, 'catalog.config.json'));
  spawnSync('git', ['init', '--quiet', '--initial-branch=main', repo]);
  await importHistory();
  spawnSync('git', ['-C', repo, 'checkout', '--quiet', '-f', 'main']);
  writeFileSync(made, '');
}
const setUpSeconds = (Number(process.hrtime.bigint() - setUp) / 1e9).toFixed(1);
console.log(
  `History: ${commits.toLocaleString('en-US')} commits, from ${Number(values.start ?? 0).toLocaleString('en-US')} to ${rows.toLocaleString('en-US')} rows, in ${work} (${reused ? 'reused' : `made in ${setUpSeconds} s`}; remove it when done).`,
);
const withHistory = [];
const without = [];
for (let run = 0; run < runs; run++) {
  without.push(time(plain));
  withHistory.push(time(repo));
}
const figure = (list, key) => median(list.map((run) => run[key]));
console.log('\n| catalog export | runs | wall time (median) | CPU time, git included (median) |');
console.log('| --- | --- | --- | --- |');
console.log(`| with the dates added (git history) | ${runs} | ${figure(withHistory, 'wall').toFixed(2)} s | ${figure(withHistory, 'cpu').toFixed(2)} s |`);
console.log(`| the same file outside git (no dates) | ${runs} | ${figure(without, 'wall').toFixed(2)} s | ${figure(without, 'cpu').toFixed(2)} s |`);
const ratio = (key) => (figure(withHistory, key) / figure(without, key)).toFixed(2);
console.log(
  `\nThe dates added cost ${(figure(withHistory, 'wall') - figure(without, 'wall')).toFixed(2)} s of wall time (${ratio('wall')}× the export without them) and ${(figure(withHistory, 'cpu') - figure(without, 'cpu')).toFixed(2)} s of CPU time (${ratio('cpu')}×).`,
);
