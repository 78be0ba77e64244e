import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { memoryBackend } from '../../support/memory-backend';
import { runS1invInProcess } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

// Credentials never ride in a URL: refused for consoles, proxies and Sekoia targets alike, and
// no message that quotes a refused URL repeats them.

const SECRET = 'S3CRET-pw-91f2';
const SPACED = 'S3CRET pw-91f2';
const AT = 'S3CRET@pw-91f2';
const tempDir = useTempDirs();
const UUID = '3f2d2e6a-6b1c-4f7e-9a55-2f7a2b7f0c11';

const backend = () => memoryBackend(tempDir());

describe('credentials in URLs', () => {
  it.each([
    ['a console URL over http', { name: 'a', url: `http://bob:${SECRET}@console.example.com` }],
    ['a console URL over https', { name: 'a', url: `https://bob:${SECRET}@console.example.com` }],
    [
      'a SOCKS proxy',
      {
        name: 'a',
        url: 'https://console.example.com',
        proxyUrl: `socks5://u:${SECRET}@proxy:1080`,
      },
    ],
    [
      'an HTTP proxy',
      { name: 'a', url: 'https://console.example.com', proxyUrl: `http://u:${SECRET}@proxy:3128` },
    ],
    [
      'a proxy whose password holds a space',
      { name: 'a', url: 'https://console.example.com', proxyUrl: `http://u:${SPACED}@proxy:3128` },
    ],
    [
      'a proxy whose password holds an @',
      { name: 'a', url: 'https://console.example.com', proxyUrl: `http://u:${AT}@proxy:3128` },
    ],
    ['a console URL whose password holds an @', { name: 'a', url: `https://bob:${AT}@c.example` }],
  ])('are refused for %s, and the message does not repeat them', async (_what, args) => {
    const result = await dispatch(backend(), 'consoles.add', args);
    expect(result.ok).toBe(false);
    for (const part of [SECRET, 'S3CRET pw', 'pw-91f2']) {
      expect(JSON.stringify(result)).not.toContain(part);
    }
  });

  it.each([
    ['base URL', { baseUrl: `https://user:${SECRET}@app.sekoia.io` }],
    ['endpoint', { endpoint: `https://user:${SECRET}@api.sekoia.io/v2/intake` }],
  ])('are refused in a Sekoia target’s %s', async (_what, url) => {
    const b = backend();
    const result = await dispatch(b, 'sekoia.add', { name: 'soc', connectorUuid: UUID, ...url });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(await dispatch(b, 'sekoia.list', {}))).not.toContain(SECRET);
  });

  it('never reach the CLI’s error line', async () => {
    const run = await runS1invInProcess([
      '--data-dir',
      tempDir(),
      'console',
      'add',
      '--name',
      'a',
      '--url',
      `http://user:${SECRET}@console.example.com`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('http://[redacted]@console.example.com');
    expect(run.stderr + run.stdout).not.toContain(SECRET);
  });
});
