import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncAlreadyRunningError } from '../../../electron/domains/sync/sync-engine';
import { SyncLocks } from '../../../electron/storage/sync-lock-store';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';

// One sync per console across processes sharing a data directory (app, serve, CLI).

let f: SyncFixture;
beforeAll(async () => {
  f = await startSyncFixture(fs.mkdtempSync('/tmp/s1inv-lock-'), {
    agents: 50,
    threats: 0,
    activities: 0,
  });
});
afterAll(async () => {
  await f.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

const holdAs = (pid: number, host = hostname()) =>
  f.db
    .prepare(
      `INSERT OR REPLACE INTO sync_locks (console_id, host, pid, acquired_at) VALUES (?, ?, ?, '2026-11-23T10:00:00Z')`,
    )
    .run(f.record.id, host, pid);
const lockRows = () => f.db.prepare('SELECT COUNT(*) FROM sync_locks').pluck().get() as number;

describe('the cross-process sync lock', () => {
  it('refuses a sync while another live process holds the console, naming it', async () => {
    const other = spawn('sleep', ['30']);
    try {
      holdAs(other.pid!);
      const error = await f.engine
        .sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncAlreadyRunningError);
      expect((error as Error).message).toContain(`pid ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a process that died mid-sync, and releases it after', async () => {
    const dead = spawnSync('true');
    holdAs(dead.pid);
    const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect(result.apis.agents?.complete).toBe(true);
    expect(lockRows()).toBe(0);
  });

  it('does not take over a lock held on another host (its process cannot be checked)', () => {
    holdAs(12345, 'another-laptop');
    const holder = new SyncLocks(f.db).acquire(f.record.id, new Date());
    expect(holder).toMatchObject({ host: 'another-laptop', pid: 12345 });
    f.db.exec('DELETE FROM sync_locks');
  });
});
