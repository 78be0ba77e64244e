import { afterEach, describe, expect, it } from 'vitest';
import { HealthStore } from '../../../electron/storage/health-store';
import { SnapshotStore } from '../../../electron/storage/snapshot-store';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// A console that lists one agent id twice in a walk (seen in the field) must not make every
// snapshot "short" and so block the console's inventory for good.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('an agent id repeated in one walk', () => {
  it('keeps the copy with the latest updatedAt, warns naming the id, and stays complete', async () => {
    const f = (fixture = await startSyncFixture(tempDir(), {
      agents: 30,
      threats: 0,
      activities: 0,
    }));
    const [id, original] = [...f.s1.agents.entries()][7]!;
    const agent = original.value as Record<string, unknown>;
    const newer = {
      ...agent,
      computerName: 'renamed-copy',
      updatedAt: '2099-01-01T00:00:00.000000Z',
    };
    const older = {
      ...agent,
      computerName: 'stale-copy',
      updatedAt: '2000-01-01T00:00:00.000000Z',
    };
    // The fake keys its collection by anything; the listing shows all three with the same id.
    f.s1.agents.set(`${id}-copy-newer`, { value: newer, text: JSON.stringify(newer) });
    f.s1.agents.set(`${id}-copy-older`, { value: older, text: JSON.stringify(older) });

    const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });

    expect(result.apis.agents).toMatchObject({ state: 'complete', complete: true, fetched: 32 });
    const snapshots = new SnapshotStore(f.db);
    const current = snapshots.current(f.record.id)!;
    expect(current.agentCount).toBe(30);
    expect(JSON.parse(snapshots.agentJson(current.id, id)!)).toMatchObject({
      computerName: 'renamed-copy',
    });
    const warning = new HealthStore(f.db)
      .list(f.record.id)
      .find((event) => event.message.includes('more than once'));
    expect(warning).toMatchObject({ severity: 'warning', api: 'agents' });
    expect(warning?.message).toContain(id);
  });
});
