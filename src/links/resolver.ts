import { promises as dns } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { ForbiddenAddressError, forbiddenAddressReason } from './address-policy.js';

/** Name resolution, injectable so tests can give names to loopback servers. */
export interface NameResolver {
  /** Every address of a name, like `dns.lookup(name, { all: true })`; rejects with the resolver's error code. */
  lookup(hostname: string): Promise<LookupAddress[]>;
  /** Whether the DNS answers for a zone (e.g. "com"): proof that the resolver reaches the real DNS. */
  zoneAnswers(zone: string): Promise<boolean>;
}

export const systemResolver: NameResolver = {
  lookup: (hostname) => dns.lookup(hostname, { all: true, verbatim: true }),
  async zoneAnswers(zone) {
    const resolver = new dns.Resolver({ timeout: 3000, tries: 1 });
    try {
      return (await resolver.resolveNs(zone)).length > 0;
    } catch {
      return false;
    }
  },
};

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect` (undici's `connect.lookup`): it resolves the name and refuses
 * forbidden addresses at connection time, so every hop of a redirect chain is vetted on the
 * address actually connected to (no gap between a check and the connection).
 */
export function vettedLookup(resolver: NameResolver, allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolver.lookup(hostname).then(
      (found) => {
        const family = Number(String(options.family ?? 0).replace(/^IPv/u, '')) || 0;
        const addresses = family ? found.filter((entry) => entry.family === family) : found;
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (!allowPrivate) {
          for (const entry of addresses) {
            const kind = forbiddenAddressReason(entry.address);
            if (kind) {
              callback(new ForbiddenAddressError(hostname, entry.address, kind) as NodeJS.ErrnoException, '');
              return;
            }
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/**
 * When is a name that does not resolve "dead"? getaddrinfo reports ENOTFOUND both for a real
 * NXDOMAIN and, on some machines without network, for every name (a stub resolver that answers
 * "no such name" to everything). So ENOTFOUND counts as NXDOMAIN only when the same resolver
 * does answer for the name's top-level zone (its NS records): then the DNS is reachable and
 * said the name does not exist. Otherwise (EAI_AGAIN, ESERVFAIL, a resolver that knows no
 * zone at all) the name is unverifiable, never dead. The answer per zone is kept for the run.
 */
export class NxdomainJudge {
  private readonly zones = new Map<string, Promise<boolean>>();
  constructor(private readonly resolver: NameResolver) {}

  /** For a name getaddrinfo reported ENOTFOUND for: was that a real NXDOMAIN? */
  isNxdomain(hostname: string): Promise<boolean> {
    const zone = hostname.replace(/\.$/u, '').split('.').pop() ?? '';
    if (zone === '') return Promise.resolve(false);
    let answer = this.zones.get(zone);
    if (!answer) {
      answer = this.resolver.zoneAnswers(zone).catch(() => false);
      this.zones.set(zone, answer);
    }
    return answer;
  }
}
