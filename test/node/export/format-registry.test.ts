import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport, type ExportRegistry } from '../../../electron/domains/export/exporter';
import { ENTITY_EXPORTS } from '../../../electron/domains/export/entity-records';
import { EXPORT_FORMAT_DEFINITIONS } from '../../../electron/domains/export/writers/format-registry';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS } from '../../../shared/export-formats';
import { ENTITIES, ENTITY_NAMES, formatsOf } from '../../../shared/entities';
import {
  lengthPrefixedFormat,
  readLengthPrefixed,
} from '../../support/toys/length-prefixed-format';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let f: SyncFixture;

beforeAll(async () => {
  f = await startSyncFixture(fs.mkdtempSync('/tmp/s1inv-formats-'), {
    agents: 120,
    threats: 30,
    activities: 10,
  });
  expect(await f.engine.sync({ console: f.record, token: SYNC_TOKEN })).toMatchObject({
    state: 'Idle',
  });
});
afterAll(async () => {
  await f.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

/** The built-in registry with the toy format added, as its one line of registration would. */
const withToy: ExportRegistry = {
  formats: { ...EXPORT_FORMAT_DEFINITIONS, 'ocsf-lp': lengthPrefixedFormat },
  entities: ENTITY_EXPORTS,
};

const ndjsonLines = async (entity: string) => {
  const out = join(tempDir(), `${entity}.ndjson`);
  await runExport(f.storage, systemClock, { format: 'ocsf-ndjson', out, entity });
  return fs.readFileSync(out, 'utf8').trimEnd().split('\n');
};

describe('the export format registry', () => {
  it('takes a binary format in one file plus its registration, for every entity that has its form', async () => {
    for (const entity of ['agents', 'threats']) {
      const out = join(tempDir(), `${entity}.ocsf.lp`);
      const result = await runExport(
        f.storage,
        systemClock,
        { format: 'ocsf-lp', out, entity },
        { registry: withToy },
      );
      const records = readLengthPrefixed(fs.readFileSync(out));
      expect(records.length).toBeGreaterThan(10);
      expect(result.records).toBe(records.length);
      // The same records as the built-in OCSF format, byte for byte, hashed and audited alike.
      expect(records).toEqual(await ndjsonLines(entity));
      const audited = f.storage.audit.list().find((entry) => entry.sha256 === result.sha256);
      expect(audited).toMatchObject({
        format: 'ocsf-lp',
        recordCount: records.length,
        sha256: result.sha256,
        scope: { entity },
      });
    }
  });

  it('refuses the toy for an entity without its form, naming the formats that fit', async () => {
    await expect(
      runExport(
        f.storage,
        systemClock,
        { format: 'ocsf-lp', out: join(tempDir(), 'x'), entity: 'activities' },
        { registry: withToy },
      ),
    ).rejects.toThrow('Stored activities are exported as raw-json or raw-ndjson, not ocsf-lp.');
  });

  it('is unknown without its registration', async () => {
    await expect(
      runExport(f.storage, systemClock, { format: 'ocsf-lp', out: join(tempDir(), 'y') }),
    ).rejects.toThrow(/Unknown format "ocsf-lp"/);
  });

  it('holds a writer for every format the hosts offer, and each entity offers what it reads', () => {
    expect(Object.keys(EXPORT_FORMAT_DEFINITIONS).sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const format of EXPORT_FORMATS)
      expect(EXPORT_FORMAT_DEFINITIONS[format]!.info).toBe(EXPORT_FORMAT_INFO[format]);
    for (const entity of ENTITY_NAMES) {
      expect(Object.keys(ENTITY_EXPORTS[entity].read).sort()).toEqual(
        [...ENTITIES[entity].forms].sort(),
      );
    }
    expect(formatsOf('activities')).toEqual(['raw-json', 'raw-ndjson']);
    expect(formatsOf('threats')).toEqual([
      'ocsf-json',
      'ocsf-ndjson',
      'ocsf-parquet',
      'raw-json',
      'raw-ndjson',
    ]);
  });
});
