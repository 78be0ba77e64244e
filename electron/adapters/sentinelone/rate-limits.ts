import pThrottle from 'p-throttle';
import { RATE_LIMITS } from '../tuning';

/** Requests per second and burst per endpoint, per token (reference §9). */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimit>> = RATE_LIMITS;

type Throttled = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Client-side pacing, one limiter per endpoint of one console (tokens are per console):
 * at most `burst` requests in any window of `burst / perSecond` seconds. `/agents/count`
 * shares the `/agents` budget. A request within budget starts at once, on this turn of the
 * event loop: the walk sends the next page's request while it splits the current one, and a
 * limiter that always waits a few timer turns (as Bottleneck did) held the split back.
 */
export class RateLimiters {
  private readonly limiters = new Map<string, Throttled>();

  constructor(private readonly limits: Readonly<Record<string, RateLimit>> = DEFAULT_RATE_LIMITS) {}

  schedule<T>(path: string, task: () => Promise<T>): Promise<T> {
    return this.limiterFor(path)(task);
  }

  private limiterFor(path: string): Throttled {
    const endpoint =
      Object.keys(this.limits).find(
        (key) => key !== 'default' && (path === key || path.startsWith(`${key}/`)),
      ) ?? 'default';
    let limiter = this.limiters.get(endpoint);
    if (!limiter) {
      const limit = this.limits[endpoint] ?? this.limits.default ?? { perSecond: 2, burst: 1 };
      // strict: a sliding window, so no two windows' bursts meet at their edge.
      const run = pThrottle({
        limit: limit.burst,
        interval: Math.ceil((1000 * limit.burst) / limit.perSecond),
        strict: true,
      })((task: () => Promise<unknown>) => task());
      limiter = run as Throttled;
      this.limiters.set(endpoint, limiter);
    }
    return limiter;
  }
}
