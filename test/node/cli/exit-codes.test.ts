import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { generateThreat } from '../../support/generate/threats';
import { runS1invInProcess as runS1inv } from '../../support/run-cli';

// The exit codes of docs/cli.md, command by command (issue 30, item 3): 0 done, 1 failed,
// 2 usage, 3 part of the work done (a sync that completed some APIs and not others).

const TOKEN = 'tok-cli-exit-3c19';
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
let s1: FakeS1Console;
let empty: string;
let synced: string;

const run = (dataDir: string, ...args: string[]) =>
  runS1inv(['--data-dir', dataDir, ...args], { env });

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(
    s1.agents,
    Array.from({ length: 12 }, (_, i) => ({ ...generateAgent(i), computerName: `host-${i}` })),
  );
  s1.put(
    s1.threats,
    Array.from({ length: 5 }, (_, i) =>
      generateThreat(i, { agents: 12, updatedMs: Date.UTC(2026, 10, 1) }),
    ),
  );
  empty = mkdtempSync(join(tmpdir(), 's1inv-exit-empty-'));
  synced = mkdtempSync(join(tmpdir(), 's1inv-exit-synced-'));
  expect((await run(synced, 'console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
  expect((await run(synced, 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN')).code).toBe(0);
});
afterAll(async () => {
  rmSync(empty, { recursive: true, force: true });
  rmSync(synced, { recursive: true, force: true });
  await s1.close();
});

describe('exit codes', () => {
  it.each([
    ['--help', 0],
    ['devices --json', 0],
    ['health lab', 0],
    ['diff --console lab', 0],
    ['audit', 0],
    ['console list', 0],
    ['notes nope --triage reviewed', 1],
    ['console test nope', 1],
    ['export --format csv --out /nonexistent-dir/x.csv', 1],
    ['devices --where site:', 2],
    ['devices --no-such-flag', 2],
    ['sync --since yesterday', 2],
    ['export --format pdf --out x', 2],
    ['export --format ocsf-parquet --out x --layout hive', 2],
    ['notes', 2],
  ])('s1inv %s exits %i', async (line, code) => {
    const result = await run(synced, ...line.split(' '));
    expect(result.code, result.stderr).toBe(code);
    if (code !== 0) expect(result.stderr).toMatch(/\S/);
  });

  it.each(['sync', 'diff', 'health'])(
    's1inv %s with no console configured fails (1) and says how to add one',
    async (command) => {
      const result = await run(empty, command);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/No console is configured yet: add one/);
    },
  );

  it('a sync that completes some APIs and not others exits 3, one line per API that did not', async () => {
    s1.faults.add({ path: '/threats', times: 1_000, fault: { kind: 'status', status: 403 } });
    s1.faults.add({ path: '/activities', times: 1_000, fault: { kind: 'status', status: 403 } });
    try {
      const partial = await run(
        synced,
        'sync',
        '--apis',
        'agents,threats,activities',
        '--token-env',
        'S1_TOKEN',
      );
      expect(partial.code).toBe(3);
      const lines = partial.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe('s1inv: 2 APIs did not complete:');
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/^ {2}lab threats: .*403/),
        expect.stringMatching(/^ {2}lab activities: .*403/),
      ]);
      const none = await run(synced, 'sync', '--apis', 'threats', '--token-env', 'S1_TOKEN');
      expect(none.code).toBe(1);
      expect(none.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      s1.faults.clear();
    }
  });

  it.each([
    ['devices --json', 'devices'],
    ['devices --history host-1 --json', 'devices'],
    ['health --json', 'health'],
    ['diff --json', 'diff'],
    ['audit --json', 'audit'],
    ['console list --json', 'console list'],
    ['sekoia list --json', 'sekoia list'],
  ])(
    's1inv %s prints the one JSON envelope, its lists as arrays of objects',
    async (line, command) => {
      const result = await run(synced, ...line.split(' '));
      const envelope = JSON.parse(result.stdout) as {
        command: string;
        ok: boolean;
        value: unknown;
      };
      expect(envelope).toMatchObject({ command, ok: true });
      expect(Object.keys(envelope).sort()).toEqual(['command', 'ok', 'value']);
      expect(Array.isArray(envelope.value)).toBe(true);
      for (const item of envelope.value as unknown[]) expect(typeof item).toBe('object');
    },
  );

  it('a failure asked for JSON is an envelope too: not ok, with the exit code and why', async () => {
    const missing = await run(synced, 'console', 'test', 'nope', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      command: 'console test',
      ok: false,
      error: { exitCode: 1, message: expect.stringMatching(/No console is named "nope"/) },
    });
    s1.faults.add({ path: '/threats', times: 1_000, fault: { kind: 'status', status: 403 } });
    try {
      const partial = await run(
        synced,
        'sync',
        '--apis',
        'agents,threats',
        '--token-env',
        'S1_TOKEN',
        '--json',
      );
      expect(partial.code).toBe(3);
      const envelope = JSON.parse(partial.stdout);
      expect(envelope).toMatchObject({ command: 'sync', ok: false, error: { exitCode: 3 } });
      expect(
        envelope.value[0].apis.map((api: { api: string; complete: boolean }) => [
          api.api,
          api.complete,
        ]),
      ).toEqual([
        ['agents', true],
        ['threats', false],
      ]);
    } finally {
      s1.faults.clear();
    }
  });
});
