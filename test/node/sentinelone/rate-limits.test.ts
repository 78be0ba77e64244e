import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiters } from '../../../electron/adapters/sentinelone/rate-limits';

// The pacing of requests per endpoint, on the test's own clock (fake timers: Date.now and
// setTimeout both), so the times below are exact.

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

async function startTimes(limiters: RateLimiters, paths: string[], runForMs: number) {
  const t0 = Date.now();
  const started: [string, number][] = [];
  const done = paths.map((path) =>
    limiters.schedule(path, () => {
      started.push([path, Date.now() - t0]);
      return Promise.resolve();
    }),
  );
  await vi.advanceTimersByTimeAsync(runForMs);
  await Promise.all(done);
  return started;
}

describe('rate limits', () => {
  it('starts a request within budget at once, on the same turn', () => {
    const limiters = new RateLimiters({ '/agents': { perSecond: 25, burst: 1 } });
    let started = false;
    void limiters.schedule('/agents', () => {
      started = true;
      return Promise.resolve();
    });
    expect(started).toBe(true);
  });

  it('paces an endpoint to its rate, and /agents/count shares the /agents budget', async () => {
    const limiters = new RateLimiters({ '/agents': { perSecond: 25, burst: 1 } });
    const started = await startTimes(limiters, ['/agents', '/agents/count', '/agents'], 200);
    expect(started).toEqual([
      ['/agents', 0],
      ['/agents/count', 40],
      ['/agents', 80],
    ]);
  });

  it('lets a burst through, then never more than the burst in any window', async () => {
    const limiters = new RateLimiters({ '/threats': { perSecond: 10, burst: 3 } });
    const at = (await startTimes(limiters, Array(7).fill('/threats') as string[], 2000)).map(
      ([, ms]) => ms,
    );
    expect(at.slice(0, 3)).toEqual([0, 0, 0]);
    expect(at).toHaveLength(7);
    for (let i = 3; i < at.length; i += 1) expect(at[i]! - at[i - 3]!).toBeGreaterThanOrEqual(300);
  });

  it('keeps endpoints apart, and paces any other path by the default', async () => {
    const limiters = new RateLimiters({
      '/agents': { perSecond: 25, burst: 1 },
      default: { perSecond: 2, burst: 1 },
    });
    const started = await startTimes(limiters, ['/agents', '/sites', '/accounts', '/agents'], 1000);
    expect(started).toEqual([
      ['/agents', 0],
      ['/sites', 0],
      ['/agents', 40],
      ['/accounts', 500],
    ]);
  });
});
