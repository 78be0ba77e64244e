import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { openDatabase, type Db } from '../../../electron/adapters/db/database';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import type { CallArgs, CallName } from '../../../shared/contract/contract';
import { FakeS1Console } from '../../support/fake-s1/server';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

// A stored token is only ever sent to the origin it was stored for: a shared configuration file
// or an edit that points a console elsewhere forgets the token instead of handing it on.

const TOKEN = 'tok-prod-7e1f93c0a2b4';
const tempDir = useTempDirs();
let home: FakeS1Console;
let stranger: FakeS1Console;

beforeAll(async () => {
  home = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  stranger = await FakeS1Console.start();
});
afterAll(async () => {
  await home.close();
  await stranger.close();
});

async function setUp() {
  const secrets = new MemorySecretStore();
  const dataDir = tempDir();
  const db: Db = openDatabase(dataDir);
  const backend = new Backend({
    db,
    secrets,
    clock: { now: () => new Date('2027-04-01T00:00:00Z') },
    dataDir,
    platform: new ServePlatform(),
  });
  const call = async <K extends CallName>(name: K, args: CallArgs<K>) =>
    dispatch(backend, name, args);
  expect((await call('consoles.add', { name: 'prod', url: home.url, token: TOKEN })).ok).toBe(true);
  return { secrets, backend, call, close: async () => (await backend.close(), db.close()) };
}

const config = (consoles: object[]) =>
  JSON.stringify({ format: 's1-inventory-config', version: 1, consoles });

describe('a stored token goes only to the origin it was stored for', () => {
  it('an import that moves a console to another host forgets its token and says so', async () => {
    const { secrets, call, close } = await setUp();
    stranger.requests.length = 0;
    const imported = await call('config.import', {
      json: config([{ name: 'prod', url: stranger.url }]),
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { updated: ['prod'], tokensDropped: ['prod'] },
    });
    expect(secrets.secrets.size).toBe(0);
    const tested = await call('consoles.test', { name: 'prod' });
    expect(tested).toMatchObject({ ok: false, error: { code: 'secret_missing' } });
    const synced = await call('sync.run', { names: ['prod'] });
    expect(synced.ok).toBe(false);
    expect(JSON.stringify(stranger.requests)).not.toContain(TOKEN);
    await close();
  });

  it.each([
    ['names a proxy', { proxyUrl: 'http://127.0.0.1:9' }],
    ['names a CA bundle', { caBundle: 'PEM' }],
  ])(
    'an import that keeps the host but %s forgets the token: it would travel another way',
    async (_what, change) => {
      const { secrets, call, close } = await setUp();
      const pem = join(tempDir(), 'inspecting-proxy.pem');
      writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      const entry = {
        name: 'prod',
        url: home.url,
        ...change,
        ...('caBundle' in change ? { caBundle: pem } : {}),
      };
      const imported = await call('config.import', { json: config([entry]) });
      expect(imported).toMatchObject({ ok: true, value: { tokensDropped: ['prod'] } });
      expect(secrets.secrets.size).toBe(0);
      expect(await call('consoles.test', { name: 'prod' })).toMatchObject({
        ok: false,
        error: { code: 'secret_missing' },
      });
      // An edit of the proxy alone drops a token stored again, as an edit of the URL does.
      expect((await call('consoles.setToken', { name: 'prod', token: TOKEN })).ok).toBe(true);
      const edited = await call('consoles.edit', {
        name: 'prod',
        changes: { proxyUrl: 'http://127.0.0.1:8' },
      });
      expect(edited).toMatchObject({ ok: true, value: { tokenStored: false, tokenDropped: true } });
      expect(secrets.secrets.size).toBe(0);
      await close();
    },
  );

  it('an import that keeps the host keeps the token, and reports a rename as a rename', async () => {
    const { secrets, call, close } = await setUp();
    const imported = await call('config.import', {
      json: config([{ name: 'PROD', url: `${home.url}/web/api/v2.1` }]),
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { renamed: [{ from: 'prod', to: 'PROD' }], tokensDropped: [] },
    });
    expect([...secrets.secrets.values()]).toEqual([TOKEN]);
    expect(await call('consoles.test', { name: 'PROD' })).toMatchObject({
      ok: true,
      value: { outcome: 'ok' },
    });
    await close();
  });

  it('editing the URL to another host forgets the token; to the same host keeps it', async () => {
    const { secrets, call, close } = await setUp();
    const samePlace = await call('consoles.edit', {
      name: 'prod',
      changes: { url: `${home.url}/` },
    });
    expect(samePlace).toMatchObject({
      ok: true,
      value: { tokenStored: true, tokenDropped: false },
    });
    const moved = await call('consoles.edit', { name: 'prod', changes: { url: stranger.url } });
    expect(moved).toMatchObject({ ok: true, value: { tokenStored: false, tokenDropped: true } });
    expect(secrets.secrets.size).toBe(0);
    expect(await call('consoles.test', { name: 'prod' })).toMatchObject({
      ok: false,
      error: { code: 'secret_missing' },
    });
    await close();
  });

  it('a token left in the keychain is not used once the record says none is stored', async () => {
    const { secrets, backend, call, close } = await setUp();
    secrets.unavailable = true; // the keychain cannot delete it…
    const moved = await call('consoles.edit', { name: 'prod', changes: { url: stranger.url } });
    secrets.unavailable = false;
    expect(moved.ok).toBe(false);
    // …yet the record was updated first, so the stranger never gets the token.
    expect(backend.consoles.get('prod').tokenStored).toBe(false);
    expect(await call('consoles.test', { name: 'prod' })).toMatchObject({
      ok: false,
      error: { code: 'secret_missing' },
    });
    await close();
  });
});

describe('config import refuses what it cannot trust', () => {
  it('checks a CA bundle as the CLI does', async () => {
    const { call, close } = await setUp();
    const imported = await call('config.import', {
      json: config([
        { name: 'lab', url: 'https://lab.example.com', caBundle: '/nonexistent/ca.pem' },
      ]),
    });
    expect(imported).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!imported.ok && imported.error.message).toContain('$.consoles[0].caBundle');
    await close();
  });

  it('takes at most 1,000 consoles in one import, and says so', async () => {
    const { call, close } = await setUp();
    const many = Array.from({ length: 1_001 }, (_, i) => ({
      name: `c${i}`,
      url: `https://c${i}.example.com`,
    }));
    const imported = await call('config.import', { json: config(many) });
    expect(!imported.ok && imported.error.message).toContain('at most 1000');
    await close();
  });
});
