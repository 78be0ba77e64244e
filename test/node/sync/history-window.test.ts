import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../electron/storage/storage';
import { openDatabase, type Db } from '../../../electron/adapters/db/database';
import { ConsoleService } from '../../../electron/domains/consoles/console-service';
import type { ConsoleRecord } from '../../../electron/storage/console-repository';
import { EntityStore } from '../../../electron/storage/entity-store';
import { SyncEngine } from '../../../electron/domains/sync/sync-engine';
import type { SinceSpec } from '../../../shared/sentinelone/history-window';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateActivity, generateThreat } from '../../support/generate/threats';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { FAST_LIMITS, FAST_RETRY, SYNC_TOKEN } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// PRODUCT.md "History": threats from the start of the console's history and activities from
// the last 30 days by default; `--since` (or the console's setting) reaches further back and
// fills the gap without duplicates. Every clock here is the test's own.

const tempDir = useTempDirs();
const DAY = 86_400_000;
const NOW = new Date('2031-03-15T12:00:00.000Z');
const clock = { now: () => NOW };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

interface Setup {
  s1: FakeS1Console;
  db: Db;
  consoles: ConsoleService;
  record: ConsoleRecord;
  engine: SyncEngine;
}
let setup: Setup | undefined;
afterEach(async () => {
  setup?.db.close();
  await setup?.s1.close();
  setup = undefined;
});

/** Threats last updated 400, 100 and 5 days ago; activities created 100, 40 and 2 days ago. */
async function start(historySince?: string): Promise<Setup> {
  const s1 = (await FakeS1Console.start({ clock })).addToken(SYNC_TOKEN, { scope: 'global' });
  s1.put(
    s1.threats,
    [400, 100, 5].map((days, i) =>
      generateThreat(i, { agents: 3, updatedMs: NOW.getTime() - days * DAY }),
    ),
  );
  s1.put(
    s1.activities,
    [100, 40, 2].map((days, i) =>
      generateActivity(i, { agents: 3, createdMs: NOW.getTime() - days * DAY }),
    ),
  );
  const db = openDatabase(tempDir());
  const storage = openStorage(db, clock);
  const consoles = new ConsoleService({
    consoles: storage.consoles,
    secrets: new MemorySecretStore(),
    clock,
  });
  const record = await consoles.add({
    name: 'prod',
    url: s1.url,
    ...(historySince === undefined ? {} : { historySince }),
  });
  const engine = new SyncEngine({
    storage,
    clock,
    retryPolicy: FAST_RETRY,
    rateLimits: FAST_LIMITS,
  });
  setup = { s1, db, consoles, record, engine };
  return setup;
}

const sync = (s: Setup, since?: SinceSpec) =>
  s.engine.sync({
    console: s.consoles.get('prod'),
    token: SYNC_TOKEN,
    apis: ['threats', 'activities'],
    ...(since ? { since } : {}),
  });

const storedCount = (s: Setup, table: 'threats' | 'activities') =>
  new EntityStore(s.db).count(s.record.id, table);

const queriesOf = (s: Setup, path: string) =>
  s.s1.requests.filter((r) => r.path.endsWith(path)).map((r) => r.query);

describe('history window of threats and activities', () => {
  it('reads every threat and 30 days of activities on a first sync, and says so', async () => {
    const s = await start();
    const result = await sync(s);
    expect(storedCount(s, 'threats')).toBe(3);
    expect(storedCount(s, 'activities')).toBe(1);
    expect(result.apis.threats?.window).toEqual({ since: null });
    expect(result.apis.activities?.window).toEqual({ since: daysAgo(30) });
    expect(queriesOf(s, '/threats')[0]).not.toHaveProperty('updatedAt__gte');
    expect(queriesOf(s, '/activities')[0]).toMatchObject({ createdAt__gte: daysAgo(30) });
    expect(new EntityStore(s.db).windows(s.record.id)).toEqual({
      threats: { since: null },
      activities: { since: daysAgo(30) },
    });

    // The next sync reads only what is new: the window already reaches as far as wanted.
    s.s1.requests.length = 0;
    await sync(s);
    const queries = [...queriesOf(s, '/threats'), ...queriesOf(s, '/activities')];
    expect(queries).toHaveLength(2);
    for (const query of queries)
      expect(Object.keys(query).some((k) => k.endsWith('__lt'))).toBe(false);
  });

  it('fills the gap when --since reaches further back, storing nothing twice', async () => {
    const s = await start();
    await sync(s);
    s.s1.requests.length = 0;

    const wider = await sync(s, { days: 60 });
    expect(wider.apis.activities).toMatchObject({ new: 1, window: { since: daysAgo(60) } });
    expect(queriesOf(s, '/activities')).toContainEqual(
      expect.objectContaining({ createdAt__gte: daysAgo(60), createdAt__lt: daysAgo(30) }),
    );
    expect(storedCount(s, 'activities')).toBe(2);

    const widest = await sync(s, { date: '2020-01-01' });
    expect(widest.apis.activities).toMatchObject({
      new: 1,
      window: { since: '2020-01-01T00:00:00.000Z' },
    });
    expect(storedCount(s, 'activities')).toBe(3);
    expect(storedCount(s, 'threats')).toBe(3);
  });

  it('never narrows a window: a shorter --since reads only what is new', async () => {
    const s = await start();
    await sync(s, { days: 200 });
    s.s1.requests.length = 0;
    const again = await sync(s, { days: 10 });
    expect(again.apis.activities?.window).toEqual({ since: daysAgo(200) });
    for (const query of [...queriesOf(s, '/activities'), ...queriesOf(s, '/threats')])
      expect(Object.keys(query).some((key) => key.endsWith('__lt'))).toBe(false);
    expect(storedCount(s, 'activities')).toBe(3);
  });

  it("follows the console's own setting, and the default widens threats to the whole history", async () => {
    const s = await start('7d');
    const first = await sync(s);
    expect(first.apis.threats?.window).toEqual({ since: daysAgo(7) });
    expect(storedCount(s, 'threats')).toBe(1);

    await s.consoles.edit('prod', { historySince: '' });
    const second = await sync(s);
    expect(second.apis.threats).toMatchObject({ new: 2, window: { since: null } });
    expect(storedCount(s, 'threats')).toBe(3);
  });

  it('keeps the window where it was when the gap walk fails, and fills it on the next sync', async () => {
    const s = await start();
    await sync(s);
    s.s1.faults.add({ path: '/activities', times: 1_000, fault: { kind: 'status', status: 401 } });
    const failed = await sync(s, { days: 60 });
    expect(failed.apis.activities?.state).toBe('failed');
    expect(failed.apis.activities?.window).toEqual({ since: daysAgo(30) });
    s.s1.faults.clear();
    const retried = await sync(s, { days: 60 });
    expect(retried.apis.activities).toMatchObject({ new: 1, window: { since: daysAgo(60) } });
  });
});
