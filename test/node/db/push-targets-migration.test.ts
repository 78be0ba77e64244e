import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/adapters/db/migrate';
import { MIGRATIONS } from '../../../electron/adapters/db/migrations';
import { openStorage } from '../../../electron/storage/storage';
import { SekoiaTargets } from '../../../electron/domains/sekoia/sekoia-targets';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

describe('migration 17: Sekoia targets become push targets', () => {
  it('keeps every target, push and batch of an existing database, and their references', () => {
    const db = new Database(join(tempDir(), 'old.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 16), 'old.sqlite');
    db.exec(`
      INSERT INTO sekoia_targets (id, name, connector_uuid, base_url, endpoint, batch_size, legacy_device_types, key_stored, created_at)
        VALUES ('t1', 'soc', '8f0c7a2e-1111-4222-8333-944444444444', 'https://app.sekoia.io', NULL, 500, 0, 1, '2026-01-01T00:00:00Z'),
               ('t2', 'Lab', '8f0c7a2e-1111-4222-8333-955555555555', 'https://app.eu.sekoia.io', 'https://intake.example/x', 1000, 1, 0, '2026-02-01T00:00:00Z');
      INSERT INTO pushes (id, target_id, scope, started_at, finished_at, state, message)
        VALUES (7, 't1', '{"target":"soc"}', '2026-03-01T00:00:00Z', NULL, 'failed', 'stopped');
      INSERT INTO push_batches (push_id, body, items, state) VALUES
        (7, '{"version":1,"items":[{}]}', 1, 'delivered'),
        (7, '{"version":1,"items":[{}]}', 1, 'failed');
    `);
    migrate(db, MIGRATIONS, 'old.sqlite');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sekoia_targets'").get()).toBe(
      undefined,
    );

    const storage = openStorage(db, clock);
    const targets = new SekoiaTargets(storage.pushTargets, new MemorySecretStore(), clock);
    expect(targets.list()).toEqual([
      {
        id: 't2',
        name: 'Lab',
        connectorUuid: '8f0c7a2e-1111-4222-8333-955555555555',
        baseUrl: 'https://app.eu.sekoia.io',
        endpoint: 'https://intake.example/x',
        batchSize: 1000,
        legacyDeviceTypes: true,
        keyStored: false,
        createdAt: '2026-02-01T00:00:00Z',
      },
      {
        id: 't1',
        name: 'soc',
        connectorUuid: '8f0c7a2e-1111-4222-8333-944444444444',
        baseUrl: 'https://app.sekoia.io',
        batchSize: 500,
        legacyDeviceTypes: false,
        keyStored: true,
        createdAt: '2026-01-01T00:00:00Z',
      },
    ]);
    // The unfinished push can still be resumed, its batches where they were.
    expect(storage.outbox.unfinishedPush('t1')).toBe(7);
    expect(storage.outbox.batchRows(7).map((row) => row.state)).toEqual(['delivered', 'failed']);
    // Removing the target still takes its pushes and their batches with it.
    storage.pushTargets.delete('t1');
    expect(db.prepare('SELECT COUNT(*) FROM push_batches').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a migration that would leave a broken reference, and changes nothing', () => {
    const db = new Database(join(tempDir(), 'broken.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 16), 'broken.sqlite');
    // A push whose target is gone: impossible with foreign keys on, as an old bug could leave it.
    db.pragma('foreign_keys = OFF');
    db.exec(`INSERT INTO pushes (target_id, scope, started_at, state)
             VALUES ('gone', '{}', '2026-03-01T00:00:00Z', 'failed')`);
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, MIGRATIONS, 'broken.sqlite')).toThrow(/broken reference/);
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'sekoia_targets'").get(),
    ).toEqual({ name: 'sekoia_targets' });
    db.close();
  });
});
