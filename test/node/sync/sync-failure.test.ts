import { describe, expect, it } from 'vitest';
import { classifyError, isRetryable } from '../../../electron/adapters/sentinelone/error-class';
import { S1HttpError, S1NetworkError } from '../../../electron/adapters/sentinelone/errors';
import { describeFailure } from '../../../electron/domains/sync/sync-failure';

// docs/sync.md's table of error classes, held to the code.

const dns = new S1NetworkError('dns', 'ENOTFOUND', 'getaddrinfo ENOTFOUND acme.sentinelone.net');

describe('a failed walk says what failed and what to do', () => {
  it('does not retry a host name that does not resolve, and says to check the URL or VPN', () => {
    expect(classifyError(dns)).toBe('ThirdPartyConfig');
    expect(isRetryable(dns)).toBe(false);
    expect(describeFailure('agents', dns, classifyError(dns))).toBe(
      'The agents sync stopped: getaddrinfo ENOTFOUND acme.sentinelone.net. The host name does not resolve: check the console URL, or connect the VPN or network it needs, then sync again.',
    );
  });

  it('retries resets and timeouts, and says the console or network kept failing', () => {
    for (const failure of ['reset', 'timeout', 'refused'] as const) {
      const error = new S1NetworkError(failure, undefined, `a ${failure}`);
      expect(isRetryable(error)).toBe(true);
      expect(describeFailure('threats', error, classifyError(error))).toContain(
        'The console or the network kept failing; sync again later.',
      );
    }
  });

  it('does not retry local trouble, and names it', () => {
    const error = new Error('SQLITE_FULL: database or disk is full');
    expect(classifyError(error)).toBe('FirstPartyGeneric');
    expect(isRetryable(error)).toBe(false);
    expect(describeFailure('activities', error, classifyError(error))).toContain(
      'check free space and permissions',
    );
  });

  it('sends a refused token to its configuration', () => {
    const error = new S1HttpError(
      401,
      '/agents',
      [{ code: 4010010, title: 'Authentication Failed' }],
      undefined,
      true,
    );
    expect(isRetryable(error)).toBe(false);
    expect(describeFailure('agents', error, classifyError(error))).toContain(
      'Check the console URL, the token and its permissions',
    );
  });
});
