import { isIP } from 'node:net';

/**
 * Addresses a link checker must not probe unless told to: loopback, private (RFC 1918, unique
 * local), link-local (which holds the cloud metadata endpoint 169.254.169.254), carrier-grade
 * NAT, "this network", multicast and reserved ranges. A contributor's link must not make CI
 * probe its own network.
 */
export function forbiddenAddressReason(address: string): string | null {
  const version = isIP(address);
  if (version === 4) return forbiddenIPv4(address);
  if (version === 6) return forbiddenIPv6(address.toLowerCase());
  return null;
}

function forbiddenIPv4(address: string): string | null {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local or cloud metadata';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade NAT';
  if (a === 0) return '"this network"';
  if (a >= 224) return 'multicast or reserved';
  if (a === 192 && b === 0 && address.startsWith('192.0.0.')) return 'IETF protocol assignment';
  return null;
}

function forbiddenIPv6(address: string): string | null {
  if (address === '::1' || address === '::') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(address);
  if (mapped) return forbiddenIPv4(mapped[1]!);
  if (/^f[cd]/u.test(address)) return 'private (unique local)';
  if (/^fe[89ab]/u.test(address)) return 'link-local';
  if (address.startsWith('fd00:ec2::254')) return 'cloud metadata';
  if (address.startsWith('ff')) return 'multicast';
  return null;
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
