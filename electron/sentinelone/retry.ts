import pRetry from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRetryable } from './error-class';
import { S1HttpError } from './errors';

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

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetryTimeMs: 90 * 60_000,
  minTimeoutMs: 1_000,
  maxTimeoutMs: 60_000,
  maxRetryAfterMs: 10 * 60_000,
  default429Ms: 5_000,
};

export interface RetryEvent {
  error: unknown;
  attempt: number;
}

/**
 * Runs `operation` until it succeeds, fails with an error that must not be retried
 * (ThirdPartyConfig, local trouble), the retry time runs out, or `signal` aborts.
 * Backoff is exponential with jitter; a 429 or 503 waits at least its Retry-After.
 */
export function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
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
    shouldRetry: ({ error }) => isRetryable(error),
    onFailedAttempt: async ({ error, attemptNumber }) => {
      if (!isRetryable(error)) return;
      onRetry?.({ error, attempt: attemptNumber });
      if (error instanceof S1HttpError && (error.status === 429 || error.status === 503)) {
        const wait = error.retryAfterMs ?? (error.status === 429 ? policy.default429Ms : 0);
        if (wait > 0)
          await sleep(Math.min(wait, policy.maxRetryAfterMs), undefined, signal ? { signal } : {});
      }
    },
  });
}
