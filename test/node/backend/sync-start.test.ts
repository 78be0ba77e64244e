import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { FakeS1Console } from '../../support/fake-s1/server';
import { memoryBackend } from '../../support/memory-backend';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Sync now starts a sync and answers at once: the window gets progress and the end as events,
// and is never left waiting on a call for the length of a walk.

const TOKEN = 'tok-start-8c1d';
const tempDir = useTempDirs();
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 50, threats: 0, activities: 0 });
  s1.faults.add({ times: 1_000_000, fault: { kind: 'latency', ms: 100 } });
});
afterAll(() => s1.close());

describe('sync.start', () => {
  it('answers while the sync is still running, then reports its end as an event', async () => {
    const backend = memoryBackend(tempDir());
    await dispatch(backend, 'consoles.add', { name: 'lab', url: s1.url, token: TOKEN });
    const finished = new Promise((resolve) =>
      backend.events.subscribe((event, payload) => {
        if (event === 'sync.finished') resolve(payload);
      }),
    );
    expect(await dispatch(backend, 'sync.start', { name: 'lab' })).toEqual({
      ok: true,
      value: { started: true },
    });
    expect(backend.syncs.isRunning(backend.consoles.get('lab').id)).toBe(true);
    expect(await finished).toMatchObject({ console: 'lab', state: 'Idle', devices: 50 });
    await backend.close();
  });
});
