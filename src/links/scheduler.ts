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
}

interface Waiter {
  start: () => void;
}

interface HostState {
  limits: HostLimits;
  queue: Waiter[];
  inFlight: number;
  /** Earliest time (ms) the next request may start. */
  notBefore: number;
  stats: HostStats;
}

/**
 * Decides when each request may start: per host, a minimum spacing between starts, a bound
 * on requests in flight and one shared backoff (a host that answers "slow down" to one URL
 * slows every URL of that host); across hosts, a global bound on requests in flight. Hosts
 * are served round-robin, each host's requests in arrival order.
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

  /** Pauses every request to `host` for `ms` (capped), from now. */
  backoff(host: string, ms: number): void {
    const state = this.state(host);
    const pause = Math.min(Math.max(ms, 0), this.options.maxBackoffMs);
    const until = Date.now() + pause;
    if (until > state.notBefore) {
      state.stats.backoffMs += until - Math.max(state.notBefore, Date.now());
      state.notBefore = until;
    }
    this.pump();
  }

  stats(): HostStats[] {
    return [...this.hosts.values()].map((state) => ({ ...state.stats }));
  }

  private acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.state(host);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        const index = state.queue.indexOf(waiter);
        if (index >= 0) state.queue.splice(index, 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
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
