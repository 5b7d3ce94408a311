// Link checker benchmark: 1,000 URLs of mixed behaviours on 8 loopback hosts (127.0.0.2–9),
// 50 ms latency, at most 6 requests in flight per host (429 beyond, like GitHub). Prints wall
// time, false positives, missed dead links, the most requests in flight to one host, requests
// per URL and body bytes read, and whether each target is met (exit 1 when one is not).
// `npm run bench:links [-- --runs N]` builds first: this imports the bundled library.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { runLinkCheck } from '../dist/index.js';

const HOSTS = Array.from({ length: 8 }, (_, index) => `127.0.0.${index + 2}`);
const LATENCY_MS = 50;
const HOST_CAP = 6;
const URL_COUNT = 1000;
const SETTINGS = { minSpacingMs: 100, connectionsPerHost: 4, concurrency: 16, headersTimeoutMs: 3000, urlTimeoutMs: 5000 };
const RETRY_AFTER_S = 1;

// kind → [count, expected verdict, fewest requests a HEAD-first checker needs]
const MIX = {
  ok: [751, 'alive', 1],
  notFound: [40, 'dead', 2],
  gone: [10, 'dead', 2],
  moved301: [40, 'alive', 2],
  chain308: [16, 'alive', 3],
  login302: [16, 'alive', 2],
  head405: [24, 'alive', 2],
  head403: [16, 'alive', 2],
  rateLimited: [16, 'alive', 2],
  flaky503: [16, 'alive', 2],
  forbidden: [16, 'unverifiable', 2],
  botWall: [10, 'unverifiable', 1],
  loop: [6, 'dead', 4],
  huge: [8, 'alive', 2],
  refused: [8, 'dead', 2],
  reset: [6, 'unverifiable', 3],
  hang: [1, 'unverifiable', 1],
};

/** A small deterministic generator, so every run checks the same list. */
function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function startHost(address) {
  const stats = { address, requests: 0, inFlight: 0, maxInFlight: 0, capped: 0, bytesWritten: 0 };
  const hits = new Map();
  const sockets = new Set();
  const server = createServer((request, response) => {
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let open = true;
    response.on('close', () => {
      if (open) stats.inFlight--;
      open = false;
    });
    if (stats.inFlight > HOST_CAP) {
      stats.capped++;
      response.writeHead(429, { 'retry-after': '1' }).end();
      return;
    }
    const path = (request.url ?? '/').split('?')[0];
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    setTimeout(() => answer(request, response, path, hit, stats), LATENCY_MS);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, address, () =>
      resolve({
        stats,
        origin: `http://${address}:${server.address().port}`,
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(done));
        },
      }),
    ),
  );
}

function answer(request, response, path, hit, stats) {
  const head = request.method === 'HEAD';
  const [, , kind] = path.split('/');
  const send = (status, headers = {}, body = 'ok') => {
    response.writeHead(status, headers);
    if (!head) {
      stats.bytesWritten += Buffer.byteLength(body);
      response.end(body);
    } else response.end();
  };
  switch (kind) {
    case 'ok':
    case 'target':
    case 'login':
      return send(200);
    case 'notFound':
      return send(404);
    case 'gone':
      return send(410);
    case 'moved301':
      return send(301, { location: path.replace('moved301', 'target') });
    case 'chain308':
      return send(308, { location: path.replace('chain308', 'moved301') });
    case 'login302':
      return send(302, { location: `/b/login/x?next=${encodeURIComponent(path)}` });
    case 'head405':
      return head ? send(405) : send(200);
    case 'head403':
      return head ? send(403) : send(200);
    case 'rateLimited':
      return hit === 1 ? send(429, { 'retry-after': String(RETRY_AFTER_S) }) : send(200);
    case 'flaky503':
      return hit === 1 ? send(503) : send(200);
    case 'forbidden':
      return send(403);
    case 'botWall':
      return send(403, { 'cf-mitigated': 'challenge' });
    case 'loop':
      return send(302, { location: path.endsWith('-b') ? path.slice(0, -2) : `${path}-b` });
    case 'huge':
      return head ? send(405) : sendHuge(response, stats);
    case 'reset':
      return request.socket.destroy();
    case 'hang':
      return undefined;
    default:
      return send(404);
  }
}

/** 200 MB, ignoring Range, as fast as the client takes it. */
function sendHuge(response, stats) {
  const size = 200 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(size) });
  let sent = 0;
  const pump = () => {
    while (sent < size && !response.destroyed) {
      sent += chunk.length;
      stats.bytesWritten += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

async function closedPort(address) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, address, resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function buildList(hosts, closedPorts) {
  const random = seeded(42);
  const kinds = Object.entries(MIX).flatMap(([kind, [count]]) => Array.from({ length: count }, () => kind));
  if (kinds.length !== URL_COUNT) throw new Error(`the mix has ${kinds.length} URLs, not ${URL_COUNT}`);
  for (let index = kinds.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [kinds[index], kinds[other]] = [kinds[other], kinds[index]];
  }
  return kinds.map((kind, index) => {
    const host = index % hosts.length;
    const origin = kind === 'refused' ? `http://${HOSTS[host]}:${closedPorts[host]}` : hosts[host].origin;
    return { url: `${origin}/b/${kind}/${index}`, kind, host, expected: MIX[kind][1], fewest: MIX[kind][2] };
  });
}

/** What the politeness settings allow at best: per host, the fewest requests at the minimum spacing, plus the pauses hosts ask for. */
function politeBoundMs(list) {
  const perHost = new Map();
  for (const entry of list) {
    const time = perHost.get(entry.host) ?? 0;
    const waits = entry.kind === 'rateLimited' ? RETRY_AFTER_S * 1000 : 0;
    perHost.set(entry.host, time + entry.fewest * SETTINGS.minSpacingMs + waits);
  }
  const slowestHost = Math.max(...perHost.values());
  // The one URL that never answers costs one timeout, if that ends after everything else.
  return Math.max(slowestHost, SETTINGS.urlTimeoutMs) + LATENCY_MS;
}

/** One whole check of the list on fresh hosts; returns its figures. */
async function runOnce() {
  const hosts = await Promise.all(HOSTS.map(startHost));
  const closedPorts = await Promise.all(HOSTS.map(closedPort));
  const list = buildList(hosts, closedPorts);
  const config = { hosts: {}, skip: [], cacheFile: '', aliveDays: 7, escalateAfterRuns: 3, escalateAfterDays: 21 };
  const started = performance.now();
  let report;
  try {
    report = await runLinkCheck({ catalogs: [], urls: list.map((entry) => entry.url), config, cacheFile: null, allowPrivate: true, ...SETTINGS });
  } finally {
    await Promise.all(hosts.map((host) => host.close()));
  }
  const wallMs = performance.now() - started;
  const verdicts = new Map(report.links.map(({ result }) => [result.url, result]));
  const requestsToRefusedPorts = report.links.filter(({ result }) => result.url.includes('/refused/')).reduce((sum, { result }) => sum + result.attempts, 0);
  return {
    wallMs,
    boundMs: politeBoundMs(list),
    verdicts,
    falsePositives: list.filter((entry) => entry.expected !== 'dead' && verdicts.get(entry.url)?.verdict === 'dead'),
    missedDead: list.filter((entry) => entry.expected === 'dead' && verdicts.get(entry.url)?.verdict !== 'dead'),
    otherMismatches: list.filter(
      (entry) => entry.expected !== 'dead' && verdicts.get(entry.url)?.verdict !== entry.expected && verdicts.get(entry.url)?.verdict !== 'dead',
    ),
    requests: hosts.reduce((sum, host) => sum + host.stats.requests, 0) + requestsToRefusedPorts,
    mostInFlight: Math.max(...hosts.map((host) => host.stats.maxInFlight)),
    capped: hosts.reduce((sum, host) => sum + host.stats.capped, 0),
    bytesRead: report.links.reduce((sum, { result }) => sum + result.bytesRead, 0),
    bytesSent: hosts.reduce((sum, host) => sum + host.stats.bytesWritten, 0),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const runs = Number(parseArgs({ options: { runs: { type: 'string', default: '3' } } }).values.runs);
console.log(`link checker benchmark: ${URL_COUNT} URLs, ${HOSTS.length} hosts, ${LATENCY_MS} ms latency, ≤ ${HOST_CAP} in flight per host, ${runs} runs`);
console.log(`settings: ${JSON.stringify(SETTINGS)}`);
const results = [];
for (let run = 0; run < runs; run++) {
  const result = await runOnce();
  results.push(result);
  console.log(`run ${run + 1}: ${(result.wallMs / 1000).toFixed(2)} s`);
}
// Every run must meet the targets that count (no false alarm, no miss, politeness); the
// figures shown are medians over the runs.
const worst = (pick) => Math.max(...results.map(pick));
const wallMs = median(results.map((result) => result.wallMs));
const boundMs = results[0].boundMs;
const requestsPerUrl = median(results.map((result) => result.requests / URL_COUNT));
const targets = [
  ['false positives (reported dead, not dead), worst run', worst((result) => result.falsePositives.length), worst((result) => result.falsePositives.length) === 0, '0'],
  ['missed dead links, worst run', worst((result) => result.missedDead.length), worst((result) => result.missedDead.length) === 0, '0'],
  ['most requests in flight to one host, worst run', worst((result) => result.mostInFlight), worst((result) => result.mostInFlight) <= HOST_CAP && worst((result) => result.capped) === 0, `≤ ${HOST_CAP}`],
  ['requests per URL, median', requestsPerUrl.toFixed(3), requestsPerUrl <= 1.3, '≤ 1.3'],
  ['wall time (s), median', (wallMs / 1000).toFixed(2), wallMs <= 2 * boundMs, `≤ 2 × ${(boundMs / 1000).toFixed(2)} (politeness bound)`],
];
for (const [name, value, met, target] of targets) console.log(`${met ? 'ok  ' : 'MISS'} ${name}: ${value} (target ${target})`);
const last = results[results.length - 1];
console.log(`     body bytes read, median: ${median(results.map((result) => result.bytesRead))} (8 URLs offer 200 MB each; the servers handed ${last.bytesSent} bytes to the kernel before the connections were cut)`);
console.log(`     requests in the last run: ${last.requests}; answered 429 for exceeding the host cap: ${last.capped}; other verdict mismatches: ${last.otherMismatches.length}`);
for (const entry of [...last.falsePositives, ...last.missedDead, ...last.otherMismatches].slice(0, 10)) {
  const result = last.verdicts.get(entry.url);
  console.log(`     ${entry.kind} ${entry.url}: expected ${entry.expected}, got ${result?.verdict} (${result?.reason})`);
}
process.exitCode = targets.every(([, , met]) => met) ? 0 : 1;
