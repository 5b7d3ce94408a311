import { setTimeout as sleep } from 'node:timers/promises';
import { classifyError, requestedPauseMs } from '../links/classify.js';
import type { LinkClient, ProbeResponse } from '../links/client.js';

/** What a registry publishes as its limit; the client stays inside it by construction. */
export interface Quota {
  /** Least time between two requests (from the end of one to the start of the next). */
  minIntervalMs: number;
  /** Identifiers one request may ask about. */
  idsPerCall: number;
}

export interface RegistryHttpOptions {
  /** Shown in reasons and the summary: "arXiv". */
  name: string;
  client: LinkClient;
  /** The quota's interval (tests and the benchmark scale it down). */
  intervalMs: number;
  /** Time allowed for one request. */
  timeoutMs: number;
  /** Longest pause a Retry-After may impose. */
  maxBackoffMs: number;
  /** Back-offs in a row (429/503) after which the registry is given up for the run. */
  maxBackoffsInARow: number;
  /** The run's end: every wait and request stops there. */
  signal: AbortSignal;
}

export interface RegistryFailure {
  failure: string;
}

export interface RegistryStats {
  name: string;
  /** Requests made (back-offs included). */
  calls: number;
  /** From the first request's start to the last answer. */
  durationMs: number;
  /** Why the registry was given up for the run, or null. */
  gaveUp: string | null;
}

/**
 * One registry's HTTP: one request at a time, each at least the quota's interval after the
 * previous one ended (whole milliseconds), a 429 or 503 honoured by waiting what its Retry-After says (else twice
 * the interval, doubling), and the registry given up after answering that way too many times in
 * a row. Never retries anything else: an error is the caller's answer.
 */
export class RegistryHttp {
  private notBefore = 0;
  private backoffsInARow = 0;
  private turn: Promise<void> = Promise.resolve();
  private calls = 0;
  private firstStart: number | null = null;
  private lastEnd: number | null = null;
  private gaveUp: string | null = null;

  constructor(private readonly options: RegistryHttpOptions) {}

  /** GET `url`; the response (any status but a back-off) or why there is none. */
  async get(url: URL, headers: Record<string, string>, maxBodyBytes = 8 * 1024 * 1024): Promise<ProbeResponse | RegistryFailure> {
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await this.getInTurn(url, headers, maxBodyBytes);
    } finally {
      release();
    }
  }

  stats(): RegistryStats {
    const durationMs = this.firstStart === null || this.lastEnd === null ? 0 : this.lastEnd - this.firstStart;
    return { name: this.options.name, calls: this.calls, durationMs, gaveUp: this.gaveUp };
  }

  private async getInTurn(url: URL, headers: Record<string, string>, maxBodyBytes: number): Promise<ProbeResponse | RegistryFailure> {
    const { name, client, intervalMs, signal } = this.options;
    for (;;) {
      if (this.gaveUp !== null) return { failure: this.gaveUp };
      const wait = Math.ceil(this.notBefore - Date.now());
      if (wait > 0) {
        const waited = await sleep(wait, true, { signal }).catch(() => false);
        if (!waited) return { failure: `${name}: the run's time budget ran out` };
      }
      this.firstStart ??= Date.now();
      this.calls++;
      let response: ProbeResponse;
      try {
        response = await client.probe({ url, method: 'GET', headers, maxBodyBytes, signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]) });
      } catch (error) {
        return { failure: `${name} did not answer: ${classifyError(error).reason}` };
      } finally {
        // The interval runs from the end of one request to the start of the next: measured
        // from its start, a request that left late (a busy event loop) would reach the
        // registry too soon after the one before.
        this.lastEnd = Date.now();
        this.notBefore = this.lastEnd + Math.ceil(intervalMs);
      }
      if (response.status !== 429 && response.status !== 503) {
        this.backoffsInARow = 0;
        return response;
      }
      this.backoffsInARow++;
      if (this.backoffsInARow >= this.options.maxBackoffsInARow) {
        this.gaveUp = `${name} answered ${response.status} (slow down) ${this.backoffsInARow} times in a row: given up for this run, its links are unverifiable`;
        return { failure: this.gaveUp };
      }
      const asked = requestedPauseMs(response.status, response.headers, Date.now());
      const pause = Math.ceil(Math.min(asked ?? intervalMs * 2 ** this.backoffsInARow, this.options.maxBackoffMs));
      this.notBefore = Math.max(this.notBefore, Date.now() + pause);
    }
  }
}

export function isFailure(answer: ProbeResponse | RegistryFailure): answer is RegistryFailure {
  return 'failure' in answer;
}

/** `{base}/{path}` for a base URL from the environment, with or without a trailing slash. */
export function endpoint(base: string, path: string): URL {
  return new URL(`${base.replace(/\/+$/u, '')}/${path.replace(/^\/+/u, '')}`);
}
