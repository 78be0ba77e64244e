import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { generateActivity, generateThreat } from '../../support/generate/threats';
import { memoryBackend } from '../../support/memory-backend';
import { useTempDirs } from '../../support/temp-dir';

// `console remove --delete-data` (issue 27): deleted means gone from the database file and its
// write-ahead log, even while another process holds the database open (N21); and no removal
// pulls a console out from under a sync another process runs (N26).

const TOKEN = 'tok-remove-0c4e';
const MARK = 'zq-marker';
const tempDir = useTempDirs();
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(
    s1.agents,
    Array.from({ length: 120 }, (_, i) => ({
      ...generateAgent(i),
      computerName: `${MARK}-host-${i}`,
      lastLoggedInUserName: `${MARK}-user-${i}`,
      domain: `${MARK}.corp`,
    })),
  );
  // Threats and activities are kept as the API's text: user names, hosts and domains in clear.
  const now = Date.now();
  s1.put(
    s1.threats,
    Array.from({ length: 40 }, (_, i) => {
      const threat = generateThreat(i, { agents: 120, updatedMs: now - i * 60_000 });
      return { ...threat, threatInfo: { ...threat.threatInfo, processUser: `${MARK}\\user-${i}` } };
    }),
  );
  s1.put(
    s1.activities,
    Array.from({ length: 40 }, (_, i) => ({
      ...generateActivity(i, { agents: 120, createdMs: now - i * 60_000 }),
      primaryDescription: `${MARK}-user-${i} logged in`,
    })),
  );
});
afterAll(() => s1.close());

async function synced() {
  const dataDir = tempDir();
  const backend = memoryBackend(dataDir);
  expect(
    (await dispatch(backend, 'consoles.add', { name: 'lab', url: s1.url, token: TOKEN })).ok,
  ).toBe(true);
  const sync = await dispatch(backend, 'sync.run', { names: ['lab'] });
  expect(sync.ok).toBe(true);
  return { backend, file: join(dataDir, 'inventory.sqlite') };
}

const bytesOf = (file: string) =>
  [file, `${file}-wal`]
    .filter(existsSync)
    .map((path) => readFileSync(path).toString('latin1'))
    .join('');

describe('console remove --delete-data', () => {
  it('counts applications and CVE rows as data: a console with only those is not removed unasked', async () => {
    const backend = memoryBackend(tempDir());
    await dispatch(backend, 'consoles.add', { name: 'cves', url: s1.url, token: TOKEN });
    s1.putRisks(
      [
        {
          id: '2228104980801805822',
          cveId: 'CVE-2025-0411',
          endpointId: String(generateAgent(1).id),
          severity: 'HIGH',
        },
      ],
      '2026-01-05T00:00:00.000Z',
    );
    const sync = await dispatch(backend, 'sync.run', {
      names: ['cves'],
      apis: ['vulnerabilities'],
    });
    expect(sync.ok).toBe(true);
    const refused = await dispatch(backend, 'consoles.remove', { name: 'cves', deleteData: false });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('0 agents, 0 threats, 0 activities, 1 CVE rows'),
      },
    });
    const removed = await dispatch(backend, 'consoles.remove', { name: 'cves', deleteData: true });
    expect(removed.ok).toBe(true);
  });

  it('leaves no trace of the console in the database or its WAL, with serve holding it open', async () => {
    const { backend, file } = await synced();
    // Another process's connection, as `serve` or the app keeps one, that has read.
    const other = new Database(file);
    expect(other.prepare('SELECT COUNT(*) FROM consoles').pluck().get()).toBe(1);
    expect(bytesOf(file)).toContain(MARK);
    expect(bytesOf(file)).toContain(s1.url);
    const removed = await dispatch(backend, 'consoles.remove', { name: 'lab', deleteData: true });
    expect(removed).toEqual({ ok: true, value: { removed: 'lab' } });
    expect(bytesOf(file)).not.toContain(MARK);
    expect(bytesOf(file)).not.toContain(s1.url);
    other.close();
    await backend.close();
  });

  it('refuses while another process syncs the console, and keeps its data', async () => {
    const { backend, file } = await synced();
    const id = backend.consoles.get('lab').id;
    // A live process on this host holds the console's sync lock.
    const other = new Database(file);
    other
      .prepare('INSERT INTO sync_locks (console_id, host, pid, acquired_at) VALUES (?, ?, ?, ?)')
      .run(id, hostname(), process.ppid, '2027-01-01T00:00:00Z');
    const refused = await dispatch(backend, 'consoles.remove', { name: 'lab', deleteData: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(
      new RegExp(`running in another S1 Inventory process \\(pid ${process.ppid}`),
    );
    expect(backend.storage.inventory.deviceCount('lab')).toBe(120);
    other.prepare('DELETE FROM sync_locks').run();
    other.close();
    expect((await dispatch(backend, 'consoles.remove', { name: 'lab', deleteData: true })).ok).toBe(
      true,
    );
    await backend.close();
  });
});
