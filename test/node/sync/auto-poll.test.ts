import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoPoller } from '../../../electron/domains/sync/auto-poll';

afterEach(() => vi.useRealTimers());

describe('AutoPoller', () => {
  it('runs every interval, never two runs at once, and stops', async () => {
    vi.useFakeTimers();
    let running = 0;
    let maxConcurrent = 0;
    let runs = 0;
    const poller = new AutoPoller(async () => {
      running += 1;
      maxConcurrent = Math.max(maxConcurrent, running);
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 7 * 60_000)); // longer than the interval
      running -= 1;
    }, 5 * 60_000);
    poller.start();
    poller.start();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(7 * 60_000 + 5 * 60_000);
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
    poller.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(runs).toBe(2);
    expect(poller.running).toBe(false);
  });

  it('keeps polling after a failed run and reports the failure', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const poller = new AutoPoller(
      async () => {
        runs += 1;
        throw new Error('console down');
      },
      1_000,
      undefined,
      (error) => errors.push(error),
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(3_500);
    expect(runs).toBe(3);
    expect(errors).toHaveLength(3);
    poller.stop();
  });
});
