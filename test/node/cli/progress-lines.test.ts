import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../electron/adapters/platform/clock';
import { ProgressLines } from '../../../electron/hosts/cli/progress-lines';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { runS1invInProcess as runS1inv } from '../../support/run-cli';

// Without a terminal, long work says where it stands in one line every few seconds on standard
// error (issue 30, item 3); short work says nothing. Time is the injected clock's.

/** A clock that moves on `stepMs` each time it is read. */
function steppingClock(startMs: number, stepMs: number): Clock {
  let now = startMs;
  return {
    now: () => {
      const at = new Date(now);
      now += stepMs;
      return at;
    },
  };
}

describe('progress lines', () => {
  it('prints at most one line per interval, the first an interval after the start', () => {
    let clockMs = 0;
    const clock: Clock = { now: () => new Date(clockMs) };
    const printed: string[] = [];
    const lines = new ProgressLines((text) => printed.push(text), clock, 5_000);
    let built = 0;
    const offer = (at: number, text: string) => {
      clockMs = at;
      lines.offer(() => {
        built += 1;
        return text;
      });
    };
    offer(1_000, 'a');
    offer(4_999, 'b');
    offer(5_000, 'c');
    offer(9_000, 'd');
    offer(10_000, 'e');
    expect(printed).toEqual(['s1inv: c\n', 's1inv: e\n']);
    // A line is built only when it is printed.
    expect(built).toBe(2);
  });
});

describe('s1inv sync without a terminal', () => {
  const TOKEN = 'tok-cli-progress-9e1d';
  const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
  let s1: FakeS1Console;
  let dataDir: string;
  beforeAll(async () => {
    s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
    s1.put(
      s1.agents,
      Array.from({ length: 2_500 }, (_, i) => generateAgent(i)),
    );
    dataDir = mkdtempSync(join(tmpdir(), 's1inv-progress-'));
    const add = await runS1inv(
      ['--data-dir', dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url],
      { env },
    );
    expect(add.code).toBe(0);
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await s1.close();
  });

  it('says where each walk stands as it goes, one line at a time', async () => {
    // Six seconds pass each time the product reads the clock: every progress event is "later".
    const run = await runS1inv(
      ['--data-dir', dataDir, 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN'],
      { env, clock: steppingClock(Date.UTC(2026, 10, 1), 6_000) },
    );
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^s1inv: syncing lab agents [\d,]+(\/[\d,]+)?/);
    expect(run.stdout).toMatch(/lab agents: complete, 2500 of 2500 fetched/);
  });
});
