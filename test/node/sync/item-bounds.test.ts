import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_LIMIT, WALK_MARGIN } from '../../../electron/adapters/tuning';
import { S1TooManyItemsError } from '../../../electron/adapters/sentinelone/errors';
import { classifyError } from '../../../electron/adapters/sentinelone/error-class';
import { splitPage } from '../../../electron/adapters/sentinelone/page-splitter';
import { WalkBound } from '../../../electron/domains/sync/walk-bound';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 27, R20: bytes were capped, items were not. One 58 MB page of 3.6 million `{"id":"n"}`
// took a sync 205 s and 6 GB and left a 971 MB database for an incomplete snapshot. A page
// beyond the limit asked for, or a walk far beyond the console's count, now stops the walk with
// a named error and a health event, and the walk's snapshot keeps nothing.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const count = (f: SyncFixture, sql: string, ...args: unknown[]): number =>
  f.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

const agentListRequests = (f: SyncFixture) =>
  f.s1.requests.filter((request) => request.path.endsWith('/agents')).length;

describe('a page with more items than asked for', () => {
  it('is refused as it is split, one element past the limit', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => `{"id":"${i}"}`).join(',');
    const text = `{"data":[${items}],"pagination":{"nextCursor":null}}`;
    expect(() => splitPage(text, '/agents', 1_000)).toThrow(S1TooManyItemsError);
    expect(() => splitPage(text, '/agents', 1_000)).toThrow(/more than 1000 items/);
    expect(splitPage(text, '/agents', 5_000).size).toBe(5_000);
  });

  it('stops the agents sync, is not retried, and leaves the current inventory and no bytes', async () => {
    const f = (fixture = await startSyncFixture(tempDir(), {
      agents: 30,
      threats: 0,
      activities: 0,
    }));
    const sync = () => f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect((await sync()).apis.agents?.state).toBe('complete');
    const current = f.storage.snapshots.current(f.record.id)!;
    const rawBefore = count(f, 'SELECT count(*) FROM raw_objects');
    const chunksBefore = count(f, 'SELECT count(*) FROM chunks');

    f.s1.faults.add({ path: '/agents', times: 5, fault: { kind: 'flood', items: 200_000 } });
    const listed = agentListRequests(f);
    const result = (await sync()).apis.agents!;

    expect(result).toMatchObject({ state: 'failed', complete: false });
    expect(result.errors[0]?.errorClass).toBe('ThirdPartyConfig');
    expect(result.errors[0]?.message).toMatch(/more than 1000 items where at most 1000/);
    expect(result.errors[0]?.message).toMatch(/Nothing of this walk was kept/);
    // One request: a console that floods once floods again.
    expect(agentListRequests(f) - listed).toBe(1);
    const event = f.storage.health
      .list(f.record.id)
      .find((e) => e.message.includes('more than 1000 items'));
    expect(event).toMatchObject({ api: 'agents', severity: 'error' });
    // The inventory is the last complete one, and the walk kept no member and no byte.
    expect(f.storage.snapshots.current(f.record.id)?.id).toBe(current.id);
    expect(
      count(f, 'SELECT count(*) FROM snapshot_members WHERE snapshot_id > ?', current.id),
    ).toBe(0);
    expect(count(f, 'SELECT count(*) FROM raw_objects')).toBe(rawBefore);
    expect(count(f, 'SELECT count(*) FROM chunks')).toBe(chunksBefore);
  });

  it('stops an incremental walk (threats) the same way', async () => {
    const f = (fixture = await startSyncFixture(tempDir(), {
      agents: 3,
      threats: 5,
      activities: 0,
    }));
    f.s1.faults.add({
      path: '/threats',
      times: 5,
      fault: { kind: 'flood', items: PAGE_LIMIT + 1 },
    });
    const result = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['threats'],
    });
    expect(result.apis.threats).toMatchObject({ state: 'failed', complete: false });
    expect(result.apis.threats?.errors[0]?.message).toMatch(/\/threats answered a page of more/);
    expect(count(f, 'SELECT count(*) FROM threats')).toBe(0);
  });
});

describe('a walk far beyond the console count', () => {
  it('allows the count plus a page or a tenth, and no more', () => {
    const small = new WalkBound('/agents', 10);
    small.add(10 + WALK_MARGIN.items);
    expect(() => small.add(1)).toThrow(S1TooManyItemsError);
    const large = new WalkBound('/agents', 100_000);
    large.add(110_000);
    expect(() => large.add(1)).toThrow(
      /listed 110001 items where the console counted at most 110000/,
    );
    expect(classifyError(new S1TooManyItemsError('/agents', 'walk', 2, 1))).toBe(
      'ThirdPartyConfig',
    );
  });

  it('stops the agents walk before preparing the page too many, and keeps none of it', async () => {
    const f = (fixture = await startSyncFixture(tempDir(), {
      agents: 3_500,
      threats: 0,
      activities: 0,
    }));
    f.s1.countOverride = 10;
    const result = (await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] }))
      .apis.agents!;

    expect(result.state).toBe('failed');
    expect(result.errors[0]?.message).toMatch(
      /\/agents listed 2000 items where the console counted at most 1010/,
    );
    expect(result.fetched).toBeLessThanOrEqual(PAGE_LIMIT);
    // The walk stopped: the fourth page was never asked for (the third may be, on a guess).
    expect(agentListRequests(f)).toBeLessThanOrEqual(3);
    expect(f.storage.snapshots.current(f.record.id)).toBeUndefined();
    expect(count(f, 'SELECT count(*) FROM snapshot_members')).toBe(0);
    expect(count(f, 'SELECT count(*) FROM raw_objects')).toBe(0);
    expect(count(f, 'SELECT count(*) FROM chunks')).toBe(0);
    const event = f.storage.health.list(f.record.id).find((e) => e.api === 'agents');
    expect(event?.message).toMatch(/listed 2000 items/);
  });
});
