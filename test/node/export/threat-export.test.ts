import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/storage/audit-store';
import { runExport } from '../../../electron/domains/export/exporter';
import { errorsOf, validateDetectionFinding } from '../../../shared/ocsf/validator';
import { generateAgent } from '../../support/generate/agents';
import { REAL_FORMAT_THREATS } from '../../fixtures/real-format/threats';
import { generateThreat } from '../../support/generate/threats';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// `export --entity threats` as OCSF Detection Findings: every record valid, streamed and atomic
// like the device exports, in the audit log, and joined to its device by device.uid.

const tempDir = useTempDirs();
const AGENTS = 30;
const NOW = Date.parse('2031-03-15T12:00:00.000Z');
const clock = { now: () => new Date(NOW) };
let f: SyncFixture;

/** Agent k has k % 4 unresolved threats (and says so in activeThreats) plus one resolved. */
const unresolvedOf = (k: number) => k % 4;

beforeAll(async () => {
  f = await startSyncFixture(fs.mkdtempSync('/tmp/s1inv-threat-export-'), {
    agents: 0,
    threats: 0,
    activities: 0,
  });
  f.s1.put(
    f.s1.agents,
    Array.from({ length: AGENTS }, (_, k) => ({
      ...generateAgent(k, { nowMs: NOW }),
      uuid: k.toString(16).padStart(32, '0'),
      activeThreats: unresolvedOf(k),
    })),
  );
  let index = 0;
  for (let k = 0; k < AGENTS; k += 1) {
    const threat = (status: string) => {
      const generated = generateThreat((index += 1), {
        agents: AGENTS,
        agentIndex: k,
        status,
        updatedMs: NOW,
      });
      if (k % 5 !== 0) return generated;
      // As some consoles send it: no uuid on the realtime record, and the detection-time uuid of
      // another agent (one reinstalled since). The finding still joins this agent's record.
      const { agentUuid: _dropped, ...realtime } = generated.agentRealtimeInfo;
      const other = ((k + 1) % AGENTS).toString(16).padStart(32, '0');
      return {
        ...generated,
        agentRealtimeInfo: realtime,
        agentDetectionInfo: { ...generated.agentDetectionInfo, agentUuid: other },
      };
    };
    const threats = Array.from({ length: unresolvedOf(k) }, () => threat('unresolved'));
    f.s1.put(f.s1.threats, [...threats, threat('resolved')]);
  }
  // And threats in the shape real consoles send (test/fixtures/real-format), synced and exported
  // like the others.
  f.s1.put(f.s1.threats, REAL_FORMAT_THREATS);
  const result = await f.engine.sync({
    console: f.record,
    token: SYNC_TOKEN,
    since: { date: '2000-01-01' },
  });
  expect(result.state).toBe('Idle');
});
afterAll(async () => {
  await f.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

const exportThreats = async (format: string, extra: { agentIds?: Set<string> } = {}) => {
  const out = join(tempDir(), `threats.${format}`);
  const result = await runExport(f.storage, clock, { format, out, entity: 'threats', ...extra });
  return { result, text: fs.readFileSync(out, 'utf8') };
};

type Finding = { status_id: number; device: { uid: string; uid_alt: string } };

describe('threats exported as OCSF Detection Findings', () => {
  it('writes every stored threat as a valid finding, as ndjson and as a JSON array', async () => {
    const { result, text } = await exportThreats('ocsf-ndjson');
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Finding);
    expect(records).toHaveLength(f.s1.threats.size);
    expect(result.records).toBe(f.s1.threats.size);
    for (const record of records) expect(errorsOf(validateDetectionFinding(record))).toEqual([]);

    const array = JSON.parse((await exportThreats('ocsf-json')).text) as unknown[];
    expect(array).toEqual(records);

    const [entry] = new AuditStore(f.db).list();
    expect(entry).toMatchObject({
      action: 'export',
      format: 'ocsf-json',
      recordCount: f.s1.threats.size,
      scope: { entity: 'threats' },
    });
  });

  it("joins each device by device.uid: a device's open findings match its activeThreats", async () => {
    const out = join(tempDir(), 'devices.ndjson');
    await runExport(f.storage, clock, { format: 'ocsf-ndjson', out });
    const devices = fs.readFileSync(out, 'utf8');
    const uidByAgent = new Map(
      devices
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { device: { uid: string; uid_alt: string } })
        .map((record) => [record.device.uid_alt, record.device.uid]),
    );
    const open = new Map<string, number>();
    for (const line of (await exportThreats('ocsf-ndjson')).text.trimEnd().split('\n')) {
      const finding = JSON.parse(line) as Finding;
      // Open: New or In Progress (a resolved false positive is Suppressed, a fixed one Resolved).
      if (finding.status_id === 1 || finding.status_id === 2)
        open.set(finding.device.uid, (open.get(finding.device.uid) ?? 0) + 1);
    }
    for (const item of f.s1.agents.values()) {
      const agent = item.value as { id: string; activeThreats: number };
      const uid = uidByAgent.get(agent.id);
      expect(uid).toBeDefined();
      expect(open.get(uid!) ?? 0).toBe(agent.activeThreats);
    }
  });

  it('exports only the threats of the chosen devices', async () => {
    const agentIds = new Set([...f.s1.agents.keys()].slice(0, 3));
    const { text } = await exportThreats('ocsf-ndjson', { agentIds });
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Finding);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(agentIds.has(record.device.uid_alt)).toBe(true);
  });

  it.each(['csv', 'sekoia-json'])(
    'refuses threats as %s, naming the formats that work',
    async (format) => {
      await expect(exportThreats(format)).rejects.toThrow(
        /exported as ocsf-json, ocsf-ndjson, ocsf-parquet, raw-json or raw-ndjson/,
      );
    },
  );
});
