import {
  S1HttpError,
  S1NetworkError,
  S1ResponseTooLargeError,
  S1TooManyItemsError,
  S1UnexpectedResponseError,
} from './errors';
import { TruncatedBodyError } from './page-splitter';

/**
 * The three error classes of Sumo Logic's source, which drive retries and health events:
 * - ThirdPartyConfig: the configuration must change (401, 403, 400, a wrong URL, TLS): no retry;
 * - ThirdPartyGeneric: the console or the network is in trouble (429, 5xx, resets, timeouts,
 *   truncated bodies): retried with backoff, for a bounded time;
 * - FirstPartyGeneric: local trouble (database, disk, keychain) or a bug: not retried; the
 *   run fails and says so.
 */
export type ErrorClass = 'ThirdPartyConfig' | 'ThirdPartyGeneric' | 'FirstPartyGeneric';

export function classifyError(error: unknown): ErrorClass {
  if (error instanceof S1HttpError) {
    if (error.status === 429 || error.status >= 500) return 'ThirdPartyGeneric';
    return 'ThirdPartyConfig';
  }
  if (error instanceof S1NetworkError) {
    return error.failure === 'tls' || error.failure === 'dns'
      ? 'ThirdPartyConfig'
      : 'ThirdPartyGeneric';
  }
  if (error instanceof TruncatedBodyError) return 'ThirdPartyGeneric';
  // An endless answer comes again on a retry: fix the URL instead.
  if (error instanceof S1ResponseTooLargeError) return 'ThirdPartyConfig';
  // So does a page or walk beyond what was asked for or counted.
  if (error instanceof S1TooManyItemsError) return 'ThirdPartyConfig';
  if (error instanceof S1UnexpectedResponseError) {
    return error.reason === 'an HTML page' ? 'ThirdPartyConfig' : 'ThirdPartyGeneric';
  }
  return 'FirstPartyGeneric';
}

export function isRetryable(error: unknown): boolean {
  return classifyError(error) === 'ThirdPartyGeneric';
}
