import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import type { Envelope } from '../../../shared/contract/contract';
import type { DeviceDetail } from '../../../shared/contract/views';
import { RISK_ROWS } from '../../fixtures/real-format/applications';
import { FakeS1Console } from '../../support/fake-s1/server';
import { memoryBackend } from '../../support/memory-backend';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';
import { EVERY_DEVICE, gridQuery } from '../../support/grid-query';

// Issue 31: a device's page and its grid row read its CVE rows alike, however the console
// spells a row's severity and status: "REMOVED" closes a CVE on both, "critical" is Critical.

const TOKEN = 'tok-device-cves-2b9a';
const tempDir = useTempDirs();
let s1: FakeS1Console;
let backend: Backend;
let agentId: string;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 3, threats: 0, activities: 0 });
  agentId = [...s1.agents.values()]
    .map((item) => item.value as { id: string; isDecommissioned?: boolean })
    .find((agent) => agent.isDecommissioned !== true)!.id;
  // Real rows (test/fixtures/real-format/applications.ts), on one device, two respelt.
  const [closed, lower, kept] = RISK_ROWS.map((text) => ({
    ...(JSON.parse(text) as Record<string, unknown>),
    endpointId: agentId,
  }));
  s1.putRisks(
    [{ ...closed, status: 'REMOVED' }, { ...lower, severity: 'critical' }, kept!],
    '2026-01-05T00:00:00.000Z',
  );
  backend = memoryBackend(tempDir());
  await dispatch(backend, 'consoles.add', {
    name: 'lab',
    url: s1.url,
    token: TOKEN,
    apis: ['agents', 'vulnerabilities'],
  });
  await dispatch(backend, 'sync.run', { names: ['lab'] });
});
afterAll(async () => {
  await backend.close();
  await s1.close();
});

describe("a device's CVE rows", () => {
  it('are open or closed, and as severe, on the device page as in the grid', async () => {
    const detail = (await dispatch(backend, 'devices.detail', {
      console: 'lab',
      agentId,
    })) as Envelope<DeviceDetail>;
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    const byCve = Object.fromEntries(detail.value.vulnerabilities!.map((row) => [row.cveId, row]));
    const [closed, lower, kept] = RISK_ROWS.map(
      (text) => JSON.parse(text) as { cveId: string; severity: string },
    );
    expect(byCve[closed!.cveId]).toMatchObject({ open: false, status: 'REMOVED' });
    expect(byCve[lower!.cveId]).toMatchObject({ open: true, severity: 'Critical' });
    expect(byCve[kept!.cveId]).toMatchObject({ open: true, severity: 'Medium' });
    expect(kept!.severity).toBe('MEDIUM');

    const page = await gridQuery(backend, { query: EVERY_DEVICE, offset: 0, limit: 10 });
    const row = page.rows.find((r) => r.agentId === agentId)!;
    expect(row).toMatchObject({ vulnerabilities: 2, highestSeverity: 'Critical' });
    expect(detail.value.vulnerabilities!.filter((r) => r.open)).toHaveLength(2);
  });
});
