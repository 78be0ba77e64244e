import { isRetryable } from './error-class';
import { S1HttpError } from './errors';
import type { RetryRules } from '../http/retry';

/** SentinelOne: ThirdPartyGeneric errors are retried; 429 and 503 wait out their Retry-After. */
export const S1_RETRY_RULES: RetryRules = {
  isRetryable,
  waitBeforeRetryMs: (error, policy) => {
    if (!(error instanceof S1HttpError) || (error.status !== 429 && error.status !== 503))
      return undefined;
    return error.retryAfterMs ?? (error.status === 429 ? policy.default429Ms : 0);
  },
};
