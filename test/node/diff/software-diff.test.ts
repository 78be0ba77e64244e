import { afterEach, describe, expect, it } from 'vitest';
import { diffConsole } from '../../../electron/domains/diff/device-diff';
import { composeDeltas, deltaOf } from '../../../electron/storage/software-changes';
import { pruneSoftware } from '../../../electron/storage/software-store';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 31: `diff` and the Changes screen report the applications each device installed and
// removed between two snapshots, from the differences the applications walks recorded.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

type App = { name: string; version: string; publisher: string };

async function syncedTwice(change: (apps: Map<string, readonly object[]>) => void) {
  const f = (fixture = await startSyncFixture(tempDir(), {
    agents: 12,
    threats: 0,
    activities: 0,
  }));
  fleetApplications(f.s1, 20, Date.UTC(2026, 0, 5));
  // Three snapshots kept: a test compares the oldest with the newest.
  const sync = () =>
    f.engine.sync({
      console: { ...f.record, keepSnapshots: 3 },
      token: SYNC_TOKEN,
      apis: ['agents', 'applications'],
    });
  await sync();
  change(f.s1.applications);
  await sync();
  return { f, sync };
}

/** The agents the walks read (decommissioned ones are not walked), in id order. */
const walked = (s1: SyncFixture['s1']) =>
  [...s1.agents.values()]
    .map((a) => a.value as { id: string; isDecommissioned?: boolean })
    .filter((agent) => agent.isDecommissioned !== true)
    .map((agent) => agent.id)
    .sort();
const label = (app: { name: string; version: string }) => `${app.name} ${app.version}`;

describe('applications installed and removed between snapshots', () => {
  it('names, per device, the applications installed and removed, an update as both', async () => {
    let updated: App | undefined;
    let dropped: App | undefined;
    let first = '';
    let second = '';
    const { f } = await syncedTwice((apps) => {
      [first, second] = walked(fixture!.s1) as [string, string];
      const firstApps = apps.get(first) as App[];
      updated = firstApps[0]!;
      apps.set(first, [{ ...updated, version: `${updated.version}.9` }, ...firstApps.slice(1)]);
      const secondApps = apps.get(second) as App[];
      dropped = secondApps[1]!;
      apps.set(second, [
        ...secondApps.filter((app) => app !== dropped),
        { name: 'Wireshark', version: '4.4.2', publisher: 'The Wireshark developer community' },
      ]);
    });
    const diff = diffConsole(f.record, f.storage);
    expect(diff.changed).toEqual([]);
    expect(diff.software).toHaveLength(2);
    const of = (agentId: string) => diff.software.find((device) => device.agentId === agentId)!;
    expect(of(first).installed.map(label)).toEqual([
      label({ ...updated!, version: `${updated!.version}.9` }),
    ]);
    expect(of(first).removed.map(label)).toEqual([label(updated!)]);
    expect(of(second).installed).toEqual([
      { name: 'Wireshark', vendor: 'The Wireshark developer community', version: '4.4.2' },
    ]);
    expect(of(second).removed.map(label)).toEqual([label(dropped!)]);
    // Each device is named as the later snapshot holds it.
    expect(of(first).hostname).toMatch(/\S/);
  });

  it('reports nothing for a device whose applications did not change, nor for its first read', async () => {
    const { f } = await syncedTwice(() => {});
    expect(diffConsole(f.record, f.storage).software).toEqual([]);
    expect(f.db.prepare('SELECT COUNT(*) FROM software_changes').pluck().get()).toBe(0);
  });

  it('composes the changes of the snapshots between the two compared, and prunes what no pair reaches', async () => {
    const { f, sync } = await syncedTwice((apps) => {
      const first = walked(fixture!.s1)[0]!;
      apps.set(first, [...apps.get(first)!, { name: 'Ghidra', version: '11.2', publisher: 'NSA' }]);
    });
    const snapshotIds = () => diffConsole(f.record, f.storage).snapshots.map((s) => s.id);
    const [, oldest] = snapshotIds() as [number, number];
    expect(oldest).toBeDefined();
    // Removed again in the third sync: installed then removed is no change across all three,
    // but the last two show it removed.
    const first = walked(f.s1)[0]!;
    f.s1.applications.set(
      first,
      (f.s1.applications.get(first) as App[]).filter((app) => app.name !== 'Ghidra'),
    );
    await sync();
    const [newest] = snapshotIds() as [number];
    const lastTwo = diffConsole(f.record, f.storage);
    expect(lastTwo.software.map((d) => d.removed.map(label))).toEqual([['Ghidra 11.2']]);
    const across = diffConsole(f.record, f.storage, { from: oldest, to: newest });
    expect(across.software).toEqual([]);

    // Keeping fewer snapshots drops the changes recorded at or before the oldest kept, and the
    // applications only those changes named.
    f.storage.snapshots.prune(f.record.id, 1);
    expect(f.db.prepare('SELECT COUNT(*) FROM software_changes').pluck().get()).toBe(0);
    pruneSoftware(f.db);
    expect(f.db.prepare("SELECT COUNT(*) FROM software WHERE name = 'Ghidra'").pluck().get()).toBe(
      0,
    );
  });
});

describe('software deltas', () => {
  const ids = (...values: number[]) => Uint32Array.from(values);
  it('are set differences, and compose in order', () => {
    const first = deltaOf(ids(1, 2, 3), ids(2, 3, 4));
    expect([...first.installed, ...first.removed]).toEqual([4, 1]);
    const then = deltaOf(ids(2, 3, 4), ids(1, 2, 5));
    const total = composeDeltas(first, then);
    expect([...total.installed].sort()).toEqual([5]);
    expect([...total.removed].sort()).toEqual([3]);
  });
});
