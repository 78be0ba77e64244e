import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport, type ExportRequest } from '../../../electron/domains/export/exporter';
import type { Clock } from '../../../electron/adapters/platform/clock';
import { ELASTIC_AGENT } from '../../fixtures/real-format/agents';
import { REAL_FORMAT_THREATS } from '../../fixtures/real-format/threats';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { readParquet } from '../../support/parquet-reader';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';

// Issue 30, item 2: ocsf-parquet holds the ocsf-ndjson records, typed and nested, one class per
// file, read back by DuckDB; in Security Lake's layout, one file per day of the records' time.

let f: SyncFixture;
let dir: string;
const NOW = Date.UTC(2026, 10, 20, 9, 30);
const CLOCK: Clock = { now: () => new Date(NOW) };
const LAKE = { source: 'sentinelone-threats', region: 'eu-west-3', accountId: '123456789012' };

beforeAll(async () => {
  dir = mkdtempSync('/tmp/s1inv-parquet-');
  f = await startSyncFixture(join(dir, 'data'), { agents: 120, threats: 80, activities: 0 });
  // What real consoles return beside the generated fleet (sources in the fixtures' files).
  f.s1.putRaw(f.s1.agents, '13491234512345', ELASTIC_AGENT);
  f.s1.put(f.s1.threats, REAL_FORMAT_THREATS);
  fleetApplications(f.s1, 4, NOW - 3_600_000);
  const result = await f.engine.sync({
    console: f.record,
    token: SYNC_TOKEN,
    apis: ['agents', 'threats', 'applications', 'vulnerabilities'],
  });
  expect(result.state).toBe('Idle');
});
afterAll(async () => {
  await f.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exported(format: string, entity: string, extra: Partial<ExportRequest> = {}) {
  const out = join(dir, `${entity}-${format}${extra.lake ? '-lake' : ''}`);
  const result = await runExport(f.storage, CLOCK, { format, out, entity, ...extra });
  return { result, out };
}

const ndjson = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const byUid = (records: Record<string, unknown>[], uid: (r: any) => string) =>
  new Map(records.map((record) => [uid(record), record]));

describe('ocsf-parquet', () => {
  for (const [entity, uid] of [
    ['agents', (r: any) => r.device.uid_alt],
    ['threats', (r: any) => r.finding_info.uid],
    [
      'applications',
      (r: any) =>
        `${r.device.uid}|${JSON.stringify(r.sbom.package, Object.keys(r.sbom.package).sort())}`,
    ],
    [
      'vulnerabilities',
      (r: any) => `${r.device.uid_alt}|${r.vulnerabilities[0].cve.uid}|${r.finding_info.uid}`,
    ],
  ] as const) {
    it(`holds every ${entity} record of ocsf-ndjson, read back by DuckDB`, async () => {
      const expected = ndjson((await exported('ocsf-ndjson', entity)).out);
      const { result, out } = await exported('ocsf-parquet', entity);
      const read = await readParquet(out);
      expect(result.records).toBe(expected.length);
      expect(read.records).toHaveLength(expected.length);
      // One class per file.
      expect(new Set(read.records.map((r) => r.class_uid))).toEqual(
        new Set([expected[0]!.class_uid]),
      );
      const got = byUid(read.records, uid);
      expect(got.size).toBe(expected.length);
      for (const record of expected) expect(got.get(uid(record))).toEqual(record);
    });
  }

  it('types columns as OCSF does: timestamps in ms (UTC), ids as text, nesting as structs and lists', async () => {
    const { types } = await readParquet((await exported('ocsf-parquet', 'agents')).out);
    expect(types.time).toBe('TIMESTAMP WITH TIME ZONE');
    expect(types.class_uid).toBe('INTEGER');
    expect(types.device).toMatch(/^STRUCT\(/);
    expect(types.device).toContain('"uid" VARCHAR');
    expect(types.device).toContain('"last_seen_time" TIMESTAMP WITH TIME ZONE');
    expect(types.device).toMatch(/"network_interfaces" STRUCT\([^)]*\)\[\]/);
    // Free-form data is JSON text (DuckDB names a member's JSON type VARCHAR in the struct).
    expect(types.enrichments).toMatch(/"data" (JSON|VARCHAR)/);
    expect(types.unmapped).toBe('JSON');
  });

  it('writes Security Lake partitions: one file per day of the records, under the source, Region and account', async () => {
    const expected = ndjson((await exported('ocsf-ndjson', 'threats')).out);
    const { result, out } = await exported('ocsf-parquet', 'threats', { lake: LAKE });
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)));
    const days = new Set(
      expected.map((r) =>
        new Date(r.time as number).toISOString().slice(0, 10).replaceAll('-', ''),
      ),
    );
    expect(days.size).toBeGreaterThan(1);
    expect(files.sort()).toEqual(
      [...days]
        .sort()
        .map(
          (day) =>
            `ext/sentinelone-threats/region=eu-west-3/accountId=123456789012/eventDay=${day}/detection_finding-20261120T093000Z.parquet`,
        ),
    );
    let total = 0;
    for (const file of files) {
      const { records } = await readParquet(join(out, file));
      const day = /eventDay=(\d{8})/.exec(file)![1];
      for (const record of records) {
        expect(new Date(record.time as number).toISOString().slice(0, 10).replaceAll('-', '')).toBe(
          day,
        );
      }
      total += records.length;
    }
    expect(total).toBe(expected.length);
    expect(result.records).toBe(expected.length);
    // Nothing but the partitions: no temporary file is left.
    expect(files.every((file) => file.endsWith('.parquet'))).toBe(true);
  });

  it('refuses a lake layout for another format, and names that Security Lake would not take', async () => {
    await expect(exported('ocsf-ndjson', 'agents', { lake: LAKE })).rejects.toThrow(
      /export as ocsf-parquet, not ocsf-ndjson/,
    );
    await expect(
      exported('ocsf-parquet', 'agents', { lake: { ...LAKE, accountId: '1234' } }),
    ).rejects.toThrow(/12 digits/);
    await expect(
      exported('ocsf-parquet', 'agents', { lake: { ...LAKE, region: 'Paris' } }),
    ).rejects.toThrow(/such as eu-west-1/);
  });
});
