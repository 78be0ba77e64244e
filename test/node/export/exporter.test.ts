import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/storage/audit-store';
import { runExport } from '../../../electron/domains/export/exporter';
import type { FileSystem } from '../../../electron/adapters/files/atomic-stream';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { errorsOf, validateDeviceInventoryInfo } from '../../../shared/ocsf/validator';
import { mapAgentToSekoia } from '../../../shared/sekoia/dialect';
import { generateAgent } from '../../support/generate/agents';
import { generateThreat } from '../../support/generate/threats';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let f: SyncFixture;
let out: string;
const AGENTS = 400;
const INJECTION = '=HYPERLINK("http://evil.example","x")';

beforeAll(async () => {
  f = await startSyncFixture(fs.mkdtempSync('/tmp/s1inv-export-'), {
    agents: AGENTS,
    threats: 60,
    activities: 80,
  });
  // One agent whose hostname a spreadsheet would run, and one activity with a big integer.
  f.s1.put(f.s1.agents, [
    { ...generateAgent(5_000), computerName: INJECTION, siteName: '+SUM(A1)', groupName: '@cmd' },
  ]);
  f.s1.putRaw(
    f.s1.activities,
    '1800000000000009999',
    `{"id":"1800000000000009999","createdAt":"${new Date().toISOString().replace('Z', '042Z')}","data":{"accountId":111111111111111111}}`,
  );
  // One agent and one threat whose bytes are not valid UTF-8 (a console's mis-encoded name).
  f.s1.putRaw(f.s1.agents, INVALID_UTF8_AGENT.id, INVALID_UTF8_AGENT.bytes);
  f.s1.putRaw(f.s1.threats, INVALID_UTF8_THREAT.id, INVALID_UTF8_THREAT.bytes);
  const result = await f.engine.sync({ console: f.record, token: SYNC_TOKEN });
  expect(result, JSON.stringify(result)).toMatchObject({ state: 'Idle' });
});

/** The object's JSON with the marker `@@` replaced by the bytes 0xFF 0xFE (never valid UTF-8). */
function withInvalidUtf8(value: object): Buffer {
  const [before, after] = JSON.stringify(value).split('@@');
  return Buffer.concat([Buffer.from(before!), Buffer.from([0xff, 0xfe]), Buffer.from(after!)]);
}
const INVALID_UTF8_AGENT = {
  id: '1900000000000000001',
  bytes: withInvalidUtf8({
    ...generateAgent(5_001),
    id: '1900000000000000001',
    computerName: 'bad-@@-host',
  }),
};
const INVALID_UTF8_THREAT = (() => {
  const threat = generateThreat(9_001, { agents: AGENTS, updatedMs: Date.now() });
  threat.threatInfo.threatName = 'dropper-@@.exe';
  return { id: threat.id, bytes: withInvalidUtf8(threat) };
})();
afterAll(async () => {
  await f.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

const exportAs = async (format: string, extra: { entity?: string; console?: string } = {}) => {
  out = join(tempDir(), `export.${format}`);
  return await runExport(f.storage, systemClock, { format, out, ...extra });
};
const sha256 = (path: string) => createHash('sha256').update(fs.readFileSync(path)).digest('hex');

describe('exports', () => {
  it('ocsf-json: an array of records that all validate against OCSF 1.6.0', async () => {
    const result = await exportAs('ocsf-json');
    const records = JSON.parse(fs.readFileSync(out, 'utf8')) as unknown[];
    expect(records).toHaveLength(AGENTS + 2);
    expect(result.records).toBe(AGENTS + 2);
    for (const record of records) expect(errorsOf(validateDeviceInventoryInfo(record))).toEqual([]);
    expect(result.sha256).toBe(sha256(out));
  });

  it('ocsf-ndjson: the same records, one per line', async () => {
    await exportAs('ocsf-ndjson');
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(AGENTS + 2);
    for (const line of lines)
      expect(errorsOf(validateDeviceInventoryInfo(JSON.parse(line)))).toEqual([]);
  });

  it("sekoia-json: exactly the push body, in Sekoia's dialect", async () => {
    const result = await exportAs('sekoia-json');
    const body = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      version: number;
      items: { device: { uid_alt?: string; uid: string } }[];
    };
    expect(body.version).toBe(1);
    const raws = [...f.s1.agents.values()].map((a) => a.value);
    // As a push does, the body leaves decommissioned devices out, and says so.
    const active = raws.filter(
      (raw) => (raw as { isDecommissioned?: boolean }).isDecommissioned !== true,
    );
    expect(active.length).toBeLessThan(raws.length);
    expect(result.skipped.filter((s) => s.reason === 'decommissioned')).toHaveLength(
      raws.length - active.length,
    );
    const expected = active
      .map((raw) => mapAgentToSekoia(raw, { readTimeMs: 0 }))
      .filter((r) => r.ok)
      .map((r) => (r.ok ? r.value.record.device : undefined));
    expect(body.items).toHaveLength(expected.length);
    const byUid = new Map(body.items.map((item) => [item.device.uid, item.device]));
    for (const device of expected)
      expect(byUid.get((device as { uid: string }).uid)).toEqual(device);
    // With the flag they are kept, as `push --include-decommissioned` sends them.
    await runExport(f.storage, systemClock, {
      format: 'sekoia-json',
      out,
      includeDecommissioned: true,
    });
    const all = JSON.parse(fs.readFileSync(out, 'utf8')) as { items: unknown[] };
    expect(all.items.length).toBeGreaterThan(body.items.length);
  });

  it('csv: the grid columns, UTF-8 with BOM, ids as text, formulas neutralised', async () => {
    await exportAs('csv');
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF"Console","Site","Group","Hostname"')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(AGENTS + 2);
    const evil = rows.find((row) => row.Hostname?.includes('HYPERLINK'));
    expect(evil?.Hostname).toBe(`'${INJECTION}`);
    expect(evil?.Site).toBe("'+SUM(A1)");
    expect(evil?.Group).toBe("'@cmd");
    expect(rows.every((row) => /^\d{19}$/.test(row['Agent ID']!))).toBe(true);
    expect(text).toMatch(/"1559342436000000000"/);
    for (const row of rows) expect(row.Hostname ?? '').not.toMatch(/^[=+\-@]/);
  });

  it('raw-json and raw-ndjson reproduce the API objects byte-exact', async () => {
    await exportAs('raw-json');
    const text = fs.readFileSync(out, 'utf8');
    for (const item of f.s1.agents.values()) expect(text).toContain(item.text);
    expect(JSON.parse(text)).toHaveLength(AGENTS + 2);

    await exportAs('raw-ndjson', { entity: 'activities' });
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.sort()).toEqual([...f.s1.activities.values()].map((a) => a.text).sort());
    expect(lines).toContain(f.s1.activities.get('1800000000000009999')!.text);

    await exportAs('raw-json', { entity: 'threats' });
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as unknown[]).length).toBe(61);
  });

  it('raw exports give back bytes that are not valid UTF-8 exactly as the console sent them', async () => {
    await exportAs('raw-ndjson');
    const agentLines = fs.readFileSync(out).toString('latin1').split('\n');
    expect(agentLines).toContain(INVALID_UTF8_AGENT.bytes.toString('latin1'));

    await exportAs('raw-json', { entity: 'threats' });
    const threats = fs.readFileSync(out);
    expect(threats.includes(INVALID_UTF8_THREAT.bytes)).toBe(true);

    // The mapped formats read the same agent as any JSON reader would: U+FFFD for the bad bytes.
    await exportAs('ocsf-ndjson');
    const records = fs
      .readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { device: { hostname: string } });
    expect(records.map((record) => record.device.hostname)).toContain('bad-\uFFFD\uFFFD-host');
  });

  it('records each export in the audit log with its count and sha256', async () => {
    const result = await exportAs('ocsf-ndjson', { console: 'prod' });
    const [entry] = new AuditStore(f.db).list();
    expect(entry).toMatchObject({
      action: 'export',
      format: 'ocsf-ndjson',
      scope: { console: 'prod', entity: 'agents' },
      recordCount: AGENTS + 2,
      sha256: sha256(out),
      destination: result.path,
    });
    expect(entry?.osUser).not.toBe('');
  });

  it('leaves no partial file and the old file intact when the disk is full', async () => {
    const dir = tempDir();
    out = join(dir, 'inventory.ndjson');
    fs.writeFileSync(out, 'the previous export\n');
    const fullDisk: FileSystem = {
      ...fs,
      writeSync: (() => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }) as typeof fs.writeSync,
    };
    const auditBefore = new AuditStore(f.db).list().length;
    await expect(
      runExport(f.storage, systemClock, { format: 'raw-ndjson', out }, { files: fullDisk }),
    ).rejects.toThrow(/disk is full/);
    expect(fs.readdirSync(dir)).toEqual(['inventory.ndjson']);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous export\n');
    expect(new AuditStore(f.db).list()).toHaveLength(auditBefore);
  });

  it.each([
    [{ format: 'xml' }, /Unknown format "xml"/],
    [
      { format: 'csv', entity: 'activities' },
      /activities are exported as raw-json or raw-ndjson, not csv/,
    ],
    [{ format: 'raw-json', entity: 'devices' }, /Unknown entity "devices"/],
    [{ format: 'csv', console: 'nope' }, /No console is named "nope"/],
  ])('refuses %j with a clear message', async (request, message) => {
    await expect(
      runExport(f.storage, systemClock, { out: join(tempDir(), 'x'), ...request }),
    ).rejects.toThrow(message);
  });

  it('says why a destination folder does not work', async () => {
    await expect(
      runExport(f.storage, systemClock, { format: 'csv', out: '/nonexistent-dir/x.csv' }),
    ).rejects.toThrow(/the folder does not exist/);
  });
});
