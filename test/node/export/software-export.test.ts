import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/domains/export/exporter';
import { systemClock } from '../../../electron/adapters/platform/clock';
import {
  errorsOf,
  validateDeviceInventoryInfo,
  validateSoftwareInventoryInfo,
  validateVulnerabilityFinding,
} from '../../../shared/ocsf/validator';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 31: applications and vulnerabilities exported as OCSF 1.6.0 (5020, 2002), every record
// valid and joined to a device record of the same export by device.uid; and as CSV.

const tempDir = useTempDirs();
let f: SyncFixture;
let served: { applications: number; risks: number };

beforeAll(async () => {
  f = await startSyncFixture(tempDir(), { agents: 120, threats: 0, activities: 0 });
  served = fleetApplications(f.s1, 40, Date.now() - 3_600_000);
  const result = await f.engine.sync({
    console: f.record,
    token: SYNC_TOKEN,
    apis: ['agents', 'applications', 'vulnerabilities'],
  });
  expect(result.state).toBe('Idle');
});
afterAll(() => f.close());

async function exported(entity: string, format: 'ocsf-ndjson' | 'csv') {
  const out = join(tempDir(), `${entity}.${format}`);
  const result = await runExport(f.storage, systemClock, { format, out, entity });
  return { result, lines: readFileSync(out, 'utf8').trimEnd().split(/\r?\n/) };
}

const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, any>);

describe('software and vulnerability exports', () => {
  it('writes every application of every active device as valid Software Inventory Info, joined', async () => {
    const devices = parsed((await exported('agents', 'ocsf-ndjson')).lines);
    for (const d of devices) expect(errorsOf(validateDeviceInventoryInfo(d))).toEqual([]);
    const uids = new Set(devices.map((d) => d.device.uid));
    const { result, lines } = await exported('applications', 'ocsf-ndjson');
    const records = parsed(lines);
    const activeAgents = f.storage.software.agentCount(f.record.id);
    expect(result).toMatchObject({ records: activeAgents * 40, skipped: [] });
    let invalid = 0;
    for (const record of records) {
      if (errorsOf(validateSoftwareInventoryInfo(record)).length > 0) invalid += 1;
      expect(uids.has(record.device.uid)).toBe(true);
    }
    expect(invalid).toBe(0);
  });

  it('writes every CVE row as a valid Vulnerability Finding, joined to its device', async () => {
    const devices = parsed((await exported('agents', 'ocsf-ndjson')).lines);
    const uids = new Set(devices.map((d) => d.device.uid));
    const { result, lines } = await exported('vulnerabilities', 'ocsf-ndjson');
    expect(result.records).toBe(served.risks);
    const records = parsed(lines);
    for (const record of records) {
      expect(errorsOf(validateVulnerabilityFinding(record))).toEqual([]);
      expect(uids.has(record.device.uid)).toBe(true);
    }
    expect(new Set(records.map((r) => r.finding_info.uid)).size).toBe(served.risks);
  });

  it('writes both as CSV with their own columns, formulas neutralised', async () => {
    const apps = await exported('applications', 'csv');
    expect(apps.lines[0]).toBe(
      '\uFEFF"Agent ID","Hostname","Application","Publisher","Version","Size","Installed"',
    );
    expect(apps.lines).toHaveLength(1 + apps.result.records);
    // A hostile endpoint name reaches the file as text, not as a formula.
    const [row] = [...f.s1.risks.values()].map((item) => JSON.parse(item.text as string));
    f.s1.putRisks([{ ...row, endpointName: '=HYPERLINK("http://x")' }], new Date().toISOString());
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['vulnerabilities'] });
    const cves = await exported('vulnerabilities', 'csv');
    expect(cves.lines.some((line) => line.includes('"\'=HYPERLINK(""http://x"")"'))).toBe(true);
    expect(cves.lines[0]).toMatch(/^\uFEFF"CVE","Severity","Score","Status"/);
    expect(cves.lines[1]).toMatch(
      /^"CVE-\d{4}-\d+","(LOW|MEDIUM|HIGH|CRITICAL)","\d+\.\d\d","Detected"/,
    );
  });
});
