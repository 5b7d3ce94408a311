import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostGaveUpError, HostScheduler, type SchedulerOptions } from '../../src/links/scheduler.js';

function scheduler(maxInFlight: number, minSpacingMs: number, globalLimit = 100, more: Partial<SchedulerOptions> = {}) {
  return new HostScheduler({ globalLimit, limitsFor: () => ({ maxInFlight, minSpacingMs }), maxBackoffMs: 1000, jitter: 0, random: () => 0, ...more });
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

  it('gives a host up after it made us back off K times in a row: queued and later requests reject unmade', async () => {
    const hosts = scheduler(1, 0, 100, { maxBackoffsInARow: 3 });
    expect(hosts.backoff('h', 10, Date.now())).toBe(10);
    await sleep(15);
    expect(hosts.backoff('h', 10, Date.now())).toBe(10);
    let ran = 0;
    const queued = hosts.run('h', async () => ran++);
    await sleep(1);
    expect(hosts.backoff('h', 10, Date.now())).toBeNull();
    await expect(queued).rejects.toBeInstanceOf(HostGaveUpError);
    await expect(hosts.run('h', async () => ran++)).rejects.toThrow(/h kept rate-limiting us \(asked to back off 3 times in a row\)/u);
    expect(ran).toBe(0);
    expect(hosts.gaveUpOn('h')).toMatch(/kept rate-limiting/u);
    await expect(hosts.run('other', async () => 'served')).resolves.toBe('served');
  });

  it('answers to requests already under way count as the backoff they were part of', () => {
    const hosts = scheduler(4, 0, 100, { maxBackoffsInARow: 3 });
    const before = Date.now() - 1;
    for (let answer = 0; answer < 4; answer++) expect(hosts.backoff('h', 10, before)).toBe(10);
    expect(hosts.gaveUpOn('h')).toBeNull();
  });

  it('an answer that does not ask to slow down ends the streak', () => {
    const hosts = scheduler(4, 0, 100, { maxBackoffsInARow: 2 });
    hosts.backoff('h', 0, Date.now());
    hosts.served('h');
    expect(hosts.backoff('h', 0, Date.now() + 1)).toBe(0);
    expect(hosts.gaveUpOn('h')).toBeNull();
    expect(hosts.backoff('h', 0, Date.now() + 2)).toBeNull();
  });

  it('gives a host up at once when the pause it asks for would end past the deadline', () => {
    const hosts = scheduler(4, 0, 100, { maxBackoffMs: 120_000, deadline: Date.now() + 5000 });
    expect(hosts.backoff('quick', 1000)).toBe(1000);
    expect(hosts.backoff('slow', 60_000)).toBeNull();
    expect(hosts.gaveUpOn('slow')).toMatch(/asked to wait 60 s, past the end of the run's time budget/u);
  });
});
