import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import type { Envelope } from '../../../shared/contract/contract';
import type { GridRow } from '../../../shared/contract/views';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { memoryBackend } from '../../support/memory-backend';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';
import { EVERY_DEVICE, gridQuery } from '../../support/grid-query';

// The Devices grid asks the backend for a window of rows with its filters, sort and counts
// (issue 15): the renderer holds the window, never the fleet.

const TOKEN = 'tok-grid-51c2';
const AGENTS = 400;
const tempDir = useTempDirs();
let s1: FakeS1Console;
let backend: Backend;
const ALL = EVERY_DEVICE;

const query = (args: object) => gridQuery(backend, args);
async function everyRow(): Promise<GridRow[]> {
  const listed = (await dispatch(backend, 'devices.list', {})) as Envelope<{ rows: GridRow[] }>;
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.rows;
}

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: AGENTS, threats: 0, activities: 0 });
  backend = memoryBackend(tempDir());
  await dispatch(backend, 'consoles.add', { name: 'lab', url: s1.url, token: TOKEN });
  await dispatch(backend, 'sync.run', { names: ['lab'], apis: ['agents'] });
});
afterAll(async () => {
  await backend.close();
  await s1.close();
});

describe('devices.query', () => {
  it('answers a window of the shown devices, in the asked order, with the counts', async () => {
    const rows = await everyRow();
    const active = rows.filter((r) => !r.decommissioned);
    const page = await query({ query: ALL, offset: 0, limit: 50 });
    expect(page).toMatchObject({
      shown: active.length,
      total: AGENTS,
      hiddenDecommissioned: AGENTS - active.length,
    });
    expect(page.rows).toHaveLength(50);
    expect(page.rows.every((r) => !r.decommissioned)).toBe(true);
    const sites = Object.fromEntries(page.facets.site!);
    for (const [site, count] of Object.entries(sites)) {
      expect(count).toBe(active.filter((r) => (r.site ?? 'Unknown') === site).length);
    }

    const byHost = (a: GridRow, b: GridRow) =>
      (a.hostname ?? '\uffff').toLowerCase() < (b.hostname ?? '\uffff').toLowerCase() ? -1 : 1;
    const sorted = await query({
      query: ALL,
      sort: { column: 'hostname', direction: 'asc' },
      offset: 10,
      limit: 20,
    });
    const expected = [...active].sort(byHost).slice(10, 30);
    expect(sorted.rows.map((r) => r.hostname)).toEqual(expected.map((r) => r.hostname));
    const descending = await query({
      query: ALL,
      sort: { column: 'hostname', direction: 'desc' },
      offset: 0,
      limit: 1,
    });
    const named = active.filter((r) => r.hostname).sort(byHost);
    expect(descending.rows[0]!.hostname).toBe(named.at(-1)!.hostname);
  });

  it('filters as the grid asks, and hands the agent ids of what it shows', async () => {
    const rows = await everyRow();
    const [site] = (await query({ query: ALL, offset: 0, limit: 0 })).facets.site![0]!;
    const narrowed = { ...ALL, include: { site: [site] }, exclude: { osType: ['Linux'] } };
    const page = await query({ query: narrowed, offset: 0, limit: 1000 });
    const expected = rows.filter(
      (r) => !r.decommissioned && (r.site ?? 'Unknown') === site && r.osType !== 'linux',
    );
    expect(page.shown).toBe(expected.length);
    expect(new Set(page.rows.map((r) => r.agentId))).toEqual(
      new Set(expected.map((r) => r.agentId)),
    );
    const shown = (await dispatch(backend, 'devices.shown', { query: narrowed })) as Envelope<{
      agentIds: string[];
    }>;
    expect(shown.ok && new Set(shown.value.agentIds)).toEqual(
      new Set(expected.map((r) => r.agentId)),
    );
  });

  it('narrows by the query bar, counts facets within it, and says where a query is wrong', async () => {
    const rows = await everyRow();
    const [site] = (await query({ query: ALL, offset: 0, limit: 0 })).facets.site![0]!;
    const where = `site:"${site}" AND NOT os:linux`;
    const page = await query({ query: { ...ALL, where }, offset: 0, limit: 1000 });
    const expected = rows.filter(
      (r) => !r.decommissioned && (r.site ?? 'Unknown') === site && r.osType !== 'linux',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(page.rows.map((r) => r.agentId))).toEqual(
      new Set(expected.map((r) => r.agentId)),
    );
    expect(page.facets.site).toEqual([[site, expected.length]]);
    // The text that says the same as the facets selects the same devices.
    const byFacets = await query({
      query: { ...ALL, include: { site: [site] }, exclude: { osType: ['Linux'] } },
      offset: 0,
      limit: 1000,
    });
    expect(byFacets.rows.map((r) => r.agentId)).toEqual(page.rows.map((r) => r.agentId));

    // Naming decommissioned devices in the query shows them: the grid stops hiding them.
    const gone = await query({
      query: { ...ALL, where: 'decommissioned' },
      offset: 0,
      limit: 1000,
    });
    expect(gone.shown).toBe(rows.filter((r) => r.decommissioned).length);
    expect(gone.hiddenDecommissioned).toBe(0);

    const bad = await dispatch(backend, 'devices.query', {
      query: { ...ALL, where: 'agent_version<latest' },
      offset: 0,
      limit: 1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!bad.ok && bad.error.message).toContain('agent_version takes a version such as 23.4');
    expect(!bad.ok && bad.error.message).toContain(
      '  agent_version<latest\n                ^^^^^^',
    );
  });

  it('reads the inventory again once a sync changed it', async () => {
    const before = await query({ query: ALL, offset: 0, limit: 0 });
    s1.put(s1.agents, [
      { ...generateAgent(AGENTS + 7), computerName: 'JUST-ENROLLED', isDecommissioned: false },
    ]);
    await dispatch(backend, 'sync.run', { names: ['lab'], apis: ['agents'] });
    const after = await query({ query: { ...ALL, search: 'just-enrolled' }, offset: 0, limit: 10 });
    expect(after.rows.map((r) => r.hostname)).toEqual(['JUST-ENROLLED']);
    expect(after.total).toBe(before.total + 1);
  });

  it('refuses a facet or a sort column it does not know', async () => {
    const bad = await dispatch(backend, 'devices.query', {
      query: { ...ALL, include: { password: ['x'] } },
      offset: 0,
      limit: 1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const badSort = await dispatch(backend, 'devices.query', {
      query: ALL,
      sort: { column: 'json', direction: 'asc' },
      offset: 0,
      limit: 1,
    });
    expect(badSort).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});

describe('devices.step', () => {
  it('walks the shown devices in the grid order, from any device, and stops at the ends', async () => {
    const sort = { column: 'hostname', direction: 'desc' } as const;
    const page = await query({ query: ALL, sort, offset: 0, limit: 5_000 });
    const ordered = page.rows.map((row) => ({ console: row.console, agentId: row.agentId }));
    const step = async (device: { console: string; agentId: string }, delta: 1 | -1) => {
      const answer = await dispatch(backend, 'devices.step', {
        query: ALL,
        sort,
        ...device,
        delta,
      });
      if (!answer.ok) throw new Error(answer.error.message);
      return (
        answer.value as { next: { console: string; agentId: string; position: number } | null }
      ).next;
    };
    // Far from the first rows: a device the grid has not loaded steps all the same.
    const middle = 250;
    expect(await step(ordered[middle]!, 1)).toEqual({
      ...ordered[middle + 1],
      position: middle + 1,
    });
    expect(await step(ordered[middle]!, -1)).toEqual({
      ...ordered[middle - 1],
      position: middle - 1,
    });
    expect(await step(ordered[0]!, -1)).toBeNull();
    expect(await step(ordered.at(-1)!, 1)).toBeNull();
    // A device the filters leave out (a decommissioned one, opened from a link) steps into them.
    const rows = await everyRow();
    const hidden = rows.find((row) => row.decommissioned)!;
    expect(await step({ console: hidden.console, agentId: hidden.agentId }, 1)).toEqual({
      ...ordered[0],
      position: 0,
    });
  });
});
