import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateActivity, generateThreat } from '../../support/generate/threats';
import { runS1invInProcess as runS1inv, jsonValue } from '../../support/run-cli';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// `s1inv sync | health | devices` (in this process), and the sync run as a process killed with
// SIGKILL mid-walk: the database stays consistent, the last complete snapshot stays current,
// and the next sync completes with nothing lost and nothing duplicated.

const TOKEN = 'tok-cli-sync-77aa';
const tempDir = useTempDirs();
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 4_000, threats: 1_500, activities: 2_500 });
});
afterAll(() => s1.close());

async function newDataDir(): Promise<string> {
  const dataDir = tempDir();
  const add = await runS1inv(
    ['--data-dir', dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url],
    { env },
  );
  expect(add.code).toBe(0);
  return dataDir;
}

const sync = (dataDir: string, ...args: string[]) =>
  runS1inv(['--data-dir', dataDir, 'sync', '--token-env', 'S1_TOKEN', ...args], { env });

describe('s1inv sync, health and devices', () => {
  it(
    'prints the per-console, per-API summary as JSON and lists the devices',
    { timeout: 60_000 },
    async () => {
      const dataDir = await newDataDir();
      const run = await sync(dataDir, '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const summary = jsonValue(run) as {
        console: string;
        state: string;
        apis: { api: string; [key: string]: unknown }[];
      }[];
      const lab = summary.find((entry) => entry.console === 'lab')!;
      const apiOf = (api: string) => lab.apis.find((entry) => entry.api === api);
      expect(lab.state).toBe('Idle');
      for (const api of ['agents', 'threats', 'activities']) {
        expect(apiOf(api)).toMatchObject({
          state: 'complete',
          complete: true,
          errors: [],
        });
      }
      expect(apiOf('agents')).toMatchObject({ fetched: 4_000, expected: 4_000 });

      const devices = await runS1inv(['--data-dir', dataDir, 'devices', '--json'], { env });
      const rows = jsonValue(devices) as { agentId: string; console: string }[];
      expect(rows).toHaveLength(4_000);
      expect(new Set(rows.map((r) => r.agentId))).toEqual(new Set(s1.agents.keys()));

      const health = await runS1inv(['--data-dir', dataDir, 'health', 'lab', '--json'], { env });
      const [report] = jsonValue(health) as {
        state: string;
        lastRuns: { api: string; state: string }[];
      }[];
      expect(report?.state).toBe('Idle');
      expect(report?.lastRuns.map((r) => `${r.api}:${r.state}`)).toEqual([
        'activities:complete',
        'agents:complete',
        'threats:complete',
      ]);

      const file = join(dataDir, 'fleet.ndjson');
      const exported = await runS1inv(
        ['--data-dir', dataDir, 'export', '--format', 'ocsf-ndjson', '--out', file, '--json'],
        { env },
      );
      expect(exported.code).toBe(0);
      expect(jsonValue(exported)).toMatchObject({
        records: 4_000,
        format: 'ocsf-ndjson',
        path: file,
      });
      const audit = await runS1inv(['--data-dir', dataDir, 'audit', '--json'], { env });
      expect(jsonValue(audit)).toEqual([
        expect.objectContaining({
          action: 'export',
          format: 'ocsf-ndjson',
          recordCount: 4_000,
          destination: file,
        }),
      ]);

      const refused = await runS1inv(['--data-dir', dataDir, 'console', 'remove', 'lab'], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--delete-data');
      expect(
        (
          await runS1inv(['--data-dir', dataDir, 'console', 'remove', 'lab', '--delete-data'], {
            env,
          })
        ).code,
      ).toBe(0);
    },
  );

  it('exits non-zero with one line when the token is rejected', async () => {
    const dataDir = await newDataDir();
    const run = await runS1inv(
      ['--data-dir', dataDir, 'sync', '--token-env', 'S1_TOKEN', '--apis', 'agents'],
      {
        env: { ...env, S1_TOKEN: 'tok-wrong' },
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/lab agents: .*401.*test the connection/);
    expect(run.stderr).not.toContain('tok-wrong');
  });

  it('survives SIGKILL mid-walk and resumes with no loss and no duplicates', async () => {
    const dataDir = await newDataDir();
    expect((await sync(dataDir)).code).toBe(0);
    const dbPath = join(dataDir, 'inventory.sqlite');
    const firstSnapshot = currentSnapshot(dbPath);
    expect(firstSnapshot?.agent_count).toBe(4_000);

    // New records arrive, and every request is slowed so that kills land mid-walk.
    const now = Date.now() + 60_000;
    s1.put(
      s1.threats,
      Array.from({ length: 400 }, (_, i) =>
        generateThreat(50_000 + i, { agents: 4_000, updatedMs: now + i }),
      ),
    );
    s1.put(
      s1.activities,
      Array.from({ length: 600 }, (_, i) =>
        generateActivity(50_000 + i, { agents: 4_000, createdMs: now + i }),
      ),
    );
    s1.faults.add({ times: 1_000_000, fault: { kind: 'latency', ms: 150 } });

    // Each round kills the sync once it has stored a further 150, 300, … items: mid-walk, at
    // a point this test observed rather than at a moment that depends on the machine's speed.
    let killedMidWalk = 0;
    for (let round = 1; round <= 5; round += 1) {
      const before = storedItems(dbPath);
      const child = spawn(
        process.execPath,
        ['bin/s1inv.js', '--data-dir', dataDir, 'sync', '--token-env', 'S1_TOKEN'],
        {
          env: { ...process.env, ...env },
          stdio: 'ignore',
        },
      );
      let ended = false;
      const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => {
        ended = true;
      });
      while (!ended && storedItems(dbPath) < before + round * 150) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (!ended) {
        child.kill('SIGKILL');
        killedMidWalk += 1;
      }
      await exited;

      const db = new Database(dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
      const current = currentSnapshot(dbPath);
      expect(current?.complete).toBe(1);
      expect(current?.agent_count).toBe(4_000);
    }
    expect(killedMidWalk).toBeGreaterThan(0);
    s1.faults.clear();

    const final = await sync(dataDir, '--json');
    expect(final.code).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    const ids = (table: string) =>
      (db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map(
        (r) => r.id,
      );
    expect(ids('threats')).toEqual([...s1.threats.keys()].sort());
    expect(ids('activities')).toEqual([...s1.activities.keys()].sort());
    expect(
      db.prepare(`SELECT COUNT(*) AS n FROM sync_runs WHERE state = 'interrupted'`).get(),
    ).not.toEqual({ n: 0 });
    db.close();
    expect(currentSnapshot(dbPath)?.agent_count).toBe(4_000);
  }, 120_000);

  it('states the history window it read, and refuses a --since it cannot read', async () => {
    const dataDir = await newDataDir();
    const run = await sync(dataDir, '--apis', 'threats,activities', '--since', '2020-01-01');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^lab threats: complete, .*; stored: since 2020-01-01$/m);
    expect(run.stdout).toMatch(/^lab activities: complete, .*; stored: since 2020-01-01$/m);

    for (const bad of ['yesterday', '2025-02-30', '0d']) {
      const refused = await sync(dataDir, '--since', bad);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--since');
      expect(refused.stderr).toMatch(/Give a date \(2025-01-01\) or a number of days \(90d\)/);
    }
  });
});

/** Rows a sync writes as it walks: threats, activities and the members of new snapshots. */
function storedItems(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM threats) + (SELECT COUNT(*) FROM activities) +
                (SELECT COUNT(*) FROM snapshot_members) AS n`,
      )
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

function currentSnapshot(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT s.id, s.complete, s.agent_count FROM agent_snapshots s JOIN console_state c ON c.current_snapshot_id = s.id',
      )
      .get() as { id: number; complete: number; agent_count: number } | undefined;
  } finally {
    db.close();
  }
}
