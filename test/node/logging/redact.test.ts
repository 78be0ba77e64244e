import { describe, expect, it } from 'vitest';
import { redact } from '../../../electron/adapters/logging/redact';

// The one redaction path: whatever a message quotes, a credential in it never survives.

describe('redact', () => {
  it.each([
    [
      'a plain password',
      'proxy http://u:S3CRET-pw@proxy:3128 refused',
      'proxy http://[redacted]@proxy:3128 refused',
    ],
    [
      'a password with a space',
      'proxy http://u:S3CRET pw@proxy:3128 refused',
      'proxy http://[redacted]@proxy:3128 refused',
    ],
    [
      'a password with an @',
      'GET https://bob:S3C@RET@c.example/web failed',
      'GET https://[redacted]@c.example/web failed',
    ],
    ['a bare user', 'socks5://ana@proxy:1080', 'socks5://[redacted]@proxy:1080'],
  ])('removes %s from a URL', (_what, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('leaves a URL without credentials, and an address after its path, alone', () => {
    expect(
      redact('GET https://c.example/web/api/v2.1/agents?x=1 failed; mail ops@corp.example'),
    ).toBe('GET https://c.example/web/api/v2.1/agents?x=1 failed; mail ops@corp.example');
  });

  it('removes a known secret wherever it appears, and API token headers', () => {
    expect(redact('title: token eyJhbGciOi.abc was refused', ['eyJhbGciOi.abc'])).toBe(
      'title: token [redacted] was refused',
    );
    expect(redact('Authorization: ApiToken abcdef123456')).toBe(
      'Authorization: ApiToken [redacted]',
    );
  });
});
