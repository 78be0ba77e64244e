import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/storage/audit-store';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { DEFAULT_PUSH_RETRY, Pusher } from '../../../electron/domains/push/pusher';
import { sekoiaDestination } from '../../../electron/domains/sekoia/sekoia-destination';
import { SekoiaTargets } from '../../../electron/domains/sekoia/sekoia-targets';
import { FakeSekoia } from '../../support/fake-sekoia/server';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const KEY = 'sk-sekoia-test-5d2a';
const CONNECTOR = '3f1b2c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d';
const FAST = {
  ...DEFAULT_PUSH_RETRY,
  maxRetryTimeMs: 5_000,
  minTimeoutMs: 5,
  maxTimeoutMs: 20,
  maxRetryAfterMs: 50,
};
const tempDir = useTempDirs();
let f: SyncFixture;
let sekoia: FakeSekoia;
let pushable: number;
let hostless: number;
let decommissioned: number;
let decommissionedWithHost: number;

beforeAll(async () => {
  f = await startSyncFixture(tempDir(), { agents: 2_300, threats: 0, activities: 0 });
  await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
  const agents = [...f.s1.agents.values()].map(
    (a) => a.value as { computerName?: string; isDecommissioned?: boolean },
  );
  const named = (a: { computerName?: string }) => (a.computerName ?? '') !== '';
  // Decommissioned devices stay out of a push unless asked for; devices without a hostname
  // are refused by Sekoia's schema.
  decommissioned = agents.filter((a) => a.isDecommissioned === true).length;
  decommissionedWithHost = agents.filter((a) => a.isDecommissioned === true && named(a)).length;
  hostless = agents.filter((a) => a.isDecommissioned !== true && !named(a)).length;
  pushable = agents.filter((a) => a.isDecommissioned !== true && named(a)).length;
  expect(decommissioned).toBeGreaterThan(0);
});
afterAll(() => f.close());
afterEach(() => sekoia?.close());

async function pusher(batchSize = 500) {
  sekoia = await FakeSekoia.start(KEY);
  const targets = new SekoiaTargets(f.storage.pushTargets, new MemorySecretStore(), systemClock);
  const target = await targets.add({
    name: `t-${Math.random()}`,
    connectorUuid: CONNECTOR,
    baseUrl: sekoia.url,
    batchSize,
    apiKey: KEY,
  });
  return {
    target,
    push: new Pusher(f.storage, systemClock, target.id, sekoiaDestination(target, KEY)),
  };
}

describe('push to Sekoia', () => {
  it('delivers every device exactly once under injected 503 and 429, in batches within the size', async () => {
    const { push } = await pusher(500);
    sekoia.fault({ status: 503, times: 2, after: 2 });
    sekoia.fault({ status: 429, retryAfter: '0', times: 1, after: 4 });
    sekoia.fault({ status: 429, times: 1, after: 6 });
    const result = await push.push({ retry: FAST });
    expect(result).toMatchObject({ state: 'complete', deliveredItems: pushable, failedBatches: 0 });
    const uids = sekoia.deliveredUids();
    expect(uids).toHaveLength(pushable);
    expect(new Set(uids).size).toBe(pushable);
    for (const received of sekoia.received) {
      expect(received.body.version).toBe(1);
      expect(received.body.items.length).toBeLessThanOrEqual(500);
      expect(received).toMatchObject({
        connectorUuid: CONNECTOR,
        authorization: `Bearer ${KEY}`,
        contentType: 'application/json',
      });
      expect(received.userAgent).toMatch(/^s1-inventory\//);
    }
    expect(result.skipped).toBe(hostless);
    expect(result.decommissionedLeftOut).toBe(decommissioned);
  });

  it('sends decommissioned devices too when asked', async () => {
    const { push } = await pusher(1000);
    const result = await push.push({ retry: FAST, includeDecommissioned: true });
    expect(result).toMatchObject({
      state: 'complete',
      deliveredItems: pushable + decommissionedWithHost,
      decommissionedLeftOut: 0,
    });
  });

  it('stops at once on 401, without a retry storm, and says what to fix', async () => {
    const { push } = await pusher(500);
    sekoia.keys.clear();
    const result = await push.push({ retry: FAST });
    expect(result.state).toBe('failed');
    expect(sekoia.requests).toBe(1);
    expect(result.message).toMatch(
      /rejected the API key \(401\).*Store a valid key for the target/,
    );
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('keeps no key a target echoes in an error, in the result or the outbox', async () => {
    const lastErrors = () =>
      f.db
        .prepare('SELECT last_error FROM push_batches WHERE last_error IS NOT NULL')
        .pluck()
        .all();
    const { push } = await pusher(500);
    sekoia.fault({ status: 400, times: 1, echoKey: true });
    const refused = await push.push({ retry: FAST });
    expect(refused.state).toBe('failed');
    expect(refused.message).toContain('[redacted]');
    const { push: again } = await pusher(500);
    sekoia.fault({ status: 503, times: 1_000, echoKey: true });
    const exhausted = await again.push({ retry: { ...FAST, maxRetryTimeMs: 100 } });
    expect(exhausted.message).toMatch(/after retrying: .*\[redacted\]/);
    for (const text of [JSON.stringify(refused), JSON.stringify(exhausted), ...lastErrors()])
      expect(text).not.toContain(KEY);
    expect(lastErrors().length).toBeGreaterThan(0);
  });

  it('resumes after an interruption without sending delivered batches again', async () => {
    const { push } = await pusher(400);
    sekoia.fault({ status: 500, times: 1_000, after: 3 });
    const first = await push.push({ retry: { ...FAST, maxRetryTimeMs: 200 } });
    expect(first.state).toBe('failed');
    expect(first.deliveredBatches).toBe(2);
    const before = sekoia.deliveredUids();
    sekoia.faults.length = 0;
    const resumed = await push.push({ resume: true, retry: FAST });
    expect(resumed).toMatchObject({
      state: 'complete',
      pushId: first.pushId,
      deliveredItems: pushable,
    });
    const uids = sekoia.deliveredUids();
    expect(uids.slice(0, before.length)).toEqual(before);
    expect(uids).toHaveLength(pushable);
    expect(new Set(uids).size).toBe(pushable);
    await expect(push.push({ resume: true })).rejects.toThrow(/Nothing to resume/);
  });

  it('halves a batch the server finds too large (413) and goes on', async () => {
    const { push } = await pusher(1_000);
    sekoia.maxItems = 300;
    const result = await push.push({ retry: FAST });
    expect(result.state).toBe('complete');
    expect(new Set(sekoia.deliveredUids()).size).toBe(pushable);
    expect(sekoia.deliveredUids()).toHaveLength(pushable);
    for (const received of sekoia.received)
      expect(received.body.items.length).toBeLessThanOrEqual(300);
  });

  it('logs each push in the audit log with its per-batch results', async () => {
    const { push, target } = await pusher(1_000);
    const result = await push.push({ retry: FAST });
    const entry = new AuditStore(f.db)
      .list()
      .find((e) => e.action === 'push' && e.scope.push === result.pushId);
    expect(entry).toMatchObject({
      format: 'sekoia',
      recordCount: pushable,
      scope: { target: target.name, console: 'all' },
    });
    expect((entry?.details?.batches as unknown[]).length).toBe(result.batches);
  });

  it('keeps references in the outbox and resumes with the snapshot it started from, even after a new sync', async () => {
    const { push } = await pusher(500);
    sekoia.fault({ status: 500, times: 1_000, after: 2 });
    const first = await push.push({ retry: { ...FAST, maxRetryTimeMs: 200 } });
    expect(first.state).toBe('failed');
    const rows = f.db
      .prepare(
        'SELECT body, agent_ids AS agentIds, snapshot_id AS snapshotId FROM push_batches WHERE push_id = ?',
      )
      .all(first.pushId) as { body: string; agentIds: string | null; snapshotId: number | null }[];
    expect(
      rows.every((row) => row.body === '' && row.agentIds !== null && row.snapshotId !== null),
    ).toBe(true);

    // The last device (in a batch not yet delivered) changes, and a new sync makes it current.
    const last = [...f.s1.agents.values()]
      .map((a) => a.value as { id: string; computerName?: string })
      .filter((a) => (a.computerName ?? '') !== '')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .at(-1)!;
    f.s1.put(f.s1.agents, [{ ...last, computerName: 'RENAMED-AFTER-PUSH' }]);
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });

    sekoia.faults.length = 0;
    const resumed = await push.push({ resume: true, retry: FAST });
    expect(resumed).toMatchObject({ state: 'complete', deliveredItems: pushable });
    const sent = sekoia.received.flatMap((r) => r.body.items) as {
      device: { hostname: string; uid: string };
    }[];
    expect(sent).toHaveLength(pushable);
    expect(sent.map((item) => item.device.hostname)).toContain(last.computerName);
    expect(sent.map((item) => item.device.hostname)).not.toContain('RENAMED-AFTER-PUSH');
  });
});
