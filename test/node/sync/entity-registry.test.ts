import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_SYNCS } from '../../../electron/domains/sync/entity-syncs';
import { SyncEngine } from '../../../electron/domains/sync/sync-engine';
import { runExport } from '../../../electron/domains/export/exporter';
import { ENTITY_EXPORTS } from '../../../electron/domains/export/entity-records';
import { EXPORT_FORMAT_DEFINITIONS } from '../../../electron/domains/export/writers/format-registry';
import type { Collection } from '../../support/fake-s1/listing';
import {
  EXCLUSION_LIST,
  EXCLUSIONS,
  exclusion,
  exclusionsExport,
  exclusionsSync,
} from '../../support/toys/exclusions-entity';
import {
  FAST_LIMITS,
  FAST_RETRY,
  startSyncFixture,
  SYNC_TOKEN,
  type SyncFixture,
} from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-30T12:00:00.000Z');
const clock = { now: () => NOW };
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
let f: SyncFixture;
let served: Collection;
let engine: SyncEngine;

beforeAll(async () => {
  f = await startSyncFixture(fs.mkdtempSync('/tmp/s1inv-entities-'), {
    agents: 20,
    threats: 5,
    activities: 5,
  });
  served = f.s1.serveList('/exclusions', EXCLUSION_LIST);
  f.s1.put(
    served,
    Array.from({ length: 230 }, (_, i) => exclusion(i, minutesAgo(1_000 - i))),
  );
  // The toy's line of registration, beside the built-in entities.
  engine = new SyncEngine({
    storage: f.storage,
    clock,
    retryPolicy: FAST_RETRY,
    rateLimits: FAST_LIMITS,
    entities: { ...ENTITY_SYNCS, [EXCLUSIONS]: exclusionsSync },
  });
});
afterAll(async () => {
  await f.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

const exportRaw = async () => {
  const out = join(tempDir(), 'exclusions.ndjson');
  const result = await runExport(
    f.storage,
    clock,
    { format: 'raw-ndjson', out, entity: EXCLUSIONS },
    {
      registry: {
        formats: EXPORT_FORMAT_DEFINITIONS,
        entities: { ...ENTITY_EXPORTS, [EXCLUSIONS]: exclusionsExport },
      },
    },
  );
  return { result, lines: fs.readFileSync(out, 'utf8').trimEnd().split('\n') };
};

describe('the entity registry', () => {
  it('syncs a toy entity served by the fake, in one file plus its registration', async () => {
    const result = await engine.sync({ console: f.record, token: SYNC_TOKEN, apis: [EXCLUSIONS] });
    expect(result.apis[EXCLUSIONS]).toMatchObject({ state: 'complete', fetched: 230, new: 230 });
    expect(f.storage.entities.count(f.record.id, EXCLUSIONS)).toBe(230);
    // Its own rows, apart from the built-in entities' tables.
    expect(f.storage.entities.count(f.record.id, 'threats')).toBe(0);
  });

  it('walks on from its checkpoint: the next sync reads what is new, stores nothing twice', async () => {
    f.s1.put(served, [exclusion(900, minutesAgo(5)), exclusion(901, minutesAgo(4))]);
    const before = f.s1.requests.length;
    const result = await engine.sync({ console: f.record, token: SYNC_TOKEN, apis: [EXCLUSIONS] });
    expect(result.apis[EXCLUSIONS]).toMatchObject({ state: 'complete', new: 2 });
    const asked = f.s1.requests.slice(before).filter((r) => r.path.endsWith('/exclusions'));
    expect(asked[0]?.query.createdAt__gte).toBeDefined();
    expect(f.storage.entities.count(f.record.id, EXCLUSIONS)).toBe(232);
  });

  it('exports its records raw, byte for byte as served, and audits the export', async () => {
    const { result, lines } = await exportRaw();
    const texts = [...served.values()].map((item) => item.text.toString());
    expect(lines.sort()).toEqual(texts.sort());
    expect(result.records).toBe(232);
    expect(f.storage.audit.list()[0]).toMatchObject({ scope: { entity: EXCLUSIONS } });
  });

  it('is not synced by an engine without its registration', async () => {
    const plain = new SyncEngine({
      storage: f.storage,
      clock,
      retryPolicy: FAST_RETRY,
      rateLimits: FAST_LIMITS,
    });
    const result = await plain.sync({ console: f.record, token: SYNC_TOKEN, apis: [EXCLUSIONS] });
    expect(result.apis).toEqual({});
  });

  it('goes with its console: removing the console deletes its records', () => {
    f.storage.consoles.delete(f.record.id);
    expect(f.storage.entities.count(f.record.id, EXCLUSIONS)).toBe(0);
  });
});
