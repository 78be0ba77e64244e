import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { runS1inv, runS1invInProcess as s1inv, jsonValue } from '../../support/run-cli';
import { secretToolLookup } from '../../support/secret-service';
import { useTempDirs } from '../../support/temp-dir';

// The console commands end to end, in this process (the same parsing, door and output as the
// command): the real Secret Service, the fake console, a fixed clock for both. One case runs
// as its own process, to see the keychain adapter fail where no Secret Service exists.

const TOKEN = 'tok-Pr0d-4b1c9e77d2a54f0f8a1e';
const tempDir = useTempDirs();
const keychainEnv = inject('secretServiceEnv');
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus' };
let s1: FakeS1Console;
const NOW = new Date('2027-02-10T09:00:00Z');
const clock = { now: () => NOW };
const EXPIRES_AT = new Date('2027-08-09T00:00:00.000Z');

beforeAll(async () => {
  s1 = (await FakeS1Console.start({ clock })).addToken(TOKEN, {
    scope: 'account',
    expiresAt: EXPIRES_AT.toISOString(),
  });
});
afterAll(() => s1.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('s1inv console …', () => {
  it('adds a console with its token in the keychain and nowhere in the data directory', async () => {
    const dataDir = tempDir();
    const cli = (...args: string[]) =>
      s1inv(['--data-dir', dataDir, ...args], { env: keychainEnv, clock });

    const add = await s1inv(
      [
        '--data-dir',
        dataDir,
        'console',
        'add',
        '--name',
        'prod',
        '--url',
        `${s1.url}/web/api/v2.1/`,
        '--token-stdin',
        '--json',
      ],
      { env: keychainEnv, stdin: `${TOKEN}\n`, clock },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const record = jsonValue(add) as { id: string; url: string; tokenStored: boolean };
    expect(record).toMatchObject({ url: s1.url, tokenStored: true });
    expect(secretToolLookup(keychainEnv, `console:${record.id}`)).toBe(TOKEN);

    const list = await cli('console', 'list', '--json');
    expect(jsonValue(list)).toEqual([expect.objectContaining({ name: 'prod', url: s1.url })]);

    const test = await cli('console', 'test', 'prod', '--json');
    expect(test.code).toBe(0);
    expect(jsonValue(test)).toMatchObject({
      outcome: 'ok',
      token: { expiresAt: EXPIRES_AT.toISOString() },
      scope: { level: 'accounts' },
    });

    const human = await cli('console', 'test', 'prod');
    expect(human.stdout).toMatch(/^OK prod: Connected to http:\/\/127\.0\.0\.1:\d+/);

    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file).includes(TOKEN), file).toBe(false);
    }
    for (const run of [add, list, test, human]) {
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
    }

    const removed = await cli('console', 'remove', 'prod');
    expect(removed.code).toBe(0);
    expect(secretToolLookup(keychainEnv, `console:${record.id}`)).toBeUndefined();
    expect(jsonValue(await cli('console', 'list', '--json'))).toEqual([]);
  });

  it('fails clearly without a Secret Service and leaves no console half-created', async () => {
    const dataDir = tempDir();
    const add = await runS1inv(
      ['--data-dir', dataDir, 'console', 'add', '--name', 'prod', '--url', s1.url, '--token-stdin'],
      { env: noKeychain, stdin: TOKEN },
    );
    expect(add.code).not.toBe(0);
    expect(add.stderr.trim().split('\n')).toHaveLength(1);
    expect(add.stderr).toMatch(/^s1inv: The OS keychain could not store the secret/);
    expect(add.stderr).toMatch(/gnome-keyring or KWallet/);
    expect(add.stderr).toContain('--token-env');
    expect(add.stderr).not.toContain(TOKEN);
    const list = await runS1inv(['--data-dir', dataDir, 'console', 'list', '--json'], {
      env: noKeychain,
    });
    expect(jsonValue(list)).toEqual([]);
  });

  it('works without a keychain when the token comes from --token-env', async () => {
    const dataDir = tempDir();
    const env = { ...noKeychain, S1_TOKEN: TOKEN };
    expect(
      (
        await s1inv(['--data-dir', dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url], {
          env,
          clock,
        })
      ).code,
    ).toBe(0);
    const test = await s1inv(
      ['--data-dir', dataDir, 'console', 'test', 'lab', '--token-env', 'S1_TOKEN'],
      { env, clock },
    );
    expect(test.code).toBe(0);
    // The token was not stored: the next command needs it again, or it must be stored first.
    expect(test.stdout).toMatch(
      /sync with: s1inv sync lab --token-env S1_TOKEN \(.*store it with: s1inv console set-token lab --token-stdin/,
    );
    const unset = await s1inv(
      ['--data-dir', dataDir, 'console', 'test', 'lab', '--token-env', 'NOPE'],
      { env, clock },
    );
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('NOPE named by --token-env is not set');
  });

  it('exits non-zero with one line naming the outcome and the next step when the test fails', async () => {
    const dataDir = tempDir();
    const env = { ...noKeychain, S1_TOKEN: 'tok-revoked-000' };
    await s1inv(['--data-dir', dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url], {
      env,
    });
    const test = await s1inv(
      ['--data-dir', dataDir, 'console', 'test', 'lab', '--token-env', 'S1_TOKEN'],
      { env },
    );
    expect(test.code).toBe(1);
    expect(test.stdout).toContain('FAILED lab');
    expect(test.stderr.trim().split('\n')).toHaveLength(1);
    expect(test.stderr).toMatch(/invalid or has expired.*set-token/);
  });

  it.each([
    [
      ['--url', 'http://console.example.com'],
      /plain http:\/\/.*127\.0\.0\.1, localhost and \[::1\]/,
    ],
    [['--url', 'ftp://console.example.com'], /not an https:\/\/ URL/],
    [['--url', 'https://user:pw@console.example.com'], /must not contain a user name or password/],
    [['--url', 'https://a.example.com', '--apis', 'agents,devices'], /Unknown entity "devices"/],
    [
      ['--url', 'https://a.example.com', '--proxy', 'http://bob:pw@proxy:3128'],
      /Proxy credentials/,
    ],
  ])('refuses %j with a message that says what to do', async (args, message) => {
    const run = await s1inv(['--data-dir', tempDir(), 'console', 'add', '--name', 'x', ...args], {
      env: noKeychain,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a duplicate name (any case) or URL', async () => {
    const dataDir = tempDir();
    const add = (name: string, url: string) =>
      s1inv(['--data-dir', dataDir, 'console', 'add', '--name', name, '--url', url], {
        env: noKeychain,
      });
    expect((await add('Prod', 'https://acme.sentinelone.net')).code).toBe(0);
    expect((await add('prod', 'https://other.sentinelone.net')).stderr).toContain(
      'A console named "Prod" already exists',
    );
    expect((await add('second', 'acme.sentinelone.net/web/api/v2.1')).stderr).toContain(
      'already configured as "Prod"',
    );
  });
});

describe('s1inv config export | import', () => {
  it('round-trips the configuration without any secret', async () => {
    const from = tempDir();
    const to = tempDir();
    await s1inv(
      [
        '--data-dir',
        from,
        'console',
        'add',
        '--name',
        'prod',
        '--url',
        s1.url,
        '--token-stdin',
        '--apis',
        'agents,threats',
      ],
      { env: keychainEnv, stdin: TOKEN },
    );
    const file = join(tempDir(), 'config.json');
    expect(
      (
        await s1inv(['--data-dir', from, 'config', 'export', '--out', file], {
          env: keychainEnv,
        })
      ).code,
    ).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toEqual({
      format: 's1-inventory-config',
      version: 1,
      consoles: [{ name: 'prod', url: s1.url, apis: ['agents', 'threats'] }],
    });

    const imported = await s1inv(['--data-dir', to, 'config', 'import', file], {
      env: noKeychain,
    });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 added, 0 updated');
    expect(imported.stdout).toContain('has no token yet');
    const list = await s1inv(['--data-dir', to, 'console', 'list', '--json'], {
      env: noKeychain,
    });
    expect(jsonValue(list)).toEqual([
      expect.objectContaining({ name: 'prod', apis: ['agents', 'threats'], tokenStored: false }),
    ]);
  });

  it('reports every problem with its JSON path and changes nothing', async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 's1-inventory-config',
        version: 1,
        consoles: [
          { name: 'ok', url: 'https://ok.example.com' },
          { name: 'plain', url: 'http://plain.example.com' },
          { name: 'x', url: 'https://x.example.com', apiToken: 'tok-should-never-import' },
          { name: 'OK', url: 'https://dup.example.com', apis: [] },
        ],
      }),
    );
    const run = await s1inv(['--data-dir', dataDir, 'config', 'import', file], {
      env: noKeychain,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was changed');
    expect(run.stderr).toContain('$.consoles[2].apiToken: secrets are never imported');
    expect(run.stderr).toContain('$.consoles[3].apis: must list at least one entity');
    const fixed = JSON.parse(readFileSync(file, 'utf8'));
    delete fixed.consoles[2].apiToken;
    fixed.consoles[3].apis = ['agents'];
    writeFileSync(file, JSON.stringify(fixed));
    const second = await s1inv(['--data-dir', dataDir, 'config', 'import', file], {
      env: noKeychain,
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('$.consoles[1].url:');
    expect(second.stderr).toContain('$.consoles[3].name: "OK" also names $.consoles[0]');
    const list = await s1inv(['--data-dir', dataDir, 'console', 'list', '--json'], {
      env: noKeychain,
    });
    expect(jsonValue(list)).toEqual([]);
  });
});
