import { openDatabase, type Db } from '../../electron/adapters/db/database';
import { openStorage, type Storage } from '../../electron/storage/storage';
import { ConsoleService } from '../../electron/domains/consoles/console-service';
import type { ConsoleRecord } from '../../electron/storage/console-repository';
import { systemClock } from '../../electron/adapters/platform/clock';
import type { RetryPolicy } from '../../electron/adapters/http/retry';
import { SyncEngine } from '../../electron/domains/sync/sync-engine';
import { FakeS1Console } from './fake-s1/server';
import { generateAgent } from './generate/agents';
import { generateActivity, generateThreat } from './generate/threats';
import { MemorySecretStore } from './memory-secret-store';

export const SYNC_TOKEN = 'tok-sync-3c9d0e1f';
const DAY_MS = 86_400_000;

/** Retries and pacing shrunk so fault tests take milliseconds, not minutes. */
export const FAST_RETRY: RetryPolicy = {
  maxRetryTimeMs: 15_000,
  minTimeoutMs: 5,
  maxTimeoutMs: 40,
  maxRetryAfterMs: 300,
  default429Ms: 10,
};
export const FAST_LIMITS = { default: { perSecond: 5_000, burst: 50 } };

export function fleet(
  s1: FakeS1Console,
  counts: { agents: number; threats: number; activities: number },
  now = Date.now(),
): void {
  s1.put(
    s1.agents,
    Array.from({ length: counts.agents }, (_, i) => generateAgent(i, { nowMs: now })),
  );
  s1.put(
    s1.threats,
    Array.from({ length: counts.threats }, (_, i) =>
      generateThreat(i, { agents: counts.agents, updatedMs: now - ((i * 7919) % (20 * DAY_MS)) }),
    ),
  );
  s1.put(
    s1.activities,
    Array.from({ length: counts.activities }, (_, i) =>
      generateActivity(i, {
        agents: counts.agents,
        createdMs: now - ((i * 104729) % (25 * DAY_MS)),
      }),
    ),
  );
}

export interface SyncFixture {
  s1: FakeS1Console;
  db: Db;
  dataDir: string;
  record: ConsoleRecord;
  engine: SyncEngine;
  /** The stores of `db`, as the backend hands them to the domains. */
  storage: Storage;
  close: () => Promise<void>;
}

export async function startSyncFixture(
  dataDir: string,
  counts = { agents: 2_500, threats: 300, activities: 400 },
): Promise<SyncFixture> {
  const s1 = (await FakeS1Console.start()).addToken(SYNC_TOKEN, { scope: 'global' });
  fleet(s1, counts);
  const db = openDatabase(dataDir);
  const storage = openStorage(db, systemClock);
  const consoles = new ConsoleService({
    consoles: storage.consoles,
    secrets: new MemorySecretStore(),
    clock: systemClock,
  });
  const record = await consoles.add({ name: 'prod', url: s1.url });
  const engine = new SyncEngine({
    storage,
    clock: systemClock,
    retryPolicy: FAST_RETRY,
    rateLimits: FAST_LIMITS,
  });
  return {
    s1,
    db,
    storage,
    dataDir,
    record,
    engine,
    close: async () => {
      await engine.precomputed();
      db.close();
      await s1.close();
    },
  };
}
