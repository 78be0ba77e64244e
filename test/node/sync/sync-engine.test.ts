import { afterEach, describe, expect, it } from 'vitest';
import { HealthStore } from '../../../electron/storage/health-store';
import { ConsoleStateStore } from '../../../electron/storage/console-state-store';
import { SnapshotStore } from '../../../electron/storage/snapshot-store';
import { generateThreat } from '../../support/generate/threats';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function setUp(counts?: { agents: number; threats: number; activities: number }) {
  fixture = await startSyncFixture(tempDir(), counts);
  return fixture;
}

const ids = (f: SyncFixture, table: 'threats' | 'activities') =>
  (
    f.db.prepare(`SELECT id FROM ${table} WHERE console_id = ? ORDER BY id`).all(f.record.id) as {
      id: string;
    }[]
  ).map((r) => r.id);

describe('sync engine against the fake console', () => {
  it('completes with faults injected on every API, losing and duplicating nothing', async () => {
    const f = await setUp();
    for (const path of ['/agents', '/threats', '/activities']) {
      f.s1.faults.add({
        path,
        after: 2,
        times: 1,
        fault: { kind: 'status', status: 429, retryAfter: '0' },
      });
      f.s1.faults.add({ path, after: 3, times: 1, fault: { kind: 'status', status: 429 } });
      f.s1.faults.add({ path, after: 4, times: 1, fault: { kind: 'status', status: 503 } });
      f.s1.faults.add({ path, after: 5, times: 1, fault: { kind: 'status', status: 500 } });
      f.s1.faults.add({ path, after: 6, times: 1, fault: { kind: 'reset' } });
      f.s1.faults.add({ path, after: 7, times: 1, fault: { kind: 'truncate' } });
      f.s1.faults.add({ path, after: 8, times: 2, fault: { kind: 'latency', ms: 30 } });
    }
    const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN });
    expect(result.state).toBe('Idle');
    expect(result.apis.agents).toMatchObject({
      state: 'complete',
      complete: true,
      fetched: 2_500,
      expected: 2_500,
      errors: [],
    });
    expect(result.apis.threats).toMatchObject({ complete: true, fetched: 300, new: 300 });
    expect(result.apis.activities).toMatchObject({ complete: true, fetched: 400, new: 400 });
    expect(ids(f, 'threats')).toEqual([...f.s1.threats.keys()].sort());
    expect(ids(f, 'activities')).toEqual([...f.s1.activities.keys()].sort());
    const current = new SnapshotStore(f.db).current(f.record.id);
    expect(current).toMatchObject({ complete: true, agentCount: 2_500 });
    const retries = new HealthStore(f.db)
      .list(f.record.id)
      .filter((e) => e.message.startsWith('Retrying'));
    expect(retries.length).toBeGreaterThan(0);
    expect(JSON.stringify(retries)).not.toContain(SYNC_TOKEN);
  });

  it('includes decommissioned agents and stores each raw agent byte-exact', async () => {
    const f = await setUp({ agents: 1_200, threats: 0, activities: 0 });
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    const snapshots = new SnapshotStore(f.db);
    const stored = new Map(
      [...snapshots.agents(snapshots.current(f.record.id)!.id)].map((a) => [a.agentId, a.json]),
    );
    expect(stored.size).toBe(1_200);
    for (const [id, item] of f.s1.agents) expect(stored.get(id)).toBe(item.text);
    const decommissioned = [...f.s1.agents.values()].filter(
      (a) => (a.value as { isDecommissioned: boolean }).isDecommissioned,
    );
    expect(decommissioned.length).toBeGreaterThan(0);
    for (const agent of decommissioned)
      expect(stored.has(String((agent.value as { id: string }).id))).toBe(true);
  });

  it('keeps integers above 2^53 in activity data byte-exact', async () => {
    const f = await setUp({ agents: 1, threats: 0, activities: 0 });
    const raw = `{"id":"1800000000000000999","createdAt":"${new Date().toISOString().replace('Z', '123Z')}","agentId":null,"data":{"accountId":111111111111111111,"siteId":922337203685477580}}`;
    f.s1.putRaw(f.s1.activities, '1800000000000000999', raw);
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['activities'] });
    const row = f.db
      .prepare('SELECT json FROM activities WHERE id = ?')
      .get('1800000000000000999') as { json: string };
    expect(row.json).toBe(raw);
  });

  it('does not retry after a 401: the console goes to Error with ThirdPartyConfig', async () => {
    const f = await setUp({ agents: 3_000, threats: 0, activities: 0 });
    f.s1.faults.add({
      path: '/agents',
      after: 2,
      times: 1,
      fault: { kind: 'revoke-token', token: SYNC_TOKEN },
    });
    const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect(result.state).toBe('Error');
    // The page read before the failure still goes into the (incomplete) snapshot.
    expect(result.apis.agents).toMatchObject({ state: 'failed', complete: false, fetched: 1_000 });
    expect(f.db.prepare('SELECT COUNT(*) FROM snapshot_members').pluck().get()).toBe(1_000);
    expect(result.apis.agents?.errors[0]?.errorClass).toBe('ThirdPartyConfig');
    const afterRevoke = f.s1.requests.filter((r) => r.path.endsWith('/agents')).slice(1);
    expect(afterRevoke).toHaveLength(1);
    expect(new ConsoleStateStore(f.db).get(f.record.id).state).toBe('Error');
    const events = new HealthStore(f.db).list(f.record.id);
    expect(events[0]).toMatchObject({
      errorClass: 'ThirdPartyConfig',
      severity: 'error',
      api: 'agents',
    });
    expect(events[0]?.message).toMatch(/test the connection/);
    expect(new SnapshotStore(f.db).current(f.record.id)).toBeUndefined();
  });

  it('keeps a snapshot that came up short out of the current inventory', async () => {
    const f = await setUp({ agents: 1_500, threats: 0, activities: 0 });
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    const snapshots = new SnapshotStore(f.db);
    const first = snapshots.current(f.record.id)!;
    // The console now counts more agents than its pages deliver.
    const hidden = [...f.s1.agents.keys()].slice(0, 10);
    const kept = hidden.map((id) => [id, f.s1.agents.get(id)!] as const);
    f.s1.faults.add({ path: '/agents', times: 100, fault: { kind: 'latency', ms: 0 } });
    for (const id of hidden) f.s1.agents.delete(id);
    const countRoute = f.s1.agents.size + 10;
    f.s1.countOverride = countRoute;
    const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect(result.apis.agents).toMatchObject({
      state: 'incomplete',
      complete: false,
      fetched: 1_490,
      expected: 1_500,
    });
    expect(snapshots.current(f.record.id)).toEqual(first);
    expect(new HealthStore(f.db).list(f.record.id)[0]?.message).toMatch(
      /saw 1490 agents where the console counts 1500/,
    );
    for (const [id, item] of kept) f.s1.agents.set(id, item);
    f.s1.countOverride = undefined;
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect(snapshots.current(f.record.id)!.id).toBeGreaterThan(first.id);
  });

  it('fetches only records from the checkpoint on, and counts only newer ones as new', async () => {
    const f = await setUp({ agents: 10, threats: 200, activities: 0 });
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['threats'] });
    const checkpoint = f.db
      .prepare(`SELECT value FROM checkpoints WHERE api = 'threats'`)
      .get() as { value: string };
    const now = Date.now() + 60_000;
    f.s1.put(
      f.s1.threats,
      Array.from({ length: 5 }, (_, i) =>
        generateThreat(10_000 + i, { agents: 10, updatedMs: now }),
      ),
    );
    f.s1.requests.length = 0;
    const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['threats'] });
    expect(f.s1.requests.find((r) => r.path.endsWith('/threats'))?.query).toMatchObject({
      updatedAt__gte: checkpoint.value,
      sortBy: 'updatedAt',
      sortOrder: 'asc',
      limit: '1000',
    });
    expect(result.apis.threats?.new).toBe(5);
    expect(result.apis.threats?.fetched).toBeLessThanOrEqual(6);
    expect(ids(f, 'threats')).toHaveLength(205);
  });

  it('reports a malformed record without failing its page', async () => {
    const f = await setUp({ agents: 50, threats: 20, activities: 0 });
    f.s1.faults.add({
      path: '/agents',
      times: 1,
      fault: { kind: 'malformed', element: '{"computerName":"no-id"}' },
    });
    f.s1.countOverride = 51; // the server counts the record it sends malformed
    f.s1.faults.add({ path: '/threats', times: 1, fault: { kind: 'malformed', element: '42' } });
    const result = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['agents', 'threats'],
    });
    expect(result.apis.agents, JSON.stringify(result)).toMatchObject({
      malformed: 1,
      fetched: 51,
      complete: true,
    });
    expect(result.apis.threats).toMatchObject({ malformed: 1, fetched: 21, new: 20 });
    expect(new SnapshotStore(f.db).current(f.record.id)?.agentCount).toBe(50);
    const kept = f.db.prepare('SELECT api, reason, json FROM malformed_records ORDER BY api').all();
    expect(kept).toEqual([
      { api: 'agents', reason: 'no string "id"', json: '{"computerName":"no-id"}' },
      { api: 'threats', reason: 'not a JSON object', json: '42' },
    ]);
    const warnings = new HealthStore(f.db)
      .list(f.record.id)
      .filter((e) => e.errorClass === 'Malformed');
    expect(warnings).toHaveLength(2);
  });

  it('stops at once when cancelled, and the current inventory is untouched', async () => {
    const f = await setUp({ agents: 3_000, threats: 0, activities: 0 });
    f.s1.faults.add({ path: '/agents', times: 10, fault: { kind: 'latency', ms: 200 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 250);
    const result = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['agents'],
      signal: controller.signal,
    });
    expect(result.apis.agents?.state).toBe('cancelled');
    expect(new SnapshotStore(f.db).current(f.record.id)).toBeUndefined();
    expect(new ConsoleStateStore(f.db).get(f.record.id).state).toBe('Idle');
  });
});
