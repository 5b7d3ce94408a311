import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoopbackServer, reply } from './loopback-server.js';
import { checkUrls } from './options.js';

let site: LoopbackServer;
beforeAll(async () => {
  site = await LoopbackServer.start('127.0.0.12');
  site.route('/ok', reply(200));
});
afterAll(() => site.close());

/** `count` URLs on one path prefix, each answered by `route`. */
function urls(prefix: string, count: number, route: Parameters<LoopbackServer['route']>[1]): string[] {
  return Array.from({ length: count }, (_, index) => site.route(`${prefix}/${index}`, route));
}

describe("a host that keeps rate-limiting us is given up on", () => {
  it('after it made us back off 3 times in a row: a bounded number of requests, the rest unverifiable unrequested', async () => {
    const list = urls('/always-429', 6, reply(429, { 'retry-after': '1' }));
    const started = Date.now();
    const report = await checkUrls(list, { connectionsPerHost: 1, maxRetries: 2, maxBackoffMs: 2000, urlTimeoutMs: 5000 });
    const wallMs = Date.now() - started;
    expect(site.requests.filter((request) => request.path.startsWith('/always-429/'))).toHaveLength(3);
    expect(wallMs).toBeLessThan(3500);
    expect(report.links.every(({ result }) => result.verdict === 'unverifiable')).toBe(true);
    const givenUp = report.links.filter(({ result }) => /kept rate-limiting us \(asked to back off 3 times in a row\)/u.test(result.reason));
    expect(givenUp.length).toBeGreaterThanOrEqual(5);
    expect(report.links.reduce((sum, { result }) => sum + result.attempts, 0)).toBe(3);
  });

  it('at once when the pause it asks for would outlast the run (Retry-After: 60, whatever the per-URL timeout)', async () => {
    const list = urls('/retry-after-60', 50, reply(429, { 'retry-after': '60' }));
    const started = Date.now();
    const report = await checkUrls(list, { maxBackoffMs: 120_000, urlTimeoutMs: 120_000, runTimeoutMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(2000);
    // The requests already under way when the first answer came (4 per host), none after.
    expect(site.requests.filter((request) => request.path.startsWith('/retry-after-60/')).length).toBeLessThanOrEqual(4);
    expect(report.links).toHaveLength(50);
    for (const { result } of report.links) {
      expect(result.verdict).toBe('unverifiable');
      expect(result.reason).toMatch(/kept rate-limiting us \(asked to wait 60 s, past the end of the run's time budget\)/u);
    }
  });

  it('a rate-limited URL among answered ones is retried as before, and the host stays served', async () => {
    const limited = site.route('/limited-once', (request, response, hit) => response.writeHead(hit === 1 ? 429 : 200, { 'retry-after': '0' }).end());
    const others = urls('/served', 5, reply(200));
    const report = await checkUrls([limited, ...others], { connectionsPerHost: 1 });
    expect(report.links.map(({ result }) => result.verdict)).toEqual(Array(6).fill('alive'));
  });
});

describe("the run's time budget", () => {
  it('ends the run on time: the URL under way and those queued behind it come back unverifiable', async () => {
    const list = urls('/hang', 4, () => undefined);
    const started = Date.now();
    const report = await checkUrls(list, { connectionsPerHost: 1, headersTimeoutMs: 10_000, urlTimeoutMs: 15_000, runTimeoutMs: 500 });
    const wallMs = Date.now() - started;
    expect(wallMs).toBeGreaterThanOrEqual(450);
    expect(wallMs).toBeLessThan(1500);
    expect(site.requests.filter((request) => request.path.startsWith('/hang/'))).toHaveLength(1);
    for (const { result } of report.links) {
      expect(result.verdict).toBe('unverifiable');
      expect(result.reason).toBe("not settled: the run's time budget (500 ms) ran out");
    }
  });

  it('bounds the waits a host imposes between retries too', async () => {
    const list = urls('/slow-429', 3, reply(429, { 'retry-after': '0.2' }));
    const started = Date.now();
    const report = await checkUrls(list, { connectionsPerHost: 1, maxBackoffsInARow: 100, maxRetries: 10, urlTimeoutMs: 60_000, runTimeoutMs: 700 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(report.links.every(({ result }) => result.verdict === 'unverifiable')).toBe(true);
  });

  it('leaves links settled in time as they are', async () => {
    const url = site.url('/ok');
    const report = await checkUrls([url], { runTimeoutMs: 5000 });
    expect(report.links[0]!.result.verdict).toBe('alive');
  });
});

describe('--timeout bounds a body that trickles in', () => {
  /** HEAD refused, so GET is sent; its body comes one byte a second, never reaching the body-read limit. */
  function trickle(): Parameters<LoopbackServer['route']>[1] {
    return (request, response) => {
      if (request.method === 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('a')), 1000);
      response.write('a');
      response.on('close', () => clearInterval(timer));
    };
  }

  it('a 1 byte/s server is unverifiable when the link\'s time is up, not at the end of the run', async () => {
    const url = site.route('/trickle', trickle());
    const started = Date.now();
    // Each byte arrives well within the time allowed between two chunks.
    const report = await checkUrls([url], { headersTimeoutMs: 5000, urlTimeoutMs: 1500, runTimeoutMs: 60_000 });
    const wallMs = Date.now() - started;
    expect(wallMs).toBeLessThan(4000);
    expect(report.links[0]!.result).toMatchObject({ verdict: 'unverifiable', reason: 'timeout: no answer within 1500 ms' });
  });

  it('the bound holds after a garbage collection', async () => {
    // The same as running node with --expose-gc.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const url = site.route('/trickle-gc', trickle());
    const started = Date.now();
    const checking = checkUrls([url], { headersTimeoutMs: 5000, urlTimeoutMs: 1500, runTimeoutMs: 6000 });
    const collect = setInterval(() => gc(), 100);
    const report = await checking.finally(() => clearInterval(collect));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(report.links[0]!.result).toMatchObject({ verdict: 'unverifiable', reason: 'timeout: no answer within 1500 ms' });
  });
});
