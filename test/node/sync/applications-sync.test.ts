import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/domains/export/exporter';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';
import { timeLeft } from '../../../electron/hosts/cli/commands/sync';
import { PER_AGENT_IN_FLIGHT } from '../../../electron/adapters/tuning';
import type { SyncProgress } from '../../../electron/domains/sync/sync-types';

// Issue 31: installed applications, one request per agent of the current inventory, stored
// compactly and resumable from the last agent done.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function fleet(agents: number, appsPerAgent: number) {
  const f = (fixture = await startSyncFixture(tempDir(), { agents, threats: 0, activities: 0 }));
  const served = fleetApplications(f.s1, appsPerAgent, Date.now());
  const active = [...f.s1.agents.values()].filter(
    (a) => (a.value as { isDecommissioned?: boolean }).isDecommissioned !== true,
  );
  return { f, served, active: active.map((a) => (a.value as { id: string }).id).sort() };
}

const appRequests = (f: SyncFixture) =>
  f.s1.requests.filter((r) => r.path.endsWith('/agents/applications'));

const sync = (
  f: SyncFixture,
  extra: { signal?: AbortSignal; onProgress?: (p: SyncProgress) => void } = {},
) =>
  f.engine.sync({
    console: f.record,
    token: SYNC_TOKEN,
    apis: ['agents', 'applications'],
    ...extra,
  });

describe('the applications sync', () => {
  it('asks once per active agent, one id each, and keeps each answer byte-exact', async () => {
    const { f, active } = await fleet(40, 25);
    const progress: SyncProgress[] = [];
    const result = await sync(f, { onProgress: (p) => progress.push(p) });

    expect(result.apis.applications).toMatchObject({
      state: 'complete',
      expected: active.length,
      fetched: active.length,
    });
    expect(
      appRequests(f)
        .map((r) => r.query.ids)
        .sort(),
    ).toEqual(active);
    expect(f.storage.software.agentCount(f.record.id)).toBe(active.length);
    const set = f.storage.software.ofAgent(f.record.id, active[3]!)!;
    expect(set.softwareIds).toHaveLength(25);
    expect(set.elements()).toEqual(
      f.s1.applications.get(active[3]!)!.map((app) => JSON.stringify(app)),
    );
    // Each distinct application is stored once, whatever the number of devices.
    const catalogue = f.storage.software.catalogue(set.softwareIds);
    expect([...catalogue.values()][0]).toMatchObject({
      name: 'Google Chrome',
      vendor: 'Google LLC',
    });
    const last = progress.filter((p) => p.api === 'applications').at(-1)!;
    expect(last).toMatchObject({ fetched: active.length, expected: active.length, secondsLeft: 0 });

    // The raw export gives every application of every device as the console sent it.
    const out = join(tempDir(), 'applications.raw.ndjson');
    const exported = await runExport(f.storage, systemClock, {
      format: 'raw-ndjson',
      out,
      entity: 'applications',
    });
    expect(exported.records).toBe(active.length * 25);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toContain(JSON.stringify(f.s1.applications.get(active[3]!)![7]));
  });

  it('goes on from the last agent done after a failure, and after a cancel', async () => {
    const { f, active } = await fleet(60, 5);
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    // The console refuses from the 21st agent on: twenty sets are kept.
    f.s1.faults.add({
      path: '/agents/applications',
      after: 21,
      times: 1_000,
      fault: { kind: 'status', status: 400 },
    });
    const failed = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['applications'],
    });
    expect(failed.apis.applications?.state).toBe('failed');
    const kept = f.storage.software.agentCount(f.record.id);
    expect(kept).toBeGreaterThanOrEqual(20);
    f.s1.faults.clear();

    // A cancel part-way keeps what is done too.
    const controller = new AbortController();
    const before = appRequests(f).length;
    const cancelled = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['applications'],
      signal: controller.signal,
      onProgress: (p) => {
        if (p.api === 'applications' && p.fetched >= kept + 10) controller.abort();
      },
    });
    expect(cancelled.apis.applications?.state).toBe('cancelled');
    const afterCancel = f.storage.software.agentCount(f.record.id);
    expect(afterCancel).toBeGreaterThanOrEqual(kept + 10);

    const resumed = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['applications'],
    });
    expect(resumed.apis.applications?.state).toBe('complete');
    expect(f.storage.software.agentCount(f.record.id)).toBe(active.length);
    // Agents already done were not asked again.
    const asked = appRequests(f)
      .slice(before)
      .map((r) => r.query.ids);
    expect(new Set(asked).size).toBeLessThanOrEqual(active.length - kept + PER_AGENT_IN_FLIGHT);
    // A finished walk: the next sync starts over, every agent once.
    const next = appRequests(f).length;
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['applications'] });
    expect(appRequests(f).length - next).toBe(active.length);
  });

  it('names the permission a token lacks, and the agents sync goes on', async () => {
    const { f } = await fleet(10, 3);
    f.s1.addToken(SYNC_TOKEN, { scope: 'global', deny: ['/agents/applications'] });
    const result = await sync(f);
    expect(result.apis.agents?.state).toBe('complete');
    expect(result.apis.applications).toMatchObject({ state: 'failed' });
    expect(result.apis.applications?.errors[0]).toMatchObject({ errorClass: 'ThirdPartyConfig' });
    expect(result.apis.applications?.errors[0]?.message).toMatch(
      /takes the Endpoints\.view permission .* the other entities sync on/,
    );
    // No retry: only the requests already in flight when the first refusal came.
    expect(appRequests(f).length).toBeLessThanOrEqual(PER_AGENT_IN_FLIGHT);
    const event = f.storage.health.list(f.record.id).find((e) => e.api === 'applications');
    expect(event?.message).toMatch(/Endpoints\.view/);
  });
});

describe('the time left a long walk shows', () => {
  it('reads in minutes, then hours and minutes', () => {
    expect(timeLeft(undefined)).toBe('');
    expect(timeLeft(0)).toBe('');
    expect(timeLeft(61)).toBe('  ~2 min left');
    expect(timeLeft(4_000)).toBe('  ~1 h 07 min left');
  });
});

describe('what the applications keep', () => {
  it('follow the snapshots kept, and go with their console', async () => {
    const { f, active } = await fleet(20, 3);
    await sync(f);
    const gone = active[0]!;
    f.s1.agents.delete(gone);
    const syncAgents = () =>
      f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    // The snapshot before still holds the agent (two are kept): its set stays.
    await syncAgents();
    expect(f.storage.software.ofAgent(f.record.id, gone)).toBeDefined();
    await syncAgents();
    expect(f.storage.software.ofAgent(f.record.id, gone)).toBeUndefined();
    expect(f.storage.software.agentCount(f.record.id)).toBe(active.length - 1);

    const count = (table: string) =>
      f.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    expect(count('software')).toBeGreaterThan(0);
    f.storage.consoles.delete(f.record.id);
    expect(count('agent_software')).toBe(0);
    expect(count('software')).toBe(0);
    expect(count('software_walks')).toBe(0);
  });
});
