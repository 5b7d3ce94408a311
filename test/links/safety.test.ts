import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenAddressReason } from '../../src/links/address-policy.js';
import { LoopbackServer, fakeResolver, reply } from './loopback-server.js';
import { checkUrls, resultOf } from './options.js';

let site: LoopbackServer;
beforeAll(async () => {
  site = await LoopbackServer.start('127.0.0.5');
  site.route('/ok', reply(200));
});
afterAll(() => site.close());

describe('addresses refused by default', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local or cloud metadata'],
    ['100.100.1.1', 'carrier-grade NAT'],
    ['::1', 'loopback'],
    ['fd00::1', 'private (unique local)'],
    ['fe80::1', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('%s is %s', (address, kind) => {
    expect(forbiddenAddressReason(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '2606:4700::1111', '172.32.0.1'])('%s is public', (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });

  it('an address literal on loopback is refused without --allow-private, and no request is made', async () => {
    const before = site.requests.length;
    const url = site.url('/ok');
    const result = resultOf(await checkUrls([url], { allowPrivate: false }), url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/loopback.*--allow-private/u);
    expect(site.requests.length).toBe(before);
  });

  it('a name that resolves to a private address is refused after resolving it', async () => {
    const before = site.requests.length;
    const url = `http://intranet.example:${site.port}/ok`;
    const resolver = fakeResolver({ 'intranet.example': '127.0.0.5' }, ['example']);
    const result = resultOf(await checkUrls([url], { allowPrivate: false, resolver }), url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/intranet\.example resolves to 127\.0\.0\.5 \(loopback\)/u);
    expect(site.requests.length).toBe(before);
  });

  it('--allow-private opts in', async () => {
    const url = site.url('/ok');
    expect(resultOf(await checkUrls([url], { allowPrivate: true }), url).verdict).toBe('alive');
  });
});

describe('names that do not resolve', () => {
  it('ENOTFOUND from a resolver that answers for the zone is NXDOMAIN: dead', async () => {
    const url = 'https://no-such-host.example/paper';
    const result = resultOf(await checkUrls([url], { resolver: fakeResolver({}, ['example']) }), url);
    expect(result).toMatchObject({ verdict: 'dead', status: null, attempts: 2 });
    expect(result.reason).toMatch(/NXDOMAIN/u);
  });

  it('ENOTFOUND when the DNS answers for nothing (no network) is unverifiable, never dead', async () => {
    const url = 'https://github.com/flexflow/FlexFlow';
    const result = resultOf(await checkUrls([url], { resolver: fakeResolver({}, []) }), url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/ENOTFOUND/u);
  });

  it('EAI_AGAIN is retried, then unverifiable', async () => {
    const url = 'https://flaky-dns.example/';
    const resolver = {
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo EAI_AGAIN flaky-dns.example'), { code: 'EAI_AGAIN' });
      },
      zoneAnswers: async () => true,
    };
    const result = resultOf(await checkUrls([url], { resolver }), url);
    expect(result).toMatchObject({ verdict: 'unverifiable', attempts: 3 });
  });
});
