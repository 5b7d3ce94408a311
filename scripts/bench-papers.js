// Paper check benchmark: `catalog papers` on 1,000 paper links (600 arXiv, 150 DOI, 100
// OpenReview, and 150 arXiv preprints labelled "arXiv" that DBLP is searched for) against the
// four loopback fakes of scripts/fake-registries.js, 5 ms latency each. The registries' quota
// intervals are scaled by --scale (default 1/10: at the real ones the run would take over five minutes),
// the same factor for all four, so the floor they set scales with them. Prints the wall time
// against that floor (each registry's calls after its first, times its interval; DBLP follows
// arXiv), their ratio, and the requests that came sooner after the previous one than the
// registry's interval (above quota; must be 0), and the connections each registry saw.
// `npm run bench:papers [-- --runs N --scale F]` builds first: this imports the bundled library.
import { parseArgs } from 'node:util';
import { readCatalog, parseConfig, checkPapers, QUOTAS } from '../dist/index.js';
import { fork } from 'node:child_process';
import { once } from 'node:events';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, scale: { type: 'string', default: '0.1' } } });
const RUNS = Number(values.runs);
const SCALE = Number(values.scale);
const TARGET_RATIO = 1.2;
const MIX = { arxiv: 600, doi: 150, openreview: 100, preprint: 150 };

const intervalsMs = Object.fromEntries(Object.entries(QUOTAS).map(([kind, quota]) => [kind, quota.minIntervalMs * SCALE]));

function fixture() {
  const arxiv = {};
  const doi = {};
  const openreview = {};
  const dblp = [];
  const rows = [];
  for (let index = 0; index < MIX.arxiv + MIX.preprint; index++) {
    const id = `2${String(100 + Math.floor(index / 100)).slice(1)}1.${String(10000 + index)}`;
    const name = `System${index}`;
    arxiv[id] = { title: `${name}: Planning Parallelism ${index}`, summary: `We present ${name}.`, authors: ['Ann Author'], published: `20${id.slice(0, 2)}-01-15` };
    const preprint = index >= MIX.arxiv;
    if (preprint && index % 3 === 0) dblp.push({ title: arxiv[id].title, venue: 'ICPP', year: 2022, doi: `10.1145/${index}` });
    rows.push(`| ${name} | [${preprint ? 'arXiv' : 'ICML 2022'}](https://arxiv.org/abs/${id}) | 20${id.slice(0, 2)} |`);
  }
  for (let index = 0; index < MIX.doi; index++) {
    const name = `Placer${index}`;
    const key = `10.1145/3${String(100000 + index)}`;
    doi[key] = { title: `${name}: Placing Operators`, containerTitle: 'Proceedings of SoCC', issued: [2021, 5, 1], authors: [{ given: 'Bo', family: 'Author' }] };
    rows.push(`| ${name} | [SoCC 2021](https://dl.acm.org/doi/${key}) | 2021 |`);
  }
  for (let index = 0; index < MIX.openreview; index++) {
    const name = `Sharder${index}`;
    const id = `Bench${String(index).padStart(5, '0')}`;
    openreview[id] = { title: `${name}: Learning to Shard`, venue: 'ICLR 2022 Conference', authors: ['Cy Author'] };
    rows.push(`| ${name} | [ICLR 2022](https://openreview.net/forum?id=${id}) | 2022 |`);
  }
  const source = ['# Bench', '', '| Name | Paper | Year |', '| --- | --- | --- |', ...rows, ''].join('\n');
  return { data: { arxiv, doi, openreview, dblp }, source };
}

const config = parseConfig({ tables: [{ name: 'methods', headings: [], key: 'Name', columns: [{ name: 'Name', type: 'link', required: true, allowPlainText: true }, { name: 'Paper', type: 'links' }, { name: 'Year', type: 'year' }] }] }, null);

/** Requests that arrived sooner after the one before than the interval allows. */
function aboveQuota(startedAt, intervalMs) {
  let count = 0;
  for (let index = 1; index < startedAt.length; index++) if (startedAt[index] - startedAt[index - 1] < Math.ceil(intervalMs)) count++;
  return count;
}

const KINDS = ['arxiv', 'doi', 'openreview', 'dblp'];
const VARIABLES = { arxiv: 'CATALOG_ARXIV_API_URL', doi: 'CATALOG_DOI_URL', openreview: 'CATALOG_OPENREVIEW_API_URL', dblp: 'CATALOG_DBLP_API_URL' };

/**
 * Each fake registry in a process of its own, so the time it logs a request's arrival is held
 * up neither by the checker's work nor by the other fakes' (this machine may be busy).
 */
async function startFakes(data) {
  const children = await Promise.all(
    KINDS.map(async (kind) => {
      const child = fork(new URL('./fake-registries-process.js', import.meta.url));
      const ask = async (message, answer) => {
        child.send(message);
        for (;;) {
          const [reply] = await once(child, 'message');
          if (reply.type === answer) return reply;
        }
      };
      const { env } = await ask({ type: 'start', data }, 'started');
      return { kind, url: env[VARIABLES[kind]], ask, child };
    }),
  );
  return {
    env: Object.fromEntries(children.map(({ kind, url }) => [VARIABLES[kind], url])),
    logs: async () => Object.fromEntries(await Promise.all(children.map(async ({ kind, ask }) => [kind, (await ask({ type: 'logs' }, 'logs')).logs[kind]]))),
    stop: () => children.forEach(({ child }) => child.send({ type: 'stop' })),
  };
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

const { data, source } = fixture();
const catalog = readCatalog({ file: 'bench.md', source, config });
const walls = [];
let floor = 0;
let worstAbove = 0;
let summaryLine = '';
for (let run = 0; run < RUNS; run++) {
  const fakes = await startFakes({ ...data, latencyMs: 5 });
  const started = Date.now();
  const report = await checkPapers({ catalogs: [catalog], cacheFile: null, env: fakes.env, allowPrivate: true, intervalsMs, timeoutMs: 5000 });
  walls.push(Date.now() - started);
  const logs = await fakes.logs();
  const calls = Object.fromEntries(KINDS.map((kind) => [kind, logs[kind].startedAt.length]));
  const chain = (kind) => Math.max(0, calls[kind] - 1) * intervalsMs[kind];
  floor = Math.max(chain("arxiv") + chain("dblp"), chain("doi"), chain("openreview"));
  const above = KINDS.reduce((sum, kind) => sum + aboveQuota(logs[kind].startedAt, intervalsMs[kind]), 0);
  worstAbove = Math.max(worstAbove, above);
  const connections = KINDS.map((kind) => `${kind} ${logs[kind].connections}`).join(', ');
  summaryLine = `requests: ${Object.entries(calls).map(([kind, count]) => `${kind} ${count}`).join(', ')}; connections: ${connections}; findings: ${report.diagnostics.length}`;
  fakes.stop();
}

const wall = median(walls);
const ratio = wall / floor;
console.log(`bench:papers — ${Object.values(MIX).reduce((a, b) => a + b, 0)} paper links, quota intervals × ${SCALE} (arXiv ${intervalsMs.arxiv} ms, doi.org ${intervalsMs.doi} ms, OpenReview ${intervalsMs.openreview} ms, DBLP ${intervalsMs.dblp} ms), ${RUNS} runs`);
console.log(summaryLine);
console.log(`wall time: median ${wall} ms (runs: ${walls.join(', ')} ms); floor set by the quotas: ${floor} ms; ratio ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`);
console.log(`requests above quota: ${worstAbove} (target 0) ${worstAbove === 0 ? 'ok' : 'MISSED'}`);
process.exitCode = ratio <= TARGET_RATIO && worstAbove === 0 ? 0 : 1;
