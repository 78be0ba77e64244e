import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../electron/adapters/platform/external-url';

const ALLOWED = new Set(['docs.sekoia.io', 'acme.sentinelone.net']);

describe('checkExternalUrl, the choke point for opening links', () => {
  it('lets https links to allowed hosts through', () => {
    expect(checkExternalUrl('https://docs.sekoia.io/x?y=1', ALLOWED)?.href).toBe(
      'https://docs.sekoia.io/x?y=1',
    );
    expect(checkExternalUrl('https://ACME.sentinelone.net/', ALLOWED)).toBeDefined();
  });
  it.each([
    'http://docs.sekoia.io/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'https://user:pass@docs.sekoia.io/',
    'not a url',
    'https://example.com/',
    'https://docs.sekoia.io.evil.example/',
  ])('refuses %s', (url) => {
    expect(checkExternalUrl(url, ALLOWED)).toBeUndefined();
  });
});
