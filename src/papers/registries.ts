import { LinkClient } from '../links/client.js';
import { systemResolver, type NameResolver } from '../links/resolver.js';
import { ARXIV_DEFAULT_URL, ARXIV_QUOTA, askArxiv } from './arxiv.js';
import { DBLP_DEFAULT_URL, DBLP_QUOTA, findPublished } from './dblp.js';
import { DOI_DEFAULT_URL, DOI_QUOTA, askDoi } from './doi.js';
import type { PaperId, RegistryName } from './identifiers.js';
import { OPENREVIEW_DEFAULT_URL, OPENREVIEW_QUOTA, askOpenReview } from './openreview.js';
import { isFresh, type PaperCache } from './paper-cache.js';
import type { Answers, Lookup, PublishedVersion } from './record.js';
import { RegistryHttp, type Quota, type RegistryStats } from './registry-http.js';

export type RegistryKind = RegistryName | 'dblp';

export const REGISTRY_NAMES: Record<RegistryKind, string> = { arxiv: 'arXiv', doi: 'doi.org', openreview: 'OpenReview', dblp: 'DBLP' };
export const QUOTAS: Record<RegistryKind, Quota> = { arxiv: ARXIV_QUOTA, doi: DOI_QUOTA, openreview: OPENREVIEW_QUOTA, dblp: DBLP_QUOTA };
const DEFAULT_URLS: Record<RegistryKind, string> = { arxiv: ARXIV_DEFAULT_URL, doi: DOI_DEFAULT_URL, openreview: OPENREVIEW_DEFAULT_URL, dblp: DBLP_DEFAULT_URL };
/** The only place the registries' addresses come from (tests and forks point them at a fake). */
export const REGISTRY_URL_VARIABLES: Record<RegistryKind, string> = {
  arxiv: 'CATALOG_ARXIV_API_URL',
  doi: 'CATALOG_DOI_URL',
  openreview: 'CATALOG_OPENREVIEW_API_URL',
  dblp: 'CATALOG_DBLP_API_URL',
};
const KINDS = Object.keys(REGISTRY_NAMES) as RegistryKind[];

export const DEFAULT_REGISTRY_USER_AGENT = 'auto-parallelism-catalog-paper-check/0.1 (verifies paper identifiers of the auto-parallelism catalog; Node.js undici)';

export interface RegistryOptions {
  env: NodeJS.ProcessEnv;
  /** An e-mail address for the User-Agent, as Crossref and arXiv ask (`links.contact`). */
  contact?: string | null;
  allowPrivate?: boolean;
  resolver?: NameResolver;
  /** Time allowed for one request. Default 30 s. */
  timeoutMs?: number;
  /** Each registry's interval between requests; default its quota's (tests and the benchmark scale them). */
  intervalsMs?: Partial<Record<RegistryKind, number>>;
  /** Longest pause a Retry-After may impose. Default 60 s. */
  maxBackoffMs?: number;
  signal?: AbortSignal;
}

/** The four registries of one run, each with its own paced connection. */
export class Registries {
  readonly urls: Record<RegistryKind, string>;
  private readonly client: LinkClient;
  private readonly http: Record<RegistryKind, RegistryHttp>;
  readonly intervalsMs: Record<RegistryKind, number>;

  constructor(options: RegistryOptions) {
    const contact = options.contact ? `; mailto:${options.contact}` : '';
    this.client = new LinkClient({
      resolver: options.resolver ?? systemResolver,
      allowPrivate: options.allowPrivate ?? false,
      connectionsFor: () => 1,
      connectTimeoutMs: 10_000,
      headersTimeoutMs: options.timeoutMs ?? 30_000,
      userAgent: DEFAULT_REGISTRY_USER_AGENT.replace(/\)$/u, `${contact})`),
    });
    this.urls = Object.fromEntries(KINDS.map((kind) => [kind, options.env[REGISTRY_URL_VARIABLES[kind]] || DEFAULT_URLS[kind]])) as Record<RegistryKind, string>;
    this.intervalsMs = Object.fromEntries(KINDS.map((kind) => [kind, options.intervalsMs?.[kind] ?? QUOTAS[kind].minIntervalMs])) as Record<RegistryKind, number>;
    const signal = options.signal ?? new AbortController().signal;
    this.http = Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        new RegistryHttp({ name: REGISTRY_NAMES[kind], client: this.client, intervalMs: this.intervalsMs[kind], timeoutMs: options.timeoutMs ?? 30_000, maxBackoffMs: options.maxBackoffMs ?? 60_000, maxBackoffsInARow: 3, signal }),
      ]),
    ) as Record<RegistryKind, RegistryHttp>;
  }

  /** One pass over `ids` of one registry; every id gets an answer. */
  async ask(registry: RegistryName, ids: readonly string[]): Promise<Answers> {
    const http = this.http[registry];
    const url = this.urls[registry];
    if (registry === 'arxiv') return askArxiv(ids, http, url);
    const answers: Answers = new Map();
    for (const id of ids) answers.set(`${registry}:${id}`, registry === 'doi' ? await askDoi(id, http, url) : await askOpenReview(id, http, url));
    return answers;
  }

  findPublished(title: string): Promise<PublishedVersion | null | { failure: string }> {
    return findPublished(title, this.http.dblp, this.urls.dblp);
  }

  stats(kind: RegistryKind): RegistryStats {
    return this.http[kind].stats();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** How one registry fared in a run: for the summary. */
export interface RegistrySummary extends RegistryStats {
  registry: RegistryKind;
  ids: number;
  confirmed: number;
  missing: number;
  unverifiable: number;
  /** Answered from the cache, without a request. */
  cached: number;
}

export interface LookupResult {
  answers: Answers;
  summaries: RegistrySummary[];
}

/**
 * Every identifier's answer: a fresh cached record, else the registry's. An identifier the
 * registry says does not exist is asked a second time (after every other one) before it is
 * `missing`. Records found are written into `cache`; nothing else is.
 */
export async function lookUpPapers(ids: readonly PaperId[], registries: Registries, cache: PaperCache, now: Date): Promise<LookupResult> {
  const answers: Answers = new Map();
  // The registries are different hosts, each with its own quota: they are asked at the same time.
  const summaries = await Promise.all((['arxiv', 'doi', 'openreview'] as const).map((registry) => lookUpIn(registry, ids, registries, cache, now, answers)));
  return { answers, summaries };
}

async function lookUpIn(registry: RegistryName, ids: readonly PaperId[], registries: Registries, cache: PaperCache, now: Date, answers: Answers): Promise<RegistrySummary> {
  const own = unique(ids.filter((id) => id.registry === registry));
  const toAsk: PaperId[] = [];
  let cached = 0;
  for (const id of own) {
    const entry = cache.records[id.key];
    if (entry && isFresh(entry.fetchedAt, now)) {
      answers.set(id.key, { kind: 'found', record: entry.record, cached: true });
      cached++;
    } else toAsk.push(id);
  }
  if (toAsk.length > 0) {
    const first = await registries.ask(registry, toAsk.map((id) => id.id));
    const missing = toAsk.filter((id) => first.get(id.key)?.kind === 'missing');
    const second = missing.length > 0 ? await registries.ask(registry, missing.map((id) => id.id)) : new Map<string, Lookup>();
    for (const id of toAsk) {
      const answer = second.get(id.key) ?? first.get(id.key) ?? { kind: 'unverifiable', reason: `${REGISTRY_NAMES[registry]} gave no answer` };
      answers.set(id.key, answer);
      if (answer.kind === 'found') cache.records[id.key] = { fetchedAt: now.toISOString(), record: answer.record };
    }
  }
  const kinds = own.map((id) => answers.get(id.key)!.kind);
  return {
    ...registries.stats(registry),
    registry,
    ids: own.length,
    confirmed: kinds.filter((kind) => kind === 'found').length,
    missing: kinds.filter((kind) => kind === 'missing').length,
    unverifiable: kinds.filter((kind) => kind === 'unverifiable').length,
    cached,
  };
}

function unique(ids: readonly PaperId[]): PaperId[] {
  return [...new Map(ids.map((id) => [id.key, id])).values()];
}

export interface PlanLine {
  registry: RegistryKind;
  ids: number;
  calls: number;
  /** The least time the quota allows for those calls (the first one needs no wait). */
  leastMs: number;
}

/**
 * The plan for the identifiers the cache has no fresh record of (what a run will ask), as
 * lines to print, or '' when every answer is cached.
 */
export function planFor(ids: readonly PaperId[], cache: PaperCache, now: Date, intervalsMs: Record<RegistryKind, number>): string {
  const counts = { arxiv: 0, doi: 0, openreview: 0 };
  for (const id of unique(ids)) {
    const cached = cache.records[id.key];
    if (!(cached && isFresh(cached.fetchedAt, now))) counts[id.registry]++;
  }
  return formatPlan(registryPlan(counts, intervalsMs));
}

/** What a run will ask each registry, before the first request (printed on a TTY). */
export function registryPlan(counts: Partial<Record<RegistryKind, number>>, intervalsMs: Record<RegistryKind, number>): PlanLine[] {
  return KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => {
    const ids = counts[kind]!;
    const calls = Math.ceil(ids / QUOTAS[kind].idsPerCall);
    return { registry: kind, ids, calls, leastMs: (calls - 1) * intervalsMs[kind] };
  });
}

export function formatPlan(plan: readonly PlanLine[]): string {
  return plan.map((line) => `${REGISTRY_NAMES[line.registry]}: ${line.ids} ${line.ids === 1 ? 'id' : 'ids'}, ${line.calls} ${line.calls === 1 ? 'call' : 'calls'}, at least ${seconds(line.leastMs)} by its quota\n`).join('');
}

export function formatSummary(summaries: readonly RegistrySummary[]): string {
  return summaries
    .filter((summary) => summary.ids > 0)
    .map((summary) => {
      const parts = [`${summary.confirmed} of ${summary.ids} confirmed`];
      if (summary.missing > 0) parts.push(`${summary.missing} not found`);
      if (summary.unverifiable > 0) parts.push(`${summary.unverifiable} unverifiable`);
      if (summary.cached > 0) parts.push(`${summary.cached} from the cache`);
      const line = `${REGISTRY_NAMES[summary.registry]}: ${parts.join(', ')}; ${summary.calls} ${summary.calls === 1 ? 'call' : 'calls'} in ${seconds(summary.durationMs)}\n`;
      return summary.gaveUp ? `${line}${summary.gaveUp}\n` : line;
    })
    .join('');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
