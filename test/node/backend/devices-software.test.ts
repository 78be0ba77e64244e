import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import type { Envelope } from '../../../shared/contract/contract';
import type { GridRow } from '../../../shared/contract/views';
import { FakeS1Console } from '../../support/fake-s1/server';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { memoryBackend } from '../../support/memory-backend';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';
import { EVERY_DEVICE, gridQuery } from '../../support/grid-query';

// Issue 31: the device grid (and its CSV) gains each device's applications, open CVEs and the
// worst one's severity, with a facet on the severity.

const TOKEN = 'tok-grid-apps-7c1e';
const tempDir = useTempDirs();
let s1: FakeS1Console;
let backend: Backend;
const ALL = { ...EVERY_DEVICE, decommissioned: true };

const query = (args: object) => gridQuery(backend, args);

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 60, threats: 0, activities: 0 });
  fleetApplications(s1, 30, Date.now());
  backend = memoryBackend(tempDir());
  await dispatch(backend, 'consoles.add', {
    name: 'lab',
    url: s1.url,
    token: TOKEN,
    apis: ['agents', 'applications', 'vulnerabilities'],
  });
  await dispatch(backend, 'sync.run', { names: ['lab'] });
});
afterAll(async () => {
  await backend.close();
  await s1.close();
});

describe('the device grid with software and CVEs', () => {
  it('shows each device’s applications, open CVEs and worst severity, with a facet', async () => {
    const page = await query({ query: ALL, offset: 0, limit: 100 });
    const rows: GridRow[] = page.rows;
    const active = rows.filter((row) => !row.decommissioned);
    expect(active.every((row) => row.applications === 30)).toBe(true);
    // What the fake serves: each device's open CVE rows, and their worst severity.
    const byAgent = new Map<string, string[]>();
    for (const { value } of s1.risks.values()) {
      const row = value as { endpointId: string; severity: string };
      byAgent.set(row.endpointId, [...(byAgent.get(row.endpointId) ?? []), row.severity]);
    }
    for (const row of active) {
      const severities = byAgent.get(row.agentId) ?? [];
      expect(row.vulnerabilities ?? 0).toBe(severities.length);
      const worst = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].find((s) => severities.includes(s));
      expect(row.highestSeverity?.toUpperCase()).toBe(worst);
    }
    const facet = Object.fromEntries(page.facets.highestSeverity!);
    // The facet counts what the grid shows (decommissioned devices included here).
    const critical = rows.filter((row) => row.highestSeverity === 'Critical').length;
    expect(critical).toBeGreaterThan(0);
    expect(facet.Critical).toBe(critical);

    const narrowed = await query({
      query: { ...ALL, include: { highestSeverity: ['Critical'] } },
      offset: 0,
      limit: 100,
    });
    expect(narrowed.rows.map((row) => row.agentId).sort()).toEqual(
      rows
        .filter((row) => row.highestSeverity === 'Critical')
        .map((row) => row.agentId)
        .sort(),
    );
  });

  it('writes the three columns into the devices CSV', async () => {
    const result = (await dispatch(backend, 'export.run', {
      format: 'csv',
      scope: { kind: 'all' },
    })) as Envelope<{ status: string; path: string }>;
    expect(result).toMatchObject({ ok: true, value: { status: 'written' } });
    if (!result.ok) return;
    const [header, ...lines] = readFileSync(result.value.path, 'utf8').trimEnd().split('\r\n');
    // Then the analyst's notes (none here: every device unreviewed).
    expect(header).toMatch(
      /"Applications","Vulnerabilities","Highest severity","Triage","Tags","Note"$/,
    );
    expect(
      lines.some((line) => /"30","\d+","(Critical|High|Medium|Low)","unreviewed",,$/.test(line)),
    ).toBe(true);
  });
});
