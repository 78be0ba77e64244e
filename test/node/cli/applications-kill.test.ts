import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { runS1invInProcess as runS1inv, jsonValue } from '../../support/run-cli';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 31: the applications walk (an hour at 100,000 agents) run as a process killed with
// SIGKILL part-way, three times: the database stays consistent, and the next sync goes on from
// the last agent done instead of starting over.

const TOKEN = 'tok-cli-apps-51f0';
const tempDir = useTempDirs();
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
const AGENTS = 150;
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: AGENTS, threats: 0, activities: 0 });
  fleetApplications(s1, 10, Date.now());
});
afterAll(() => s1.close());

const count = (path: string, sql: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('s1inv sync --apis applications, killed', () => {
  it('goes on from the last agent done after SIGKILL, losing and repeating nothing', async () => {
    const dataDir = tempDir();
    const dbPath = join(dataDir, 'inventory.sqlite');
    const cli = (...args: string[]) => runS1inv(['--data-dir', dataDir, ...args], { env });
    expect((await cli('console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
    expect((await cli('sync', '--token-env', 'S1_TOKEN', '--apis', 'agents')).code).toBe(0);
    const active = count(
      dbPath,
      `SELECT COUNT(*) FROM snapshot_members m JOIN precomputed_agents p ON p.raw_id = m.raw_id
       WHERE COALESCE(p.decommissioned, 0) = 0`,
    );
    s1.faults.add({
      path: '/agents/applications',
      times: 1_000_000,
      fault: { kind: 'latency', ms: 40 },
    });

    let killed = 0;
    for (let round = 1; round <= 3; round += 1) {
      const target = round * 25;
      const child = spawn(
        process.execPath,
        [
          'bin/s1inv.js',
          '--data-dir',
          dataDir,
          'sync',
          '--token-env',
          'S1_TOKEN',
          '--apis',
          'applications',
        ],
        { env: { ...process.env, ...env }, stdio: 'ignore' },
      );
      let ended = false;
      const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => {
        ended = true;
      });
      while (!ended && count(dbPath, 'SELECT COUNT(*) FROM agent_software') < target) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (!ended) {
        child.kill('SIGKILL');
        killed += 1;
      }
      await exited;
      const db = new Database(dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // The walk's position never runs ahead of what is stored.
      const position = db.prepare('SELECT after_agent_id FROM software_walks').pluck().get();
      const stored = db
        .prepare('SELECT COUNT(*) FROM agent_software WHERE agent_id <= ?')
        .pluck()
        .get(position ?? '');
      expect(stored).toBe(db.prepare('SELECT COUNT(*) FROM agent_software').pluck().get());
      db.close();
    }
    expect(killed).toBeGreaterThan(0);
    s1.faults.clear();

    const done = count(dbPath, 'SELECT COUNT(*) FROM agent_software');
    const asked = s1.requests.filter((r) => r.path.endsWith('/agents/applications')).length;
    const final = await cli('sync', '--token-env', 'S1_TOKEN', '--apis', 'applications', '--json');
    expect(final.code).toBe(0);
    const lab = jsonValue<{ console: string; apis: { api: string }[] }[]>(final).find(
      (entry) => entry.console === 'lab',
    )!;
    expect(lab.apis.find((entry) => entry.api === 'applications')).toMatchObject({
      state: 'complete',
      expected: active,
    });
    expect(count(dbPath, 'SELECT COUNT(*) FROM agent_software')).toBe(active);
    // Only the agents not done were asked about.
    const askedNow = s1.requests.filter((r) => r.path.endsWith('/agents/applications')).length;
    expect(askedNow - asked).toBe(active - done);
  }, 90_000);
});
