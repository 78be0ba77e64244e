import { afterEach, describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../electron/domains/sync/snapshot-diff';
import { SnapshotStore } from '../../../electron/storage/snapshot-store';
import { generateAgent } from '../../support/generate/agents';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => fixture?.close());

describe('snapshot history', () => {
  it('stores unchanged agents once and diffs any two snapshots', async () => {
    fixture = await startSyncFixture(tempDir(), { agents: 300, threats: 0, activities: 0 });
    const { s1, db, engine, record } = fixture;
    const snapshots = new SnapshotStore(db);
    await engine.sync({ console: record, token: SYNC_TOKEN, apis: ['agents'] });
    const first = snapshots.current(record.id)!.id;
    const rawBefore = db.prepare('SELECT COUNT(*) FROM raw_objects').pluck().get();

    const ids = [...s1.agents.keys()];
    s1.agents.delete(ids[0]!);
    s1.agents.delete(ids[1]!);
    s1.put(s1.agents, [generateAgent(900), generateAgent(901), generateAgent(902)]);
    const changedId = ids[5]!;
    const changed = {
      ...(s1.agents.get(changedId)!.value as Record<string, unknown>),
      lastActiveDate: '2026-11-23T10:00:00.000000Z',
      infected: true,
    };
    s1.put(s1.agents, [changed]);

    await engine.sync({ console: record, token: SYNC_TOKEN, apis: ['agents'] });
    const second = snapshots.current(record.id)!.id;
    expect(second).not.toBe(first);
    // 3 new agents and 1 changed one are new raw objects; the 297 unchanged are shared.
    expect(db.prepare('SELECT COUNT(*) FROM raw_objects').pluck().get()).toBe(
      Number(rawBefore) + 4,
    );

    const diff = diffSnapshots(new SnapshotStore(db), first, second);
    expect(diff.added).toEqual([
      '1559342436000000900',
      '1559342436000000901',
      '1559342436000000902',
    ]);
    expect(diff.removed).toEqual([ids[0], ids[1]].sort());
    expect(diff.changed).toEqual([{ agentId: changedId, fields: ['infected', 'lastActiveDate'] }]);
  });
});
