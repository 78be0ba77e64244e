import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../electron/adapters/platform/external-url';

describe('checkExternalUrl, the choke point for opening links', () => {
  it('lets https links through', () => {
    expect(checkExternalUrl('https://docs.sekoia.io/x?y=1')?.href).toBe(
      'https://docs.sekoia.io/x?y=1',
    );
  });
  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'https://user:pass@example.com/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(checkExternalUrl(url)).toBeUndefined();
  });
});
