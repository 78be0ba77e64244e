import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { FakeSekoia } from '../../support/fake-sekoia/server';
import { runS1invInProcess as runS1inv, jsonValue } from '../../support/run-cli';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

const TOKEN = 'tok-push-cli-1a2b';
const KEY = 'sk-push-cli-9z8y7x';
const CONNECTOR = '0b7c5a9e-1d2f-4e3a-8b6c-5d4e3f2a1b0c';
const tempDir = useTempDirs();
const keychainEnv = inject('secretServiceEnv');
let s1: FakeS1Console;
let sekoia: FakeSekoia;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 1_200, threats: 0, activities: 0 });
  sekoia = await FakeSekoia.start(KEY);
});
afterAll(async () => {
  await sekoia.close();
  await s1.close();
});

describe('s1inv sekoia … and push', () => {
  it(
    'pushes the synced devices with the key from the keychain, and logs the push',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDir();
      const env = { ...keychainEnv, S1_TOKEN: TOKEN };
      const cli = (...args: string[]) => runS1inv(['--data-dir', dataDir, ...args], { env });
      await cli('console', 'add', '--name', 'lab', '--url', s1.url, '--apis', 'agents');
      expect((await cli('sync', '--token-env', 'S1_TOKEN')).code).toBe(0);
      const add = await runS1inv(
        [
          '--data-dir',
          dataDir,
          'sekoia',
          'add',
          '--name',
          'soc',
          '--connector-uuid',
          CONNECTOR,
          '--base-url',
          sekoia.url,
          '--batch-size',
          '250',
          '--api-key-stdin',
        ],
        { env, stdin: KEY },
      );
      expect(add.code).toBe(0);
      const push = await cli('push', 'soc', '--json');
      expect(push.stderr).toBe('');
      const result = jsonValue(push) as {
        state: string;
        deliveredItems: number;
        decommissionedLeftOut: number;
        skipped: number;
      };
      expect(result.state).toBe('complete');
      expect(result.deliveredItems + result.skipped + result.decommissionedLeftOut).toBe(1_200);
      expect(result.decommissionedLeftOut).toBeGreaterThan(0);
      expect(new Set(sekoia.deliveredUids()).size).toBe(result.deliveredItems);
      expect(
        sekoia.received.every(
          (r) => r.authorization === `Bearer ${KEY}` && r.body.items.length <= 250,
        ),
      ).toBe(true);
      const audit = jsonValue(await cli('audit', '--json')) as { action: string }[];
      expect(audit.map((e) => e.action)).toContain('push');
      for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter(
        (e) => e.isFile(),
      )) {
        expect(readFileSync(join(entry.parentPath, entry.name)).includes(KEY)).toBe(false);
      }
      expect(push.stdout + push.stderr).not.toContain(KEY);
    },
  );

  it(
    'fails a push with a wrong key in one line that says what to fix',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDir();
      const env = {
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus',
        S1_TOKEN: TOKEN,
        SEKOIA_KEY: 'sk-wrong',
      };
      const cli = (...args: string[]) => runS1inv(['--data-dir', dataDir, ...args], { env });
      await cli('console', 'add', '--name', 'lab', '--url', s1.url, '--apis', 'agents');
      await cli('sync', '--token-env', 'S1_TOKEN');
      expect(
        (
          await cli(
            'sekoia',
            'add',
            '--name',
            'soc',
            '--connector-uuid',
            CONNECTOR,
            '--base-url',
            sekoia.url,
          )
        ).code,
      ).toBe(0);
      const missing = await cli('push', 'soc');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('--api-key-env');
      const wrong = await cli('push', 'soc', '--api-key-env', 'SEKOIA_KEY');
      expect(wrong.code).toBe(1);
      expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
      expect(wrong.stderr).toMatch(/401/);
      expect(wrong.stderr).not.toContain('sk-wrong');
    },
  );
});
