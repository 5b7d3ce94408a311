import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoopbackServer, hugeBody, reply } from './loopback-server.js';
import { checkUrls, resultOf } from './options.js';

let site: LoopbackServer;
let other: LoopbackServer;

beforeAll(async () => {
  [site, other] = await Promise.all([LoopbackServer.start('127.0.0.2'), LoopbackServer.start('127.0.0.3')]);
});
afterAll(async () => {
  await Promise.all([site.close(), other.close()]);
});

describe('verdicts from statuses', () => {
  it('200 is alive with one HEAD request', async () => {
    const url = site.route('/ok', reply(200));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'alive', status: 200, attempts: 1, redirects: [], finalUrl: url, permanentRedirect: null });
    expect(site.requestsTo('/ok').map((request) => request.method)).toEqual(['HEAD']);
    expect(site.requestsTo('/ok')[0]!.headers['user-agent']).toMatch(/auto-parallelism-catalog/u);
  });

  it.each([404, 410])('%i is dead, confirmed by a second attempt with GET', async (status) => {
    const url = site.route(`/gone-${status}`, reply(status));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'dead', status, attempts: 2 });
    expect(site.requestsTo(`/gone-${status}`).map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('a HEAD 404 that GET contradicts is alive', async () => {
    const url = site.route('/head-lies', (request, response) => response.writeHead(request.method === 'HEAD' ? 404 : 200).end());
    expect(resultOf(await checkUrls([url]), url).verdict).toBe('alive');
  });

  it.each([401, 403, 999])('%i is unverifiable, never dead', async (status) => {
    const url = site.route(`/refuse-${status}`, reply(status));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'unverifiable', status });
  });

  it('bot protection (cf-mitigated) is unverifiable', async () => {
    const url = site.route('/challenge', reply(403, { 'cf-mitigated': 'challenge' }));
    const result = resultOf(await checkUrls([url]), url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/cf-mitigated/u);
  });

  it('a status the host config accepts is alive', async () => {
    const url = site.route('/teapot', reply(418));
    const config = { ...(await import('./options.js')).linksConfig({ hosts: { '127.0.0.2': { acceptStatus: [418] } } }) };
    expect(resultOf(await checkUrls([url], { config }), url).verdict).toBe('alive');
  });

  it('sends the extra headers a host config asks for', async () => {
    const url = site.route('/needs-header', (request, response) => response.writeHead(request.headers['x-token'] === 'yes' ? 200 : 403).end());
    const config = (await import('./options.js')).linksConfig({ hosts: { '127.0.0.2': { headers: { 'x-token': 'yes' } } } });
    expect(resultOf(await checkUrls([url], { config }), url).verdict).toBe('alive');
  });
});

describe('HEAD refused, then GET', () => {
  it.each([405, 403, 501])('HEAD %i then GET 200 is alive; GET asks for one byte', async (status) => {
    const path = `/no-head-${status}`;
    const url = site.route(path, (request, response) => response.writeHead(request.method === 'HEAD' ? status : 200).end('x'));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'alive', status: 200, attempts: 2 });
    const requests = site.requestsTo(path);
    expect(requests.map((request) => request.method)).toEqual(['HEAD', 'GET']);
    expect(requests[1]!.headers['range']).toBe('bytes=0-0');
  });

  it('reads a few KiB of a 200 MB body, not the file', async () => {
    const size = 200 * 1024 * 1024;
    const before = other.bytesWritten;
    const url = other.route('/paper.pdf', (request, response) => {
      if (request.method === 'HEAD') response.writeHead(405).end();
      else hugeBody(size)(request, response, 1);
    });
    const result = resultOf(await checkUrls([url]), url);
    expect(result.verdict).toBe('alive');
    expect(result.bytesRead).toBeGreaterThan(0);
    expect(result.bytesRead).toBeLessThanOrEqual(64 * 1024);
    // What the server could push before the connection dropped: socket buffers, not the file.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.bytesWritten - before).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('redirects', () => {
  it('a 301 then 308 chain is alive and a permanent redirect to its end', async () => {
    const end = site.route('/new-home', reply(200));
    site.route('/middle', reply(308, { location: '/new-home' }));
    const url = site.route('/old', reply(301, { location: site.url('/middle') }));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'alive', finalUrl: end, permanentRedirect: end, suspicious: null });
    expect(result.redirects).toEqual([
      { url, status: 301, location: site.url('/middle') },
      { url: site.url('/middle'), status: 308, location: end },
    ]);
  });

  it('a 302 is followed but is no permanent redirect', async () => {
    site.route('/today', reply(200));
    const url = site.route('/temporary', reply(302, { location: '/today' }));
    expect(resultOf(await checkUrls([url]), url)).toMatchObject({ verdict: 'alive', permanentRedirect: null, suspicious: null });
  });

  it('a 302 to a login page is suspicious, not silently alive', async () => {
    site.route('/login', reply(200));
    const url = site.route('/paper/42', reply(302, { location: '/login?next=/paper/42' }));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'alive', suspicious: 'login-page', permanentRedirect: null });
  });

  it("a redirect to the site's home page or to another domain is suspicious", async () => {
    site.route('/', reply(200));
    other.route('/elsewhere', reply(200));
    const home = site.route('/deep/page', reply(301, { location: '/' }));
    const away = site.route('/moved-away', reply(301, { location: other.url('/elsewhere') }));
    const report = await checkUrls([home, away]);
    expect(resultOf(report, home)).toMatchObject({ suspicious: 'home-page', permanentRedirect: null });
    expect(resultOf(report, away)).toMatchObject({ suspicious: 'other-domain', permanentRedirect: null });
  });

  it('a redirect loop is dead, confirmed by a second attempt', async () => {
    site.route('/loop-b', reply(302, { location: '/loop-a' }));
    const url = site.route('/loop-a', reply(302, { location: '/loop-b' }));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'dead', reason: 'redirect loop', attempts: 4 });
  });

  it('a page that sets a cookie and redirects to itself is alive (no false loop)', async () => {
    const url = site.route('/cookie-gate', (request, response) => {
      if (request.headers.cookie?.includes('seen=1')) response.writeHead(200).end();
      else response.writeHead(302, { location: '/cookie-gate', 'set-cookie': 'seen=1; Path=/' }).end();
    });
    expect(resultOf(await checkUrls([url]), url).verdict).toBe('alive');
  });

  it('stops after 10 hops', async () => {
    site.route('/hop/11', reply(200));
    for (let hop = 0; hop <= 10; hop++) site.route(`/hop/${hop}`, reply(302, { location: `/hop/${hop + 1}` }));
    const result = resultOf(await checkUrls([site.url('/hop/0')]), site.url('/hop/0'));
    expect(result.verdict).toBe('dead');
    expect(result.reason).toMatch(/more than 10 redirects/u);
    expect(result.redirects).toHaveLength(11);
  });
});

describe('retries and backoff', () => {
  it('429 with Retry-After, then 200: alive after waiting, and the wait holds the whole host', async () => {
    let firstAnswer = 0;
    let secondRequest = 0;
    const url = site.route('/limited', (request, response, hit) => {
      if (hit === 1) {
        firstAnswer = Date.now();
        response.writeHead(429, { 'retry-after': '1' }).end();
      } else {
        secondRequest = Date.now();
        response.writeHead(200).end();
      }
    });
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'alive', attempts: 2 });
    expect(secondRequest - firstAnswer).toBeGreaterThanOrEqual(950);
  });

  it('429 that lasts is unverifiable after the retries, never dead', async () => {
    const url = site.route('/always-limited', reply(429, { 'retry-after': '0' }));
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'unverifiable', status: 429, attempts: 3 });
  });

  it('a flaky 503 is retried and ends alive', async () => {
    const url = site.route('/flaky', (request, response, hit) => response.writeHead(hit <= 2 ? 503 : 200).end());
    const result = resultOf(await checkUrls([url]), url);
    expect(result.verdict).toBe('alive');
    expect(result.attempts).toBe(3);
  });

  it('5xx after the retries is unverifiable', async () => {
    const url = site.route('/down', reply(502));
    expect(resultOf(await checkUrls([url]), url)).toMatchObject({ verdict: 'unverifiable', status: 502 });
  });

  it('a response slower than the timeout is unverifiable, and the check of one URL is bounded', async () => {
    const url = site.route('/slow', () => undefined);
    const started = Date.now();
    const result = resultOf(await checkUrls([url], { headersTimeoutMs: 200, urlTimeoutMs: 1500 }), url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/timeout/iu);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a reset socket is retried, then unverifiable', async () => {
    const url = site.route('/reset', (request) => (request.socket as Socket).destroy());
    const result = resultOf(await checkUrls([url]), url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/reset|closed|socket/iu);
    expect(result.attempts).toBe(3);
  });

  it('a reset once, then 200, is alive', async () => {
    const url = site.route('/reset-once', (request, response, hit) => (hit === 1 ? (request.socket as Socket).destroy() : response.writeHead(200).end()));
    expect(resultOf(await checkUrls([url]), url).verdict).toBe('alive');
  });
});

describe('connection failures', () => {
  it('a refused connection is dead, confirmed by a second attempt', async () => {
    const closed = await LoopbackServer.start('127.0.0.4');
    const url = closed.url('/anything');
    await closed.close();
    const result = resultOf(await checkUrls([url]), url);
    expect(result).toMatchObject({ verdict: 'dead', status: null, reason: 'connection refused', attempts: 2 });
  });
});
