import type { CacheFile } from '../links/cache.js';
import type { UrlCheck } from '../links/check-url.js';
import type { LinkSettler } from '../links/run.js';
import { paperIdOf, type PaperId } from './identifiers.js';
import { readPaperCache, withoutStale } from './paper-cache.js';
import type { Lookup } from './record.js';
import { REGISTRY_NAMES, Registries, lookUpPapers, planFor, type RegistryOptions, type RegistrySummary } from './registries.js';

export interface PaperLinkSettler extends LinkSettler {
  /** How each registry fared, once `settle` is done. */
  summaries(): RegistrySummary[];
}

/**
 * `catalog links` confirms paper links through their registries instead of requesting the
 * publisher's page: alive when the registry confirms the identifier, dead when it said twice
 * that it does not exist, unverifiable otherwise. The answers go into the cache's `papers`.
 */
export function paperLinkSettler(options: Omit<RegistryOptions, 'signal'> & { onPlan?: (plan: string) => void; now?: Date; runTimeoutMs?: number }): PaperLinkSettler {
  let summaries: RegistrySummary[] = [];
  return {
    claims: (url) => paperIdOf(url) !== null,
    async settle(urls: readonly string[], cache: CacheFile): Promise<Map<string, UrlCheck>> {
      const now = options.now ?? new Date();
      const papers = readPaperCache(cache.papers, now);
      const ids = new Map<string, PaperId>();
      for (const url of urls) ids.set(url, paperIdOf(url)!);
      const registries = new Registries({ ...options, signal: AbortSignal.timeout(options.runTimeoutMs ?? 15 * 60_000) });
      try {
        const plan = planFor([...ids.values()], papers, now, registries.intervalsMs);
        if (plan) options.onPlan?.(plan);
        const result = await lookUpPapers([...ids.values()], registries, papers, now);
        summaries = result.summaries;
        cache.papers = withoutStale(papers, now);
        return new Map([...ids].map(([url, id]) => [url, asCheck(url, id, result.answers.get(id.key))]));
      } finally {
        await registries.close();
      }
    },
    summaries: () => summaries,
  };
}

function asCheck(url: string, id: PaperId, answer: Lookup | undefined): UrlCheck {
  const registry = REGISTRY_NAMES[id.registry];
  const common: Omit<UrlCheck, 'verdict' | 'status' | 'reason' | 'attempts'> = { redirects: [], finalUrl: url, permanentRedirect: null, suspicious: null, archived: false, bytesRead: 0 };
  if (answer?.kind === 'found') return { ...common, verdict: 'alive', status: 200, reason: `${id.id} confirmed by ${registry}${answer.cached ? ' (cached)' : ''}`, attempts: answer.cached ? 0 : 1 };
  if (answer?.kind === 'missing') return { ...common, verdict: 'dead', status: 404, reason: `${answer.reason} (asked twice)`, attempts: 2 };
  return { ...common, verdict: 'unverifiable', status: null, reason: answer?.reason ?? `${registry} gave no answer`, attempts: 1 };
}
