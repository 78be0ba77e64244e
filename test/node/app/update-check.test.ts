import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { openDatabase } from '../../../electron/adapters/db/database';
import { RELEASES_PAGE } from '../../../electron/domains/app/update-check';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import packageJson from '../../../package.json' with { type: 'json' };
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

// Issue 28: "a newer version exists", off by default, one GET per launch when on, nothing sent
// but the request, nothing downloaded. The feed is a loopback server answering as the release
// feed does; the backend is told only its URL.

const tempDir = useTempDirs();
let feed: Server;
let feedUrl: string;
let answer: { status: number; body: unknown };
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  feed = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/releases/latest.json`;
});
afterAll(() => new Promise((resolve) => feed.close(resolve)));
beforeEach(() => {
  seen.length = 0;
  answer = {
    status: 200,
    body: { version: '99.1.0', url: 'https://s1inventory.io/releases/99.1.0' },
  };
});

function backendOn(dataDir: string): Backend {
  return new Backend({
    db: openDatabase(dataDir),
    secrets: new MemorySecretStore(),
    clock: { now: () => new Date('2027-02-01T00:00:00Z') },
    dataDir,
    platform: new ServePlatform(),
    releaseFeed: { url: feedUrl },
  });
}

const current = packageJson.version;

describe('the check for a newer version', () => {
  it('is off on a fresh install and asks nothing', async () => {
    const backend = backendOn(tempDir());
    expect(await dispatch(backend, 'app.settings', {})).toEqual({
      ok: true,
      value: { updateCheck: false },
    });
    expect(await dispatch(backend, 'app.updateCheck', {})).toEqual({
      ok: true,
      value: { state: 'off', current },
    });
    expect(seen).toEqual([]);
    await backend.close();
  });

  it('once on, asks once per launch, sends no version or identity, and keeps the setting', async () => {
    const dataDir = tempDir();
    const backend = backendOn(dataDir);
    await dispatch(backend, 'app.setSettings', { updateCheck: true });
    const newer = {
      state: 'newer',
      current,
      latest: '99.1.0',
      url: 'https://s1inventory.io/releases/99.1.0',
    };
    expect(await dispatch(backend, 'app.updateCheck', {})).toEqual({ ok: true, value: newer });
    expect(await dispatch(backend, 'app.updateCheck', {})).toEqual({ ok: true, value: newer });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/releases/latest.json');
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers['user-agent']).toBe('s1-inventory');
    expect(JSON.stringify(seen[0])).not.toContain(current);
    await backend.close();

    const reopened = backendOn(dataDir);
    expect(await dispatch(reopened, 'app.settings', {})).toEqual({
      ok: true,
      value: { updateCheck: true },
    });
    await reopened.close();
  });

  it.each([
    ['the same version', { version: current }, { state: 'current', latest: current }],
    [
      'a link off the release site',
      { version: '99.0.0', url: 'https://evil.example/s1inventory.exe' },
      { state: 'newer', latest: '99.0.0', url: RELEASES_PAGE },
    ],
    [
      'a feed without a version',
      { name: 'S1 Inventory' },
      { state: 'unknown', reason: expect.stringMatching(/not in the expected form/) as string },
    ],
  ])('answers %s', async (_case, body, expected) => {
    answer = { status: 200, body };
    const backend = backendOn(tempDir());
    await dispatch(backend, 'app.setSettings', { updateCheck: true });
    expect(await dispatch(backend, 'app.updateCheck', {})).toEqual({
      ok: true,
      value: { current, ...expected },
    });
    await backend.close();
  });

  it('says why when the feed cannot be read, and asks again next time', async () => {
    answer = { status: 503, body: {} };
    const backend = backendOn(tempDir());
    await dispatch(backend, 'app.setSettings', { updateCheck: true });
    expect(await dispatch(backend, 'app.updateCheck', {})).toEqual({
      ok: true,
      value: {
        state: 'unknown',
        current,
        reason: 'the release feed answered HTTP 503. The check runs again at the next launch.',
      },
    });
    answer = { status: 200, body: { version: '99.2.0' } };
    expect(await dispatch(backend, 'app.updateCheck', {})).toMatchObject({
      ok: true,
      value: { state: 'newer', latest: '99.2.0', url: RELEASES_PAGE },
    });
    expect(seen).toHaveLength(2);
    await backend.close();
  });
});
