import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { openDatabase } from '../../../electron/adapters/db/database';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import type { ConsoleView } from '../../../shared/contract/views';
import { FakeS1Console } from '../../support/fake-s1/server';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { FAST_LIMITS, FAST_RETRY } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Honest state (issue 15): while a console fails, its card says what failed, since when and
// when the sync gives up, with an amber badge; once a sync goes through, the badge clears.

const tempDir = useTempDirs();
const NOW = new Date('2031-05-04T08:00:00.000Z');
const TOKEN = 'tok-problem-42';
let s1: FakeS1Console | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await backend?.close();
  await s1?.close();
});

const consoleView = async (b: Backend) => {
  const listed = await dispatch(b, 'consoles.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as ConsoleView[])[0]!;
};

describe('the console card while a console fails', () => {
  it('says what is retried, since when and when it gives up; the badge is amber, then clears', async () => {
    let now = NOW;
    s1 = (await FakeS1Console.start({ clock: { now: () => now } })).addToken(TOKEN, {
      scope: 'global',
    });
    backend = new Backend({
      db: openDatabase(tempDir()),
      secrets: new MemorySecretStore(),
      clock: { now: () => now },
      dataDir: tempDir(),
      platform: new ServePlatform(),
      sync: {
        rateLimits: FAST_LIMITS,
        retryPolicy: {
          maxRetryTimeMs: 45 * 60_000,
          minTimeoutMs: 5,
          maxTimeoutMs: 20,
          maxRetryAfterMs: 20,
          default429Ms: 5,
        },
      },
    });
    const b = backend;
    await dispatch(b, 'consoles.add', {
      name: 'prod',
      url: s1.url,
      token: TOKEN,
      apis: ['agents'],
    });
    s1.faults.add({
      path: '/agents/count',
      times: 1_000_000,
      fault: { kind: 'status', status: 503 },
    });
    // The card hears of each retry: no state changes while one goes on.
    let changesAfterRetry = 0;
    b.events.subscribe((event) => {
      if (event === 'console.changed') {
        const problem = b.storage.health.list(undefined, 1)[0];
        if (problem?.message.startsWith('Retrying')) changesAfterRetry += 1;
      }
    });
    expect((await dispatch(b, 'sync.start', { name: 'prod' })).ok).toBe(true);

    let view = await consoleView(b);
    for (let tries = 0; !view.problem?.givesUpAt && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      view = await consoleView(b);
    }
    expect(changesAfterRetry).toBeGreaterThan(0);
    expect(view.problem).toMatchObject({
      severity: 'warning',
      since: NOW.toISOString(),
      givesUpAt: new Date(NOW.getTime() + 45 * 60_000).toISOString(),
    });
    expect(view.problem?.message).toMatch(/^Retrying GET \/agents\/count after: .*503/);
    expect(view.health).toMatchObject({ errors: 0 });
    expect(view.health.warnings).toBeGreaterThan(0);

    await dispatch(b, 'sync.cancel', { name: 'prod' });
    for (let tries = 0; view.syncing && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      view = await consoleView(b);
    }
    s1.faults.clear();
    now = new Date(NOW.getTime() + 60 * 60_000);
    const run = await dispatch(b, 'sync.run', { names: ['prod'] });
    expect(run.ok).toBe(true);
    view = await consoleView(b);
    expect(view.health).toEqual({ errors: 0, warnings: 0 });
    expect(view.problem).toBeUndefined();
  });

  it('stops saying "Retrying" once the sync that retried has gone through', async () => {
    s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
    backend = new Backend({
      db: openDatabase(tempDir()),
      secrets: new MemorySecretStore(),
      clock: { now: () => NOW },
      dataDir: tempDir(),
      platform: new ServePlatform(),
      sync: { rateLimits: FAST_LIMITS, retryPolicy: FAST_RETRY },
    });
    await dispatch(backend, 'consoles.add', { name: 'prod', url: s1.url, token: TOKEN });
    s1.faults.add({ path: '/agents', times: 2, fault: { kind: 'status', status: 503 } });
    expect(await dispatch(backend, 'sync.run', { names: ['prod'] })).toMatchObject({ ok: true });
    const view = await consoleView(backend);
    expect(view).toMatchObject({ state: 'Idle', syncing: false });
    expect(view.problem).toBeUndefined();
    // The retries stay listed in the console's health events, as history.
    expect(backend.storage.health.list(undefined, 10).map((event) => event.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Retrying GET \/agents after: .*503/)]),
    );
  });
});
