import pRetry from 'p-retry';
import { RETRY } from '../tuning';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Give up retrying after this long (Sumo: 90 minutes). */
  maxRetryTimeMs: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  /** Upper bound for an honoured Retry-After. */
  maxRetryAfterMs: number;
  /** Wait after a 429 that carries no Retry-After (reference: ~5 s). */
  default429Ms: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = RETRY;

/** What one remote API retries, and how long its answers ask to wait. */
export interface RetryRules {
  isRetryable: (error: unknown) => boolean;
  /** A wait the error itself asks for (Retry-After on 429/503), before the backoff. */
  waitBeforeRetryMs?: (error: unknown, policy: RetryPolicy) => number | undefined;
}

export interface RetryEvent {
  error: unknown;
  attempt: number;
  /** The wait the answer asked for (Retry-After, or a 429's default), as it will be waited. */
  waitMs?: number;
}

/**
 * Runs `operation` until it succeeds, fails with an error its rules do not retry, the retry
 * time runs out, or `signal` aborts. Backoff is exponential with jitter; an error that names
 * its own wait (Retry-After) is waited out first, capped by the policy.
 */
export function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  rules: RetryRules,
  signal?: AbortSignal,
  onRetry?: (event: RetryEvent) => void,
): Promise<T> {
  return pRetry(operation, {
    retries: Number.MAX_SAFE_INTEGER,
    factor: 2,
    minTimeout: policy.minTimeoutMs,
    maxTimeout: policy.maxTimeoutMs,
    randomize: true,
    maxRetryTime: policy.maxRetryTimeMs,
    ...(signal ? { signal } : {}),
    shouldRetry: ({ error }) => rules.isRetryable(error),
    onFailedAttempt: async ({ error, attemptNumber }) => {
      if (!rules.isRetryable(error)) return;
      const asked = rules.waitBeforeRetryMs?.(error, policy);
      const waitMs =
        asked !== undefined && asked > 0 ? Math.min(asked, policy.maxRetryAfterMs) : undefined;
      onRetry?.({ error, attempt: attemptNumber, ...(waitMs === undefined ? {} : { waitMs }) });
      if (waitMs !== undefined) await sleep(waitMs, undefined, signal ? { signal } : {});
    },
  });
}
