import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { openDatabase } from '../../../electron/adapters/db/database';
import { loggerOn, type LogLevel } from '../../../electron/adapters/logging/log-file';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import { FakeS1Console } from '../../support/fake-s1/server';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { FAST_LIMITS, FAST_RETRY, fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 28: a sync's log answers "what happened last night": its start, every retry with the
// wait the API asked for, pages at debug level, each API's outcome and window, the end.

const TOKEN = 'tok-log-5e2a9c';
const NOW = new Date('2027-03-01T08:00:00Z');
const tempDir = useTempDirs();
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 120, threats: 5, activities: 5 }, NOW.getTime());
});
afterAll(() => s1.close());

async function syncWithLog(
  level: LogLevel,
  after: (backend: Backend) => Promise<unknown> = () => Promise.resolve(),
): Promise<string[]> {
  const lines: string[] = [];
  const backend = new Backend({
    db: openDatabase(tempDir()),
    secrets: new MemorySecretStore(),
    clock: { now: () => NOW },
    dataDir: tempDir(),
    platform: new ServePlatform(),
    log: loggerOn((line) => lines.push(line), { clock: { now: () => NOW }, level }),
    sync: { retryPolicy: FAST_RETRY, rateLimits: FAST_LIMITS },
  });
  await dispatch(backend, 'consoles.add', { name: 'night', url: s1.url, token: TOKEN });
  // The sync's first agents page is refused once, the API asking for a 0.2 s wait.
  s1.faults.add({
    path: '/agents',
    times: 1,
    fault: { kind: 'status', status: 429, retryAfter: '0.2' },
  });
  expect(await dispatch(backend, 'sync.run', { names: ['night'] })).toMatchObject({ ok: true });
  await after(backend);
  await backend.close();
  return lines;
}

describe('the sync log', () => {
  it('tells the start, the retry and its wait, each API with its window, and the end', async () => {
    const lines = await syncWithLog('info');
    const text = lines.join('');
    expect(lines[0]).toMatch(
      /^2027-03-01T08:00:00.000Z info sync of "night" started {"url":"http:\/\/127\.0\.0\.1:\d+","apis":"agents,threats,activities"}/,
    );
    expect(text).toMatch(
      /warn sync of "night": GET \/agents answered HTTP 429: Too Many Requests \(4290010\); retrying after the 0\.2 s the API asked for {"attempt":1,"waitMs":200}/,
    );
    expect(text).toMatch(/info sync of "night": agents complete {"fetched":120,"expected":120}/);
    expect(text).toMatch(
      /info sync of "night": activities complete {"fetched":5,"expected":5,"new":5,"window":{"since":"2027-01-30T08:00:00.000Z"}}/,
    );
    expect(text).toMatch(/info sync of "night": threats complete .*"window":{"since":null}/);
    expect(lines.at(-1)).toMatch(/info sync of "night" ended {"state":"Idle","seconds":0}/);
    expect(text).not.toContain(' debug ');
    expect(text).not.toContain(TOKEN);
  });

  it('adds each page at debug level', async () => {
    const text = (await syncWithLog('debug')).join('');
    expect(text).toMatch(
      /debug sync of "night": agents page stored {"fetched":\d+,"expected":120}/,
    );
  });

  it('tells each export written and each that failed', async () => {
    const out = join(tempDir(), 'fleet.json');
    const lines = await syncWithLog('info', async (backend) => {
      await backend.exportFile({ format: 'ocsf-json', out });
      await expect(backend.exportFile({ format: 'ocsf-json', out: tempDir() })).rejects.toThrow();
    });
    const text = lines.join('');
    expect(text).toContain(
      `info export of agents as ocsf-json written {"path":${JSON.stringify(out)},"records":120,`,
    );
    expect(text).toMatch(/error export of agents as ocsf-json failed {"error":"[^"]+"}/);
  });
});
