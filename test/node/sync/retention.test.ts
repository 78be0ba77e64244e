import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decompressChunk, type ChunkCodec } from '../../../electron/storage/chunk-store';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/adapters/db/migrate';
import { MIGRATIONS } from '../../../electron/adapters/db/migrations';
import { SyncEngine } from '../../../electron/domains/sync/sync-engine';
import { ConsoleRepository } from '../../../electron/storage/console-repository';
import { generateAgent } from '../../support/generate/agents';
import {
  FAST_LIMITS,
  FAST_RETRY,
  startSyncFixture,
  SYNC_TOKEN,
  type SyncFixture,
} from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Retention (issue 14): replaced snapshots are pruned, keeping the current one and the one
// before it by default (so a diff has two), and the space they held goes back to the disk.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const AGENTS = 400;
const count = (f: SyncFixture, sql: string) => f.db.prepare(sql).pluck().get() as number;
const startAgentsFixture = (dir = tempDir()) =>
  startSyncFixture(dir, { agents: AGENTS, threats: 0, activities: 0 });

/** Syncs agents, each time with a tenth of the fleet changed. */
async function syncRounds(
  f: SyncFixture,
  rounds: number,
  engine = f.engine,
  first = 0,
): Promise<void> {
  for (let round = first; round < first + rounds; round += 1) {
    f.s1.put(
      f.s1.agents,
      Array.from({ length: AGENTS / 10 }, (_, i) => ({
        ...generateAgent(i * 10),
        agentVersion: `24.${round}.0.${i}`,
      })),
    );
    const result = await engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect(result.apis.agents?.complete).toBe(true);
    await engine.precomputed();
  }
}

describe('snapshot retention', () => {
  it('keeps the current snapshot and the one before it, and frees what only the others held', async () => {
    const f = (fixture = await startAgentsFixture());
    await syncRounds(f, 4);
    expect(count(f, 'SELECT COUNT(*) FROM agent_snapshots')).toBe(2);
    expect(count(f, 'SELECT COUNT(*) FROM snapshot_members')).toBe(2 * AGENTS);
    // Every raw object, precomputed row and chunk is one a kept snapshot needs.
    expect(
      count(
        f,
        'SELECT COUNT(*) FROM raw_objects r WHERE NOT EXISTS (SELECT 1 FROM snapshot_members m WHERE m.raw_id = r.id)',
      ),
    ).toBe(0);
    expect(count(f, 'SELECT COUNT(*) FROM raw_objects')).toBe(AGENTS + AGENTS / 10);
    expect(
      count(
        f,
        `SELECT COUNT(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM raw_objects r WHERE r.chunk_id = c.id)
                AND NOT EXISTS (SELECT 1 FROM precomputed_agents p WHERE p.ocsf_chunk_id = c.id)
                AND NOT EXISTS (SELECT 1 FROM precomputed_agents p WHERE p.row_chunk_id = c.id)`,
      ),
    ).toBe(0);
    // The freed pages went back to the file system.
    expect(f.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(f.db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(f.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(f.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(f.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('stores only the changed agents of a later sync, in chunks cut down to their bytes', async () => {
    const f = (fixture = await startAgentsFixture());
    await syncRounds(f, 1);
    const lastChunk = count(f, 'SELECT MAX(id) FROM chunks');
    await syncRounds(f, 1, f.engine, 1);
    // A tenth of the fleet changed: only those are stored again, raw and precomputed (OCSF
    // records and device rows).
    const newRaw = `FROM raw_objects WHERE chunk_id > ${lastChunk}`;
    expect(count(f, `SELECT COUNT(*) ${newRaw}`)).toBe(AGENTS / 10);
    const newOcsf = `FROM precomputed_agents WHERE ocsf_chunk_id > ${lastChunk}`;
    expect(count(f, `SELECT COUNT(*) ${newOcsf}`)).toBe(AGENTS / 10);
    // The new chunks hold those objects and nothing else: their pages' unchanged agents,
    // stored before, were cut out rather than written twice.
    const inflated = (
      f.db.prepare(`SELECT bytes, codec FROM chunks WHERE id > ?`).all(lastChunk) as {
        bytes: Buffer;
        codec: ChunkCodec;
      }[]
    )
      .map(({ bytes, codec }) => decompressChunk(bytes, codec).length)
      .reduce((sum, n) => sum + n, 0);
    const referenced =
      count(f, `SELECT SUM(chunk_len) ${newRaw}`) +
      count(f, `SELECT SUM(ocsf_len) + SUM(row_len) ${newOcsf}`);
    expect(inflated).toBe(referenced);
  });

  it('frees the raw objects, outputs and chunks of a deleted console, and gives the space back', async () => {
    const f = (fixture = await startAgentsFixture());
    await syncRounds(f, 2);
    expect(count(f, 'SELECT COUNT(*) FROM chunks')).toBeGreaterThan(0);
    new ConsoleRepository(f.db).delete(f.record.id);
    for (const table of ['raw_objects', 'precomputed_agents', 'chunks'])
      expect(count(f, `SELECT COUNT(*) FROM ${table}`), table).toBe(0);
    expect(f.db.pragma('freelist_count', { simple: true })).toBe(0);
    // Chunks are deleted with foreign keys off for speed: they are on again afterwards.
    expect(f.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(f.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('switches a database made before retention to giving space back, with one VACUUM', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'inventory.sqlite'));
    migrate(old, MIGRATIONS, 'inventory.sqlite');
    expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
    old.close();
    const f = (fixture = await startAgentsFixture(dir));
    await syncRounds(f, 3);
    expect(f.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(f.db.pragma('freelist_count', { simple: true })).toBe(0);
  });

  it('follows the retention setting', async () => {
    const f = (fixture = await startAgentsFixture());
    const keepOne = new SyncEngine({
      storage: f.storage,
      clock: { now: () => new Date() },
      retryPolicy: FAST_RETRY,
      rateLimits: FAST_LIMITS,
      keepSnapshots: 1,
    });
    await syncRounds(f, 3, keepOne);
    expect(count(f, 'SELECT COUNT(*) FROM agent_snapshots')).toBe(1);
    expect(count(f, 'SELECT COUNT(*) FROM raw_objects')).toBe(AGENTS);
  });

  it('keeps a snapshot a push still has batches to send from', async () => {
    const f = (fixture = await startAgentsFixture());
    await syncRounds(f, 1);
    const first = count(f, 'SELECT MIN(id) FROM agent_snapshots');
    f.db.exec(`
      INSERT INTO push_targets (id, kind, name, settings, created_at)
        VALUES ('t1', 'sekoia', 'soc', '{}', 'x');
      INSERT INTO pushes (id, target_id, scope, started_at, state) VALUES (1, 't1', 'all', 'x', 'running');
      INSERT INTO push_batches (push_id, body, items, state, snapshot_id, agent_ids)
        VALUES (1, '', 1, 'pending', ${first}, '[]');
    `);
    await syncRounds(f, 3);
    const kept = f.db.prepare('SELECT id FROM agent_snapshots ORDER BY id').pluck().all();
    expect(kept).toHaveLength(3);
    expect(kept[0]).toBe(first);
  });
});
