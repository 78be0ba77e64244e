import Bottleneck from 'bottleneck';

/** Requests per second and burst per endpoint, per token (reference §9). */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  '/agents': { perSecond: 25, burst: 1 },
  '/threats': { perSecond: 10, burst: 50 },
  '/activities': { perSecond: 10, burst: 30 },
  '/user': { perSecond: 2, burst: 5 },
  default: { perSecond: 2, burst: 1 },
};

/**
 * Client-side pacing, one limiter per endpoint of one console (tokens are per console).
 * `/agents/count` shares the `/agents` budget.
 */
export class RateLimiters {
  private readonly limiters = new Map<string, Bottleneck>();

  constructor(private readonly limits: Readonly<Record<string, RateLimit>> = DEFAULT_RATE_LIMITS) {}

  schedule<T>(path: string, task: () => Promise<T>): Promise<T> {
    return this.limiterFor(path).schedule(task);
  }

  private limiterFor(path: string): Bottleneck {
    const endpoint =
      Object.keys(this.limits).find(
        (key) => key !== 'default' && (path === key || path.startsWith(`${key}/`)),
      ) ?? 'default';
    let limiter = this.limiters.get(endpoint);
    if (!limiter) {
      const limit = this.limits[endpoint] ?? this.limits.default ?? { perSecond: 2, burst: 1 };
      const refreshMs = Math.ceil((1000 * limit.burst) / limit.perSecond);
      limiter = new Bottleneck({
        minTime: Math.floor(1000 / limit.perSecond / Math.max(1, limit.burst)),
        reservoir: limit.burst,
        reservoirRefreshAmount: limit.burst,
        reservoirRefreshInterval: refreshMs,
        // Bottleneck refills reservoirs on its heartbeat, 250 ms by default: at 25/s that
        // would pace requests at 4/s.
        heartbeatInterval: Math.min(250, refreshMs),
      });
      this.limiters.set(endpoint, limiter);
    }
    return limiter;
  }
}
