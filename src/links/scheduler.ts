import type { HostStats } from './types.js';

export interface HostLimits {
  /** Requests to this host at the same time. */
  maxInFlight: number;
  /** Minimum milliseconds between the starts of two requests to this host. */
  minSpacingMs: number;
}

export interface SchedulerOptions {
  /** Requests in flight across every host. */
  globalLimit: number;
  limitsFor(host: string): HostLimits;
  /** Longest pause a host may ask for (Retry-After, x-ratelimit-reset). */
  maxBackoffMs: number;
  /** Extra spacing, as a fraction of the spacing, drawn at random for each request. */
  jitter: number;
  random?: () => number;
  /** Times in a row a host may make us back off before it is given up on (see `backoff`). Default: never. */
  maxBackoffsInARow?: number;
  /** Time (ms since the epoch) the run must end by: a host asking to wait past it is given up on. Default: none. */
  deadline?: number;
}

/** What a request to a host that was given up on rejects with. */
export class HostGaveUpError extends Error {
  readonly code = 'ERR_HOST_GAVE_UP';
}

interface Waiter {
  start: () => void;
  fail: (error: Error) => void;
}

interface HostState {
  limits: HostLimits;
  queue: Waiter[];
  inFlight: number;
  /** Earliest time (ms) the next request may start. */
  notBefore: number;
  /** Backoffs in a row, each asked for by a request started after the one before was imposed. */
  backoffsInARow: number;
  /** When the last counted backoff was imposed. */
  lastBackoffAt: number;
  /** Why the host was given up on, or null while it is served. */
  gaveUp: string | null;
  stats: HostStats;
}

/**
 * Decides when each request may start: per host, a minimum spacing between starts, a bound
 * on requests in flight and one shared backoff (a host that answers "slow down" to one URL
 * slows every URL of that host); across hosts, a global bound on requests in flight. Hosts
 * are served round-robin, each host's requests in arrival order.
 *
 * A host that keeps asking us to slow down is given up on (a circuit breaker): once it has made
 * us back off `maxBackoffsInARow` times in a row, or asks for a pause that would end after the
 * run's deadline, its queued and later requests reject with `HostGaveUpError` without being made.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private cursor = 0;
  private readonly random: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.random = options.random ?? Math.random;
  }

  /** Runs `task` when the host and the global limits allow it. */
  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(host, signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** A request that had its slot but was refused before it was sent (a forbidden address): not counted as one made. */
  notSent(host: string): void {
    const state = this.state(host);
    state.stats.requests = Math.max(0, state.stats.requests - 1);
  }

  /**
   * The host asked us to slow down, in answer to a request started at `requestStartedAt`:
   * pauses every request to `host` for `ms` (capped), from now, and returns the pause. Answers
   * to requests that were already under way when an earlier backoff was imposed count as that
   * same backoff. Returns null when the host is given up on (now or before).
   */
  backoff(host: string, ms: number, requestStartedAt = Date.now()): number | null {
    const state = this.state(host);
    if (state.gaveUp !== null) return null;
    const now = Date.now();
    const pause = Math.min(Math.max(ms, 0), this.options.maxBackoffMs);
    if (requestStartedAt >= state.lastBackoffAt) {
      state.backoffsInARow++;
      state.lastBackoffAt = now;
    }
    const most = this.options.maxBackoffsInARow ?? Infinity;
    if (state.backoffsInARow >= most) {
      this.giveUp(state, `${host} kept rate-limiting us (asked to back off ${state.backoffsInARow} times in a row); not checked further`);
      return null;
    }
    if (now + pause > (this.options.deadline ?? Infinity)) {
      this.giveUp(state, `${host} kept rate-limiting us (asked to wait ${Math.ceil(pause / 1000)} s, past the end of the run's time budget); not checked further`);
      return null;
    }
    const until = now + pause;
    if (until > state.notBefore) {
      state.stats.backoffMs += until - Math.max(state.notBefore, now);
      state.notBefore = until;
    }
    this.pump();
    return pause;
  }

  /** The host answered without asking us to slow down: its backoffs are no longer in a row. */
  served(host: string): void {
    this.state(host).backoffsInARow = 0;
  }

  /** Why the host was given up on, or null. */
  gaveUpOn(host: string): string | null {
    return this.hosts.get(host)?.gaveUp ?? null;
  }

  stats(): HostStats[] {
    return [...this.hosts.values()].map((state) => ({ ...state.stats }));
  }

  private giveUp(state: HostState, reason: string): void {
    state.gaveUp = reason;
    for (const waiter of state.queue.splice(0)) waiter.fail(new HostGaveUpError(reason));
  }

  private acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.state(host);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (state.gaveUp !== null) {
        reject(new HostGaveUpError(state.gaveUp));
        return;
      }
      const onAbort = (): void => {
        const index = state.queue.indexOf(waiter);
        if (index >= 0) state.queue.splice(index, 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            state.inFlight--;
            this.inFlight--;
            this.pump();
          });
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.queue.push(waiter);
      this.pump();
    });
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        limits: this.options.limitsFor(host),
        queue: [],
        inFlight: 0,
        notBefore: 0,
        backoffsInARow: 0,
        lastBackoffAt: -Infinity,
        gaveUp: null,
        stats: { host, requests: 0, maxInFlight: 0, backoffMs: 0 },
      };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(): void {
    const now = Date.now();
    let earliest = Infinity;
    const states = [...this.hosts.values()];
    let progressed = true;
    while (progressed && this.inFlight < this.options.globalLimit) {
      progressed = false;
      for (let step = 0; step < states.length && this.inFlight < this.options.globalLimit; step++) {
        const state = states[(this.cursor + step) % states.length]!;
        if (state.queue.length === 0 || state.inFlight >= state.limits.maxInFlight) continue;
        if (state.notBefore > now) {
          earliest = Math.min(earliest, state.notBefore);
          continue;
        }
        const waiter = state.queue.shift()!;
        state.inFlight++;
        this.inFlight++;
        state.stats.requests++;
        state.stats.maxInFlight = Math.max(state.stats.maxInFlight, state.inFlight);
        const spacing = state.limits.minSpacingMs * (1 + this.options.jitter * this.random());
        state.notBefore = now + spacing;
        this.cursor = (this.cursor + step + 1) % states.length;
        waiter.start();
        progressed = true;
        if (state.queue.length > 0 && state.inFlight < state.limits.maxInFlight && spacing > 0) {
          earliest = Math.min(earliest, state.notBefore);
        }
      }
    }
    this.wakeAt(earliest);
  }

  private wakeAt(at: number): void {
    if (at === Infinity || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - Date.now()));
  }
}
