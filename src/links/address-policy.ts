import { isIP } from 'node:net';

/**
 * Addresses a link checker must not probe unless told to: loopback, private (RFC 1918, unique
 * local), link-local (which holds the cloud metadata endpoint 169.254.169.254), carrier-grade
 * NAT, "this network", multicast and reserved ranges. A contributor's link must not make CI
 * probe its own network.
 *
 * An IPv6 address that carries an IPv4 address (IPv4-mapped `::ffff:0:0/96`, IPv4-compatible
 * `::/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is judged by that IPv4 address, in whatever
 * spelling it comes: the URL parser writes `[::ffff:127.0.0.1]` as `[::ffff:7f00:1]`.
 */
export function forbiddenAddressReason(address: string): string | null {
  const version = isIP(address);
  if (version === 4) return forbiddenIPv4(address.split('.').map(Number));
  if (version === 6) {
    const bytes = ipv6Bytes(address);
    return bytes ? forbiddenIPv6(bytes) : 'unparsable IPv6 address';
  }
  return null;
}

function forbiddenIPv4([a = 0, b = 0, c = 0]: readonly number[]): string | null {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local or cloud metadata';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade NAT';
  if (a === 0) return '"this network"';
  if (a >= 224) return 'multicast or reserved';
  if (a === 192 && b === 0 && c === 0) return 'IETF protocol assignment';
  return null;
}

function forbiddenIPv6(bytes: readonly number[]): string | null {
  const zerosUpTo = (end: number): boolean => bytes.slice(0, end).every((byte) => byte === 0);
  const last = bytes.slice(12, 16);
  if (zerosUpTo(15) && bytes[15] === 1) return 'loopback';
  if (zerosUpTo(16)) return 'unspecified';
  // ::ffff:0:0/96, IPv4-mapped.
  if (zerosUpTo(10) && bytes[10] === 0xff && bytes[11] === 0xff) return forbiddenIPv4(last);
  // ::/96, IPv4-compatible (deprecated, but still a way to write an IPv4 address).
  if (zerosUpTo(12)) return forbiddenIPv4(last);
  // 64:ff9b::/96, NAT64: the gateway connects to the embedded IPv4 address.
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return forbiddenIPv4(last);
  // 64:ff9b:1::/48, NAT64 for a local network (RFC 8215).
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01])) return 'private (local-use NAT64)';
  // 2002::/16, 6to4: the IPv4 address of the relay in bytes 2 to 5.
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return forbiddenIPv4(bytes.slice(2, 6));
  const [first = 0, second = 0] = bytes;
  if (startsWith(bytes, AWS_METADATA_IPV6)) return 'cloud metadata';
  if ((first & 0xfe) === 0xfc) return 'private (unique local)';
  if (first === 0xfe && (second & 0xc0) === 0x80) return 'link-local';
  if (first === 0xfe && (second & 0xc0) === 0xc0) return 'private (site-local)';
  if (first === 0xff) return 'multicast';
  return null;
}

/** fd00:ec2::254, the IPv6 address of EC2's instance metadata service. */
const AWS_METADATA_IPV6 = [0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54];

function startsWith(bytes: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The 16 bytes of an IPv6 address (`::` compression, a dotted IPv4 tail and a `%zone` allowed),
 * or null when it is not one.
 */
export function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const tail: number[] = [];
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/u.exec(text);
  if (dotted) {
    const ipv4 = dotted[1]!;
    if (isIP(ipv4) !== 4) return null;
    tail.push(...ipv4.split('.').map(Number));
    // Keep the colon before the tail as the end of the groups ("::1.2.3.4" → "::").
    text = text.slice(0, text.length - ipv4.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (half === undefined || half === '') return [];
    const bytes: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-f]{1,4}$/u.test(group)) return null;
      const value = Number.parseInt(group, 16);
      bytes.push(value >> 8, value & 0xff);
    }
    return bytes;
  };
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  if (head === null || rest === null) return null;
  const missing = 16 - head.length - rest.length - tail.length;
  if (halves.length === 2 ? missing < 2 : missing !== 0) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...rest, ...tail];
}

/** The host name of a URL as an address literal (`[::1]` → `::1`), or null for a name. */
export function addressLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** Raised (as a connection error) when a name resolves to a forbidden address. */
export class ForbiddenAddressError extends Error {
  readonly code = 'ERR_FORBIDDEN_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: string,
  ) {
    super(`${host} resolves to ${address} (${kind}); not checked without --allow-private`);
  }
}
