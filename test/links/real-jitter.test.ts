import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoopbackServer, fakeResolver, reply } from './loopback-server.js';
import { checkUrls, resultOf } from './options.js';

// The other link tests fix the random source at 0.5, which makes every pause a whole number of
// milliseconds; a real run draws fractions. Each case here retries with Math.random's jitter.
const realJitter = { random: Math.random, retryBaseMs: 7 };

let site: LoopbackServer;
beforeAll(async () => {
  site = await LoopbackServer.start('127.0.0.13');
});
afterAll(() => site.close());

describe('retries with real jitter reach the server', () => {
  it.each(Array.from({ length: 5 }, (_, run) => run))('429 without Retry-After, then 200, is alive (run %i)', async (run) => {
    const url = site.route(`/429-then-200/${run}`, (request, response, hit) => response.writeHead(hit === 1 ? 429 : 200).end());
    const result = resultOf(await checkUrls([url], realJitter), url);
    expect(result).toMatchObject({ verdict: 'alive', attempts: 2 });
  });

  it.each(Array.from({ length: 5 }, (_, run) => run))('a reset, then 200, is alive (run %i)', async (run) => {
    const url = site.route(`/reset-then-200/${run}`, (request, response, hit) => (hit === 1 ? (request.socket as Socket).destroy() : response.writeHead(200).end()));
    const result = resultOf(await checkUrls([url], realJitter), url);
    expect(result).toMatchObject({ verdict: 'alive', attempts: 2 });
  });

  it('flaky 5xx (503, 502, then 200) is alive after two retries', async () => {
    const url = site.route('/flaky-5xx', (request, response, hit) => response.writeHead(hit === 1 ? 503 : hit === 2 ? 502 : 200).end());
    const result = resultOf(await checkUrls([url], realJitter), url);
    expect(result).toMatchObject({ verdict: 'alive', attempts: 3 });
  });

  it('a resolver that fails twice (EAI_AGAIN), then answers, is alive', async () => {
    const url = site.url('/ok');
    site.route('/ok', reply(200));
    const names = fakeResolver({ 'offline-then-online.example': '127.0.0.13' });
    let lookups = 0;
    const resolver = {
      ...names,
      lookup: async (hostname: string) => {
        if (++lookups <= 2) throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: 'EAI_AGAIN' });
        return names.lookup(hostname);
      },
    };
    const named = url.replace('127.0.0.13', 'offline-then-online.example');
    const result = resultOf(await checkUrls([named], { ...realJitter, resolver }), named);
    expect(result).toMatchObject({ verdict: 'alive', attempts: 3 });
    expect(result.reason).not.toMatch(/ERR_OUT_OF_RANGE/u);
  });

  it('retries that keep failing end unverifiable for the failure, not for a pause that could not be set', async () => {
    const url = site.route('/always-503', reply(503));
    const result = resultOf(await checkUrls([url], realJitter), url);
    // HEAD is refused with 503, then GET is tried and retried twice.
    expect(result).toMatchObject({ verdict: 'unverifiable', status: 503, attempts: 4 });
    expect(result.reason).toBe('503 Service Unavailable after 3 attempts');
  });
});
