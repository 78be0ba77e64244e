import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { startForwardProxy } from '../../support/forward-proxy';
import { runS1inv } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

// Corporate laptops sit behind proxies: a per-console proxy and HTTP(S)_PROXY are honoured.

const TOKEN = 'tok-proxy-5e1f';
const tempDir = useTempDirs();
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
let s1: FakeS1Console;
let proxy: Awaited<ReturnType<typeof startForwardProxy>>;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  proxy = await startForwardProxy();
});
afterAll(async () => {
  await proxy.close();
  await s1.close();
});

describe('proxies', () => {
  it('sends the requests of a console through its own --proxy', async () => {
    const dataDir = tempDir();
    const add = await runS1inv(
      [
        '--data-dir',
        dataDir,
        'console',
        'add',
        '--name',
        'p',
        '--url',
        s1.url,
        '--proxy',
        proxy.url,
      ],
      { env },
    );
    expect(add.code).toBe(0);
    proxy.seen.length = 0;
    const test = await runS1inv(
      ['--data-dir', dataDir, 'console', 'test', 'p', '--token-env', 'S1_TOKEN'],
      { env },
    );
    expect(test.stderr).toBe('');
    expect(test.code).toBe(0);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.join('\n')).toContain(new URL(s1.url).host);
  });

  it('honours HTTP_PROXY from the environment, and NO_PROXY', async () => {
    const dataDir = tempDir();
    await runS1inv(['--data-dir', dataDir, 'console', 'add', '--name', 'e', '--url', s1.url], {
      env,
    });
    proxy.seen.length = 0;
    const viaProxy = await runS1inv(
      ['--data-dir', dataDir, 'console', 'test', 'e', '--token-env', 'S1_TOKEN'],
      {
        env: { ...env, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' },
      },
    );
    expect(viaProxy.code).toBe(0);
    expect(proxy.seen.length).toBeGreaterThan(0);

    proxy.seen.length = 0;
    const bypassed = await runS1inv(
      ['--data-dir', dataDir, 'console', 'test', 'e', '--token-env', 'S1_TOKEN'],
      {
        env: { ...env, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
      },
    );
    expect(bypassed.code).toBe(0);
    expect(proxy.seen).toEqual([]);
  });
});
