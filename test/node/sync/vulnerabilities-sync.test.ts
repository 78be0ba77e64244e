import { afterEach, describe, expect, it } from 'vitest';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 31: CVE rows, a full walk then walks of what changed (riskUpdatedDate, removals
// included), upserted by id.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const HOUR = 3_600_000;
const riskRequests = (f: SyncFixture) =>
  f.s1.requests.filter((r) => r.path.endsWith('/application-management/risks'));
const sync = (f: SyncFixture) =>
  f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['vulnerabilities'] });
const stored = (f: SyncFixture) =>
  [...f.storage.entities.records('vulnerabilities', 'json')].map(
    (r) => JSON.parse(r.value as string) as Record<string, unknown>,
  );

describe('the vulnerabilities sync', () => {
  it('walks every row first, then only what changed, and a removal replaces its row', async () => {
    const f = (fixture = await startSyncFixture(tempDir(), {
      agents: 300,
      threats: 0,
      activities: 0,
    }));
    // Rows last changed two hours ago; the walk overlaps one hour, so they are not read again.
    const served = fleetApplications(f.s1, 30, Date.now() - 2 * HOUR);
    expect(served.risks).toBeGreaterThan(100);

    const first = await sync(f);
    expect(first.apis.vulnerabilities).toMatchObject({
      state: 'complete',
      fetched: served.risks,
      new: served.risks,
      expected: served.risks,
    });
    expect(riskRequests(f)[0]?.query).toMatchObject({ sortBy: 'id', limit: '1000' });
    expect(riskRequests(f)[0]?.query.includeRemovals).toBeUndefined();
    const rows = stored(f);
    expect(rows).toHaveLength(served.risks);
    // Kept as sent: scores as strings, severity upper case, markType "" or an object.
    expect(rows[0]).toMatchObject({ baseScore: expect.stringMatching(/^\d+\.\d\d$/) });
    expect(new Set(rows.map((r) => typeof r.markType))).toEqual(new Set(['string', 'object']));

    // One row is removed now, and one new row detected.
    const [removed] = [...f.s1.risks.values()].map((item) => JSON.parse(item.text as string));
    const now = new Date().toISOString();
    f.s1.putRisks([{ ...removed, status: 'Removed' }], now);
    f.s1.putRisks([{ ...removed, id: '9999999999999999999', cveId: 'CVE-2024-9680' }], now);
    const asked = riskRequests(f).length;
    const second = await sync(f);
    expect(second.apis.vulnerabilities).toMatchObject({ state: 'complete', fetched: 2, new: 1 });
    const delta = riskRequests(f)[asked]!.query;
    expect(delta.includeRemovals).toBe('true');
    expect(Date.parse(delta.riskUpdatedDate__gte!)).toBeLessThan(Date.now() - HOUR + 60_000);
    const after = stored(f);
    expect(after).toHaveLength(served.risks + 1);
    expect(after.find((r) => r.id === removed.id)?.status).toBe('Removed');
  });

  it('survives 429s and names the permission a token lacks', async () => {
    const f = (fixture = await startSyncFixture(tempDir(), {
      agents: 50,
      threats: 0,
      activities: 0,
    }));
    fleetApplications(f.s1, 30, Date.now() - 2 * HOUR);
    f.s1.faults.add({
      path: '/application-management/risks',
      times: 2,
      fault: { kind: 'status', status: 429, retryAfter: '0' },
    });
    expect((await sync(f)).apis.vulnerabilities?.state).toBe('complete');

    f.s1.addToken(SYNC_TOKEN, { scope: 'global', deny: ['/application-management/risks'] });
    const refused = await f.engine.sync({
      console: f.record,
      token: SYNC_TOKEN,
      apis: ['agents', 'vulnerabilities'],
    });
    expect(refused.apis.agents?.state).toBe('complete');
    expect(refused.apis.vulnerabilities?.state).toBe('failed');
    expect(refused.apis.vulnerabilities?.errors[0]?.message).toMatch(
      /Applications Page\.viewRisks permission and a licence/,
    );
  });
});
