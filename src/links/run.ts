import { setMaxListeners } from 'node:events';
import { isAbsolute, resolve } from 'node:path';
import type { LinksConfig } from '../catalog/config.js';
import type { Catalog } from '../catalog/model.js';
import { textAtRef } from '../git/text-at-ref.js';
import { emptyCache, isEscalated, isFreshAlive, loadCache, nextEntry, saveCache, type CacheEntry, type CacheFile } from './cache.js';
import { presentIn } from './changed-since.js';
import { UrlChecker, runOutOfTime, type UrlCheck } from './check-url.js';
import { LinkClient } from './client.js';
import { deadline } from './deadline.js';
import { checkedUrl, extractLinks, hostConfig } from './extract.js';
import { checkGithubLinks, githubTarget, type GithubTarget } from './github.js';
import { NxdomainJudge, systemResolver, type NameResolver } from './resolver.js';
import { HostScheduler } from './scheduler.js';
import { findingsOf, type CheckedLink, type LinkCheckReport, type LinkLocation, type LinkResult } from './types.js';

export const DEFAULT_USER_AGENT = 'auto-parallelism-catalog-link-checker/0.1 (checks the links of the auto-parallelism catalog; Node.js undici)';

const DEFAULT_RUN_TIMEOUT_MS = 15 * 60_000;

export interface LinkCheckOptions {
  /** Parsed catalogs (`readCatalog`). */
  catalogs: Catalog[];
  /** More URLs to check, outside any catalog (they have no locations, so no diagnostics). */
  urls?: string[];
  config: LinksConfig;
  /** Also check links in prose, not only in tables. */
  all?: boolean;
  /** Check only links added since this git reference (`--changed-since`). */
  changedSince?: string | null;
  /** Cache path; default `config.cacheFile`, relative paths against `cwd`; null: no cache (`--no-cache`). */
  cacheFile?: string | null;
  /** false: neither read nor write the cache (same as `cacheFile: null`). */
  useCache?: boolean;
  /** false: the cache is not written, its update is returned (`cacheUpdate`) for the caller to save after it printed the report. */
  writeCache?: boolean;
  /** Allow private, loopback and link-local addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** With a token, github.com repository links are checked through the GraphQL API. */
  githubToken?: string | null;
  githubApiUrl?: string;
  userAgent?: string;
  /** Requests in flight across every host. Default 16. */
  concurrency?: number;
  /** Connections and requests in flight per host, unless the host's config says otherwise. Default 4. */
  connectionsPerHost?: number;
  /** Minimum spacing between two requests to one host, unless the host's config says otherwise. Default 100 ms. */
  minSpacingMs?: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** Time for response headers (and between body chunks). Default 15 s. */
  headersTimeoutMs?: number;
  /** The whole check of one URL: its requests (every hop and retry), its pauses and the backoffs its own answers imposed on its host, not its wait behind other URLs of its host. Default 60 s. */
  urlTimeoutMs?: number;
  /** Retries on 429, 5xx, timeouts and resets. Default 2. */
  maxRetries?: number;
  /** First retry pause, doubled each retry, with jitter. Default 1 s. */
  retryBaseMs?: number;
  /** Longest pause a host's Retry-After or x-ratelimit-reset can impose. Default 60 s. */
  maxBackoffMs?: number;
  /**
   * The whole run's time budget: what is not settled when it runs out (a link waiting behind a
   * slow host, a request under way) is unverifiable. Default 15 minutes.
   */
  runTimeoutMs?: number;
  /** Times in a row a host may make us back off (429, Retry-After) before its remaining links are given up on, unverifiable. Default 3. */
  maxBackoffsInARow?: number;
  /** Pause before the second attempt that confirms a dead link. Default 500 ms. */
  confirmDelayMs?: number;
  /** Body bytes read at most per response. Default 4 KiB. */
  maxBodyBytes?: number;
  now?: Date;
  /** Source of jitter (tests make it deterministic). */
  random?: () => number;
  /** Name resolution (tests map names to loopback addresses). */
  resolver?: NameResolver;
  onProgress?: (done: number, total: number) => void;
  /**
   * Settles the URLs it claims without requesting them (paper links, through their registries),
   * while the rest are checked over HTTP. It may keep its own answers in the cache file.
   */
  settler?: LinkSettler;
  cwd?: string;
}

/** The cache a run would write: `saveCache(path, cache, now)`. */
export interface CacheUpdate {
  path: string;
  cache: CacheFile;
  now: Date;
}

export interface LinkSettler {
  claims(url: string): boolean;
  /** A check for every URL given (unverifiable when it could not tell). */
  settle(urls: readonly string[], cache: CacheFile): Promise<Map<string, UrlCheck>>;
}

/** Checks the catalogs' links. Does no output of its own: only `onProgress` is called. */
export async function runLinkCheck(options: LinkCheckOptions): Promise<LinkCheckReport & { cacheUpdate: CacheUpdate | null }> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const random = options.random ?? Math.random;
  const cwd = options.cwd ?? process.cwd();
  const { config } = options;
  const extracted = extractLinks(options.catalogs, config, options.all ?? false);
  const urls = options.changedSince ? await onlyAdded(extracted.urls, options.catalogs, options.changedSince, cwd) : extracted.urls;
  for (const written of options.urls ?? []) {
    const url = checkedUrl(written);
    if (url !== null && !urls.has(url)) urls.set(url, []);
  }

  const useCache = options.useCache !== false && options.cacheFile !== null;
  const cachePath = resolveFrom(cwd, options.cacheFile ?? config.cacheFile);
  const { cache, warning, replaceable } = useCache ? loadCache(cachePath, now) : { cache: emptyCache(), warning: null, replaceable: false };

  const runTimeoutMs = options.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const runTime = new AbortController();
  // Every request waiting in a host's queue, and every request under way, listens to it.
  setMaxListeners(0, runTime.signal);
  const runTimer = setTimeout(() => runTime.abort(new Error(runOutOfTime(runTimeoutMs))), runTimeoutMs);
  const connectionsPerHost = options.connectionsPerHost ?? 4;
  const scheduler = new HostScheduler({
    globalLimit: options.concurrency ?? 16,
    limitsFor: (host) => {
      const own = hostConfig(config, host);
      return { maxInFlight: own.maxConnections ?? connectionsPerHost, minSpacingMs: own.minSpacingMs ?? options.minSpacingMs ?? 100 };
    },
    maxBackoffMs: options.maxBackoffMs ?? 60_000,
    jitter: 0.2,
    random,
    maxBackoffsInARow: options.maxBackoffsInARow ?? 3,
    deadline: Date.now() + runTimeoutMs,
  });
  const resolver = options.resolver ?? systemResolver;
  const client = new LinkClient({
    resolver,
    allowPrivate: options.allowPrivate ?? false,
    connectionsFor: (host) => hostConfig(config, host).maxConnections ?? connectionsPerHost,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 15_000,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  });
  const checker = new UrlChecker(client, scheduler, new NxdomainJudge(resolver), {
    maxRetries: options.maxRetries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 1000,
    maxRedirects: 10,
    checkTimeoutMs: options.urlTimeoutMs ?? 60_000,
    confirmDelayMs: options.confirmDelayMs ?? 500,
    maxBodyBytes: options.maxBodyBytes ?? 4096,
    hostConfig: (host) => hostConfig(config, host),
    random,
    runSignal: runTime.signal,
    runTimeoutMs,
  });

  const total = urls.size;
  let done = 0;
  const progress = (): void => options.onProgress?.(++done, total);
  options.onProgress?.(0, total);

  const checks = new Map<string, UrlCheck>();
  const toCheck: string[] = [];
  for (const url of urls.keys()) {
    if (useCache && isFreshAlive(cache.entries[url], now, config.aliveDays)) progress();
    else toCheck.push(url);
  }
  const { settler } = options;
  const claimed = new Set(settler ? toCheck.filter((url) => settler.claims(url)) : []);
  // The settler works alongside the HTTP checks: its registries are other hosts.
  const settling =
    settler && claimed.size > 0
      ? settler.settle([...claimed], cache).then((settled) => {
          for (const [url, check] of settled) {
            checks.set(url, check);
            progress();
          }
        })
      : Promise.resolve();
  try {
    let overHttp = toCheck.filter((url) => !claimed.has(url));
    if (options.githubToken) {
      const targets = overHttp.map(githubTarget).filter((target): target is GithubTarget => target !== null);
      const apiTime = deadline(runTime.signal, options.urlTimeoutMs ?? 60_000);
      const settled = await checkGithubLinks(targets, {
        client,
        scheduler,
        apiUrl: options.githubApiUrl ?? 'https://api.github.com',
        token: options.githubToken,
        signal: apiTime.signal,
      }).finally(() => apiTime.clear());
      for (const [url, check] of settled) {
        checks.set(url, check);
        progress();
      }
      overHttp = overHttp.filter((url) => !settled.has(url));
    }
    await Promise.all([
      settling,
      ...overHttp.map(async (url) => {
        checks.set(url, await checker.check(url));
        progress();
      }),
    ]);
  } finally {
    await settling.catch(() => undefined);
    clearTimeout(runTimer);
    await client.close();
  }

  const links: CheckedLink[] = [];
  for (const [url, locations] of urls) {
    const check = checks.get(url);
    const previous = cache.entries[url];
    const entry = check ? nextEntry(previous, check, now, { aliveDays: config.aliveDays, random }) : (previous as CacheEntry);
    cache.entries[url] = entry;
    links.push({ result: toResult(url, entry, check, now, config), locations });
  }
  const update = useCache && replaceable ? { path: cachePath, cache, now } : null;
  if (update && options.writeCache !== false) saveCache(update.path, update.cache, update.now);

  return {
    links,
    skipped: [...extracted.skipped].map(([url, locations]) => ({ url, locations })),
    hosts: scheduler.stats(),
    warnings: warning ? [warning] : [],
    startedAt: now.toISOString(),
    durationMs: Date.now() - started,
    cacheUpdate: options.writeCache === false ? update : null,
  };
}

function toResult(url: string, entry: CacheEntry, check: UrlCheck | undefined, now: Date, config: LinksConfig): LinkResult {
  const { firstSeen, unverifiableRuns, unverifiableSince } = entry;
  return {
    url,
    ...findingsOf(entry),
    attempts: check?.attempts ?? 0,
    bytesRead: check?.bytesRead ?? 0,
    cached: check === undefined,
    firstSeen,
    unverifiableRuns,
    unverifiableSince,
    escalated: isEscalated(entry, now, config),
  };
}

/** Keeps the links each file did not have at `ref`; a URL none of whose places is new is dropped. */
async function onlyAdded(urls: Map<string, LinkLocation[]>, catalogs: readonly Catalog[], ref: string, cwd: string): Promise<Map<string, LinkLocation[]>> {
  const oldTexts = new Map<string, string>();
  for (const catalog of catalogs) oldTexts.set(catalog.file, await textAtRef(resolveFrom(cwd, catalog.file), ref));
  const added = new Map<string, LinkLocation[]>();
  for (const [url, locations] of urls) {
    const fresh = locations.filter((location) => !presentIn(oldTexts.get(location.file) ?? '', location.writtenUrl));
    if (fresh.length > 0) added.set(url, fresh);
  }
  return added;
}

function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
