import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/open-backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import { FakeS1Console } from '../../support/fake-s1/server';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { runS1invInProcess } from '../../support/run-cli';
import { FAST_LIMITS, FAST_RETRY, fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// The logs say what happened, and never carry a token: every line passes through redact().

const TOKEN = 'tok-log-5b0e7c2d9a41f3';
const tempDir = useTempDirs();
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 40, threats: 5, activities: 5 });
});
afterAll(() => s1.close());

const logText = (dir: string) =>
  readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('');

describe('the backend log', () => {
  it('records syncs and refusals in a file, redacted', async () => {
    const dataDir = tempDir();
    const backend = openBackend({
      dataDir,
      platform: new ServePlatform(),
      secrets: new MemorySecretStore(),
      clock: { now: () => new Date('2027-05-05T10:00:00Z') },
      sync: { retryPolicy: FAST_RETRY, rateLimits: FAST_LIMITS },
      log: { file: 'backend.log' },
    });
    await dispatch(backend, 'consoles.add', { name: 'lab', url: s1.url, token: TOKEN });
    expect((await dispatch(backend, 'sync.run', { names: ['lab'] })).ok).toBe(true);
    await dispatch(backend, 'consoles.test', { name: 'nope' });
    // A message that quotes a request header, as a careless library error might.
    backend.log.log('error', `request failed: Authorization: ApiToken ${TOKEN}`, {
      body: `{"apiToken":"${TOKEN}"}`,
    });
    await backend.close();

    const text = logText(join(dataDir, 'logs'));
    expect(text).toMatch(/^2027-05-05T10:00:00\.000Z info sync of "lab" ended/m);
    expect(text).toMatch(/warn consoles\.test failed .*"code":"not_found"/);
    expect(text).toContain('ApiToken [redacted]');
    expect(text).not.toContain(TOKEN);
  });

  it('s1inv --verbose writes the lines on stderr, redacted', async () => {
    const dataDir = tempDir();
    const cli = (...args: string[]) =>
      runS1invInProcess(['--data-dir', dataDir, ...args], {
        env: { S1_TOKEN: TOKEN, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      });
    expect((await cli('console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
    const run = await cli('--verbose', 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/info sync of "lab" ended/);
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
    const quiet = await cli('sync', '--apis', 'agents', '--token-env', 'S1_TOKEN');
    expect(quiet.stderr).toBe('');
  });
});
