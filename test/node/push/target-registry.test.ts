import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_RETRY, Pusher } from '../../../electron/domains/push/pusher';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { errorsOf, validateDeviceInventoryInfo } from '../../../shared/ocsf/validator';
import {
  FakeWebhook,
  WEBHOOK_KIND,
  webhookDestination,
} from '../../support/toys/ndjson-webhook-destination';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const SECRET = 'whsec-toy-7c1e';
const FAST = { ...DEFAULT_PUSH_RETRY, maxRetryTimeMs: 5_000, minTimeoutMs: 5, maxTimeoutMs: 20 };
const tempDir = useTempDirs();
let f: SyncFixture;
let hook: FakeWebhook;

beforeAll(async () => {
  f = await startSyncFixture(tempDir(), { agents: 260, threats: 0, activities: 0 });
  await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
  hook = await FakeWebhook.start(SECRET);
  // The toy's registration: a row of its kind in push_targets, which its pushes refer to.
  f.storage.pushTargets.save({
    id: 'toy-1',
    kind: WEBHOOK_KIND,
    name: 'data-lake',
    settings: { url: hook.url, batchSize: 100 },
    keyStored: false,
    createdAt: '2026-11-30T12:00:00Z',
  });
});
afterAll(async () => {
  await hook.close();
  await f.close();
});

const pusher = (secret: string) =>
  new Pusher(
    f.storage,
    systemClock,
    'toy-1',
    webhookDestination({ name: 'data-lake', url: hook.url, batchSize: 100 }, secret),
  );

describe('the push target registry', () => {
  it('pushes through a toy target with the generic outbox, retries, resume and audit', async () => {
    // A wrong secret stops the push at its first batch, with the target's own words.
    const refused = await pusher('wrong').push({ retry: FAST });
    expect(refused).toMatchObject({ state: 'failed', deliveredBatches: 0 });
    expect(refused.message).toMatch(/The webhook refused the batch \(401\)/);
    expect(hook.received).toEqual([]);

    // Resumed with the right secret, through two 503s: every device arrives exactly once.
    hook.failures.push(503, 503);
    const resumed = await pusher(SECRET).push({ resume: true, retry: FAST });
    expect(resumed).toMatchObject({ state: 'complete', failedBatches: 0 });
    expect(resumed.batches).toBeGreaterThan(1);
    expect(resumed.pushId).toBe(refused.pushId);
    const uids = hook.received.map(
      (line) => (JSON.parse(line) as { device: { uid: string } }).device.uid,
    );
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.length).toBe(resumed.deliveredItems);
    for (const line of hook.received.slice(0, 20))
      expect(errorsOf(validateDeviceInventoryInfo(JSON.parse(line)))).toEqual([]);

    const [entry] = f.storage.audit.list();
    expect(entry).toMatchObject({
      action: 'push',
      format: 'ocsf-ndjson',
      scope: { target: 'data-lake', push: resumed.pushId },
      destination: hook.url,
      recordCount: resumed.deliveredItems,
    });
  });

  it('deletes a target with its pushes and their batches', () => {
    expect(f.storage.outbox.unfinishedPush('toy-1')).toBeUndefined();
    f.storage.pushTargets.delete('toy-1');
    expect(f.storage.pushTargets.findByName('data-lake')).toBeUndefined();
    expect(
      f.db.prepare("SELECT COUNT(*) FROM pushes WHERE target_id = 'toy-1'").pluck().get(),
    ).toBe(0);
  });
});
