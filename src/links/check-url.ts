import { setTimeout as sleep } from 'node:timers/promises';
import type { HostConfig } from '../catalog/config.js';
import { classifyError, classifyResponse, describeStatus, requestedPauseMs, type Outcome } from './classify.js';
import type { LinkClient, ProbeResponse } from './client.js';
import { deadline } from './deadline.js';
import type { NxdomainJudge } from './resolver.js';
import { permanentTarget, registrableDomain, resolveLocation, setCookiePairs, suspiciousRedirect } from './redirects.js';
import { ForbiddenAddressError } from './address-policy.js';
import { plainHttpUrl } from './replacement-url.js';
import { HostGaveUpError, type HostScheduler } from './scheduler.js';
import type { CheckCost, LinkFindings, RedirectHop } from './types.js';

export interface UrlCheckSettings {
  /** Retries after the first request, on 429, 5xx, timeouts and resets. */
  maxRetries: number;
  /** First retry pause; doubled each retry, with jitter. */
  retryBaseMs: number;
  maxRedirects: number;
  /**
   * Time budget of one URL: its requests (every hop, retry and confirmation), its retry pauses
   * and the backoffs its own answers imposed on its host; not its wait in the host's queue
   * behind other URLs.
   */
  checkTimeoutMs: number;
  /** Pause before the second attempt that confirms a dead link. */
  confirmDelayMs: number;
  maxBodyBytes: number;
  hostConfig(host: string): HostConfig;
  random: () => number;
  /** Aborted when the run's time budget is spent: what is not settled then is unverifiable. */
  runSignal: AbortSignal;
  /** The run's time budget, for the reason given when it runs out. */
  runTimeoutMs: number;
}

/** The result of checking one URL over HTTP, and what it cost. */
export interface UrlCheck extends LinkFindings, CheckCost {}

type Ending = { kind: 'alive' | 'gone' | 'unverifiable'; status: number | null; reason: string };

interface Attempt extends Ending {
  chain: RedirectHop[];
  finalUrl: string;
}

interface CheckParts {
  client: LinkClient;
  scheduler: HostScheduler;
  judge: NxdomainJudge;
  settings: UrlCheckSettings;
  /** Hosts that refused HEAD and answered GET: later URLs there go straight to GET. */
  headRefused: Set<string>;
}

/** Checks one URL: HEAD (or GET), redirects by hand, retries, and a second attempt before "dead". */
export class UrlChecker {
  private readonly parts: CheckParts;

  constructor(client: LinkClient, scheduler: HostScheduler, judge: NxdomainJudge, settings: UrlCheckSettings) {
    this.parts = { client, scheduler, judge, settings, headRefused: new Set() };
  }

  async check(url: string): Promise<UrlCheck> {
    const run = new CheckRun(this.parts);
    let attempt = await run.attempt(url, false);
    if (attempt.kind === 'gone') {
      await sleep(this.parts.settings.confirmDelayMs, undefined, { signal: this.parts.settings.runSignal }).catch(() => undefined);
      const confirmation = await run.attempt(url, true);
      attempt = confirmation.kind === 'gone' ? attempt : confirmation;
    }
    return this.summarize(url, attempt, run);
  }

  private summarize(url: string, attempt: Attempt, run: CheckRun): UrlCheck {
    const alive = attempt.kind === 'alive';
    const permanent = alive ? permanentTarget(url, attempt.chain) : null;
    // What a server names is written into the catalog only as a plain http(s) URL.
    const target = permanent === null ? null : plainHttpUrl(permanent);
    const fixable = target !== null && suspiciousRedirect(url, target) === null;
    return {
      verdict: attempt.kind === 'gone' ? 'dead' : attempt.kind,
      status: attempt.status,
      reason: attempt.reason,
      redirects: attempt.chain,
      finalUrl: attempt.finalUrl,
      permanentRedirect: fixable ? target : null,
      suspicious: alive ? suspiciousRedirect(url, attempt.finalUrl) : null,
      archived: false,
      attempts: run.requests,
      bytesRead: run.bytesRead,
    };
  }
}

/**
 * The state of checking one URL: what it cost, and its time budget. The budget is spent by the
 * URL's own requests and pauses (a backoff its host asked for in answer to it included), not by
 * waiting in its host's queue behind other URLs (a host with many links at a polite spacing
 * would otherwise time out its last ones). The run's signal ends every wait and request.
 */
class CheckRun {
  requests = 0;
  bytesRead = 0;
  private remainingMs: number;

  constructor(private readonly parts: CheckParts) {
    this.remainingMs = parts.settings.checkTimeoutMs;
  }

  /** Follows the chain from `url`; `forceGet` is the confirming attempt. */
  async attempt(url: string, forceGet: boolean): Promise<Attempt> {
    const { settings } = this.parts;
    const chain: RedirectHop[] = [];
    const cookies = new Map<string, Map<string, string>>();
    const visited = new Set<string>();
    let current = url;
    for (let hop = 0; hop <= settings.maxRedirects; hop++) {
      const cookie = cookieHeader(cookies, current);
      // A revisit is a loop unless a cookie was set since (sites that set a cookie, then redirect back).
      const visit = `${current}\n${cookie}`;
      if (visited.has(visit)) return { kind: 'gone', status: chain.at(-1)?.status ?? null, reason: 'redirect loop', chain, finalUrl: current };
      visited.add(visit);
      const exchange = await this.exchange(current, forceGet, cookie);
      if ('kind' in exchange) return { ...exchange, chain, finalUrl: current };
      const { status, headers } = exchange;
      const location = resolveLocation(current, headers['location'] ?? '');
      if (location === null) return { kind: 'unverifiable', status, reason: `${status} redirect without a usable Location`, chain, finalUrl: current };
      chain.push({ url: current, status, location });
      rememberCookies(cookies, current, headers['set-cookie']);
      current = location;
    }
    return { kind: 'gone', status: chain.at(-1)?.status ?? null, reason: `more than ${settings.maxRedirects} redirects`, chain, finalUrl: current };
  }

  /**
   * One hop: the request and its retries. Returns the redirect response to follow, or how
   * the hop ended.
   */
  private async exchange(url: string, forceGet: boolean, cookie: string): Promise<Ending | { status: number; headers: Record<string, string> }> {
    const { client, scheduler, judge, settings, headRefused } = this.parts;
    const { runSignal } = settings;
    const target = new URL(url);
    const host = target.hostname;
    const config = settings.hostConfig(host);
    let method: 'HEAD' | 'GET' = forceGet || headRefused.has(host) ? 'GET' : 'HEAD';
    let triedHead = method === 'HEAD';
    let retries = 0;
    for (;;) {
      const headers: Record<string, string> = { ...config.headers };
      if (method === 'GET') headers['range'] = 'bytes=0-0';
      if (cookie) headers['cookie'] = cookie;
      if (runSignal.aborted) return this.outOfRunTime();
      if (this.remainingMs <= 0) return this.outOfTime();
      let answer;
      try {
        answer = await scheduler.run(
          host,
          async () => {
            const startedAt = Date.now();
            const response = await this.spend((signal) => client.probe({ url: target, method, headers, maxBodyBytes: method === 'GET' ? settings.maxBodyBytes : 0, signal })).catch((error: unknown) => {
              if (neverSent(error)) scheduler.notSent(host);
              throw error;
            });
            const outcome = classifyResponse(response.status, response.headers, method, config.acceptStatus ?? []);
            // Told to the scheduler before the host's slot is released, so no request slips in before a backoff.
            return { response, outcome, backoff: this.tellScheduler(host, response, outcome, retries, startedAt) };
          },
          runSignal,
        );
      } catch (error) {
        if (runSignal.aborted) return this.outOfRunTime();
        if (error instanceof HostGaveUpError) return { kind: 'unverifiable', status: null, reason: error.message };
        if (this.remainingMs <= 0) return this.outOfTime();
        const outcome = classifyError(error);
        if (outcome.code === 'ENOTFOUND') {
          if (await judge.isNxdomain(host)) return { kind: 'gone', status: null, reason: `NXDOMAIN: ${host} does not exist` };
          return { kind: 'unverifiable', status: null, reason: `${host} does not resolve (ENOTFOUND), and the DNS does not answer for its top-level zone either (no network?)` };
        }
        if (outcome.kind === 'retry' && retries < settings.maxRetries) {
          await this.pause(this.retryDelay(retries++));
          continue;
        }
        const reason = outcome.kind === 'retry' ? `${outcome.reason} after ${retries + 1} attempts` : outcome.reason;
        return { kind: outcome.kind === 'gone' ? 'gone' : 'unverifiable', status: null, reason };
      }
      const { response, outcome, backoff } = answer;
      this.bytesRead += response.bytesRead;
      const { status } = response;
      if (outcome.kind === 'head-refused') {
        method = 'GET';
        continue;
      }
      if (triedHead && method === 'GET' && outcome.kind !== 'retry') headRefused.add(host);
      triedHead = false;
      switch (outcome.kind) {
        case 'alive':
          return { kind: 'alive', status, reason: describeStatus(status) };
        case 'redirect':
          return response;
        case 'gone':
          return { kind: 'gone', status, reason: outcome.reason };
        case 'unverifiable':
          return { kind: 'unverifiable', status, reason: outcome.reason };
        case 'retry': {
          if (backoff === null) return { kind: 'unverifiable', status, reason: scheduler.gaveUpOn(host) ?? outcome.reason };
          if (retries >= settings.maxRetries) return { kind: 'unverifiable', status, reason: `${outcome.reason} after ${retries + 1} attempts` };
          if (backoff === undefined) await this.pause(this.retryDelay(retries));
          else if (backoff >= this.remainingMs) {
            return { kind: 'unverifiable', status, reason: `${outcome.reason}: asked to wait ${backoff} ms, more than the ${Math.round(this.remainingMs)} ms left of this link's time budget` };
          } else {
            // The host's backoff is this URL's retry pause (spent waiting in the host's queue).
            this.remainingMs -= backoff;
          }
          retries++;
        }
      }
    }
  }

  /**
   * Tells the scheduler how the host answered a request started at `startedAt`: when it asked
   * every client to slow down (429, or a retryable answer with Retry-After), one backoff for the
   * whole host, whose length is returned (null: the host was given up on); else that it served us.
   */
  private tellScheduler(host: string, response: ProbeResponse, outcome: Outcome, retries: number, startedAt: number): number | null | undefined {
    const { scheduler } = this.parts;
    const asked = outcome.kind === 'retry' ? requestedPauseMs(response.status, response.headers, Date.now()) : null;
    if (outcome.kind === 'retry' && (response.status === 429 || asked !== null)) return scheduler.backoff(host, asked ?? this.retryDelay(retries), startedAt);
    scheduler.served(host);
    return undefined;
  }

  /** Exponential backoff with "equal jitter": half fixed, half random; whole milliseconds, as timers want. */
  private retryDelay(retry: number): number {
    const { retryBaseMs, random } = this.parts.settings;
    const delay = retryBaseMs * 2 ** retry;
    return Math.round(delay / 2 + (random() * delay) / 2);
  }

  /**
   * Runs a request with what is left of the budget (and of the run's) as its deadline, and
   * charges its duration. The deadline bounds the body too (a server that trickles it in).
   */
  private async spend<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const started = Date.now();
    this.requests++;
    const time = deadline(this.parts.settings.runSignal, this.remainingMs);
    try {
      return await request(time.signal);
    } catch (error) {
      // A request refused before it left (a forbidden address) is no request made.
      if (neverSent(error)) this.requests--;
      throw error;
    } finally {
      time.clear();
      this.remainingMs = time.expired ? 0 : this.remainingMs - (Date.now() - started);
    }
  }

  /** A pause between retries, within the budget; it ends early when the run's time is up. */
  private async pause(ms: number): Promise<void> {
    const pause = Math.min(ms, Math.max(0, this.remainingMs));
    await sleep(pause, undefined, { signal: this.parts.settings.runSignal }).catch(() => undefined);
    this.remainingMs -= pause;
  }

  private outOfTime(): Ending {
    return { kind: 'unverifiable', status: null, reason: `timeout: no answer within ${this.parts.settings.checkTimeoutMs} ms` };
  }

  private outOfRunTime(): Ending {
    return { kind: 'unverifiable', status: null, reason: runOutOfTime(this.parts.settings.runTimeoutMs) };
  }
}

/** The error refused the request before anything was sent: the address policy, itself or as the cause of a connection error. */
function neverSent(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof ForbiddenAddressError) return true;
  }
  return false;
}

/** The reason given for a link the run's time budget left unsettled. */
export function runOutOfTime(runTimeoutMs: number): string {
  return `not settled: the run's time budget (${runTimeoutMs} ms) ran out`;
}

function cookieHeader(cookies: Map<string, Map<string, string>>, url: string): string {
  const jar = cookies.get(registrableDomain(new URL(url).hostname));
  return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
}

function rememberCookies(cookies: Map<string, Map<string, string>>, url: string, header: string | undefined): void {
  const pairs = setCookiePairs(header);
  if (pairs.length === 0) return;
  const domain = registrableDomain(new URL(url).hostname);
  const jar = cookies.get(domain) ?? new Map<string, string>();
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    jar.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
  cookies.set(domain, jar);
}
