import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostScheduler } from '../../src/links/scheduler.js';

function scheduler(maxInFlight: number, minSpacingMs: number, globalLimit = 100) {
  return new HostScheduler({ globalLimit, limitsFor: () => ({ maxInFlight, minSpacingMs }), maxBackoffMs: 1000, jitter: 0, random: () => 0 });
}

describe('the per-host scheduler', () => {
  it('keeps the minimum spacing between starts on one host', async () => {
    const hosts = scheduler(10, 40);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => hosts.run('a', async () => void starts.push(Date.now()))));
    for (let index = 1; index < starts.length; index++) expect(starts[index]! - starts[index - 1]!).toBeGreaterThanOrEqual(38);
  });

  it('bounds the requests in flight per host and across hosts', async () => {
    const hosts = scheduler(2, 0, 3);
    let inFlight = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerHost = 0;
    const task = (host: string) => async () => {
      inFlight++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      most = Math.max(most, inFlight);
      mostPerHost = Math.max(mostPerHost, perHost.get(host)!);
      await sleep(10);
      inFlight--;
      perHost.set(host, perHost.get(host)! - 1);
    };
    await Promise.all(['a', 'b', 'c'].flatMap((host) => Array.from({ length: 6 }, () => hosts.run(host, task(host)))));
    expect(most).toBe(3);
    expect(mostPerHost).toBe(2);
    expect(hosts.stats().map((stats) => stats.maxInFlight)).toEqual([2, 2, 2]);
  });

  it('one backoff holds every request to that host, not the others', async () => {
    const hosts = scheduler(4, 0);
    hosts.backoff('slow', 200);
    const started = Date.now();
    const [slow, fast] = await Promise.all([hosts.run('slow', async () => Date.now() - started), hosts.run('fast', async () => Date.now() - started)]);
    expect(slow).toBeGreaterThanOrEqual(190);
    expect(fast).toBeLessThan(100);
  });

  it('caps the backoff a host can ask for', async () => {
    const hosts = scheduler(4, 0);
    hosts.backoff('greedy', 3_600_000);
    const started = Date.now();
    await hosts.run('greedy', async () => undefined);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a waiting request leaves the queue when its signal aborts', async () => {
    const hosts = scheduler(1, 0);
    hosts.backoff('h', 500);
    const controller = new AbortController();
    const waiting = hosts.run('h', async () => 'ran', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
  });
});
