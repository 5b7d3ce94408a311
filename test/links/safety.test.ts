import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenAddressReason, ipv6Bytes } from '../../src/links/address-policy.js';
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
    // IPv6 spellings of IPv4 addresses, including the hex forms the URL parser writes them in.
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local or cloud metadata'],
    ['::ffff:169.254.169.254', 'link-local or cloud metadata'],
    ['0:0:0:0:0:ffff:a00:1', 'private'],
    ['::ffff:0:c0a8:101', null],
    ['::7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['::a9fe:a9fe', 'link-local or cloud metadata'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::169.254.169.254', 'link-local or cloud metadata'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b:1::1', 'private (local-use NAT64)'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link-local or cloud metadata'],
    ['2002:c0a8:101:1::1', 'private'],
    ['::', 'unspecified'],
    ['0:0:0:0:0:0:0:0', 'unspecified'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['FE80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private (site-local)'],
    ['fc00::1', 'private (unique local)'],
    ['fdff:ffff::1', 'private (unique local)'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['ff02::1', 'multicast'],
    ['ff0e::1', 'multicast'],
  ])('%s is %s', (address, kind) => {
    expect(forbiddenAddressReason(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '2606:4700::1111', '172.32.0.1', '::ffff:808:808', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:db8::ff00:7f00:1', 'fe7f::1', 'fb00::1', '2600::1:0:0:0:1'])(
    '%s is public',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    },
  );

  it('reads every spelling of an IPv6 address into the same 16 bytes', () => {
    const loopbackMapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1];
    expect(ipv6Bytes('::ffff:127.0.0.1')).toEqual(loopbackMapped);
    expect(ipv6Bytes('::ffff:7f00:1')).toEqual(loopbackMapped);
    expect(ipv6Bytes('0:0:0:0:0:ffff:7f00:0001')).toEqual(loopbackMapped);
    expect(ipv6Bytes('1:2:3:4:5:6:7:8')).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect(ipv6Bytes('1::')).toEqual([0, 1, ...new Array(14).fill(0)]);
    expect(ipv6Bytes('1:2:3:4:5:6:1.2.3.4')).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4]);
    for (const invalid of ['1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '::1.2.3', '12345::', '1:2:3:4:5:6:7::8']) expect(ipv6Bytes(invalid)).toBeNull();
  });

  // Node's URL parser turns [::ffff:127.0.0.5] into [::ffff:7f00:5]; every form must be refused
  // before a connection is made (the mapped one would otherwise reach the loopback server).
  it.each([
    ['IPv4-mapped, dotted', '[::ffff:127.0.0.5]'],
    ['IPv4-mapped, hex', '[::ffff:7f00:5]'],
    ['IPv4-compatible', '[::127.0.0.5]'],
    ['NAT64', '[64:ff9b::127.0.0.5]'],
    ['6to4', '[2002:7f00:5::1]'],
  ])('a loopback address written as %s (%s) is refused, and no request is made', async (_, host) => {
    const before = site.requests.length;
    const url = `http://${host}:${site.port}/secret`;
    const report = await checkUrls([url], { allowPrivate: false });
    const [link] = report.links;
    expect(link!.result.verdict).toBe('unverifiable');
    expect(link!.result.reason).toMatch(/\(loopback\); not checked without --allow-private/u);
    // The request was refused before it was sent: the summary counts none.
    expect(link!.result.attempts).toBe(0);
    expect(report.hosts.reduce((sum, host) => sum + host.requests, 0)).toBe(0);
    expect(site.requests.length).toBe(before);
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
    const report = await checkUrls([url], { allowPrivate: false, resolver });
    const result = resultOf(report, url);
    expect(result.verdict).toBe('unverifiable');
    expect(result.reason).toMatch(/intranet\.example resolves to 127\.0\.0\.5 \(loopback\)/u);
    expect(result.attempts).toBe(0);
    expect(report.hosts.reduce((sum, host) => sum + host.requests, 0)).toBe(0);
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
