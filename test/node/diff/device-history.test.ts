import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import type { Envelope } from '../../../shared/contract/contract';
import type { DeviceHistory, GridRow } from '../../../shared/contract/views';
import { invalidate } from '../../support/fake-s1/listing';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { memoryBackend } from '../../support/memory-backend';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runS1invInProcess, jsonValue } from '../../support/run-cli';

// A device's history (issue 29 item 2): first and last seen across the kept snapshots, and a
// timeline of what changed, when it went and when it came back.

const TOKEN = 'tok-history-3c9e';
let s1: FakeS1Console;
let backend: Backend;
let dataDir: string;
const agent = (i: number, extra: object = {}): Record<string, unknown> & { id: string } => ({
  id: String(generateAgent(i).id),
  ...generateAgent(i),
  computerName: `hist-${i}`,
  agentVersion: '23.3.1.5',
  isDecommissioned: false,
  ...extra,
});
const WATCHED = agent(3);
const ID = String(WATCHED.id);

async function history(agentId: string): Promise<Envelope<DeviceHistory>> {
  return (await dispatch(backend, 'devices.history', {
    console: 'lab',
    agentId,
  })) as Envelope<DeviceHistory>;
}
const sync = () => dispatch(backend, 'sync.run', { names: ['lab'], apis: ['agents'] });

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(s1.agents, [agent(1), agent(2), WATCHED]);
  // One inventory for the file (a tempDir() is removed after the first test).
  dataDir = mkdtempSync(join(tmpdir(), 's1inv-history-'));
  backend = memoryBackend(dataDir);
  await dispatch(backend, 'consoles.add', {
    name: 'lab',
    url: s1.url,
    token: TOKEN,
    keepSnapshots: 5,
  });
  await sync();
  // Its agent was upgraded: one change.
  s1.put(s1.agents, [{ ...WATCHED, agentVersion: '23.4.2.14' }]);
  await sync();
  // A sync with nothing new about it: no event.
  await sync();
  // Gone from the console, then back with another address and decommissioned.
  s1.agents.delete(ID);
  invalidate(s1.agents);
  await sync();
  s1.put(s1.agents, [
    {
      ...WATCHED,
      agentVersion: '23.4.2.14',
      isDecommissioned: true,
      networkInterfaces: [{ inet: ['10.9.9.9'], physical: '00:11:22:33:44:55' }],
    },
  ]);
  await sync();
});
afterAll(async () => {
  await backend.close();
  await s1.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('devices.history', () => {
  it('gives first and last seen, and each change, absence and return, oldest first', async () => {
    const result = await history(ID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { events, ...summary } = result.value;
    expect(summary).toMatchObject({
      console: 'lab',
      agentId: ID,
      hostname: 'hist-3',
      snapshots: 5,
      present: 4,
    });
    expect(summary.firstSeen! <= summary.lastSeen!).toBe(true);
    expect(events.map((e) => e.kind)).toEqual(['first', 'changed', 'gone', 'back']);
    expect(events[1]!.fields).toEqual([
      { field: 'Agent version', before: '23.3.1.5', after: '23.4.2.14' },
    ]);
    const back = Object.fromEntries(events[3]!.fields.map((f) => [f.field, f.after]));
    expect(back).toMatchObject({
      IPs: '10.9.9.9',
      Decommissioned: 'yes',
      MACs: '00:11:22:33:44:55',
    });
    expect(events[0]!.takenAt).toBe(summary.firstSeen);
    expect(events[3]!.takenAt).toBe(summary.lastSeen);
    expect(new Set(events.map((e) => e.snapshotId)).size).toBe(4);
  });

  it('gives the grid and the query its first time in a kept snapshot', async () => {
    const result = await history(ID);
    const rows = (await dispatch(backend, 'devices.list', {
      where: `agent_id:${ID} AND has:first_synced`,
    })) as Envelope<{
      rows: GridRow[];
    }>;
    expect(rows.ok && rows.value.rows.map((r) => r.firstSeen)).toEqual([
      result.ok && result.value.firstSeen,
    ]);
  });

  it('gives every row its first time, page by page as in one page', async () => {
    type Page = Envelope<{ rows: GridRow[]; next?: string }>;
    const whole = (await dispatch(backend, 'devices.list', {})) as Page;
    const paged: GridRow[] = [];
    let cursor: string | undefined;
    do {
      const page = (await dispatch(backend, 'devices.list', {
        limit: 1,
        ...(cursor === undefined ? {} : { cursor }),
      })) as Page;
      if (!page.ok) throw new Error(page.error.message);
      paged.push(...page.value.rows);
      cursor = page.value.next;
    } while (cursor !== undefined);
    expect(whole.ok && whole.value.rows.every((r) => r.firstSeen !== undefined)).toBe(true);
    expect(paged.map((r) => [r.agentId, r.firstSeen])).toEqual(
      whole.ok && whole.value.rows.map((r) => [r.agentId, r.firstSeen]),
    );
  });

  it('says so for an agent no kept snapshot holds', async () => {
    const missing = await history('999999999999');
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!missing.ok && missing.error.message).toMatch(
      /keeps no snapshot with agent 999999999999/,
    );
  });
});

describe('s1inv devices --history', () => {
  it('prints the timeline by hostname, and the same as JSON', async () => {
    await backend.close();
    const cli = (...args: string[]) => runS1invInProcess(['--data-dir', dataDir, ...args]);
    const text = await cli('devices', '--history', 'HIST-3');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`hist-3 · console lab · agent ${ID}`);
    expect(text.stdout).toMatch(/in 4 of 5 kept snapshot\(s\)/);
    expect(text.stdout).toMatch(
      /snapshot \d+ {2}changed\n {4}Agent version: 23\.3\.1\.5 → 23\.4\.2\.14\n/,
    );
    expect(text.stdout).toContain('not in this snapshot');
    const json = await cli('devices', '--history', ID, '--json');
    expect((jsonValue(json) as DeviceHistory[]).map((h) => h.events.length)).toEqual([4]);
    const none = await cli('devices', '--history', 'nobody');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No device has the agent id or hostname "nobody"');
    backend = memoryBackend(dataDir);
  });
});
