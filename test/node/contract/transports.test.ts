import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { PortPlatform } from '../../../electron/hosts/utility/port-host';
import { openDatabase, type Db } from '../../../electron/adapters/db/database';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { KeyringSecretStore } from '../../../electron/adapters/secrets/keyring-store';
import { consoleAccount } from '../../../electron/adapters/secrets/secret-store';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import { startServeHost } from '../../../electron/hosts/serve/serve-host';
import type { BackendApi, EventName, EventPayload } from '../../../shared/contract/contract';
import { errorsOf, validateDeviceInventoryInfo } from '../../../shared/ocsf/validator';
import { FakeSekoia } from '../../support/fake-sekoia/server';
import { FakeS1Console } from '../../support/fake-s1/server';
import {
  httpTransport,
  ipcTransport,
  messagePorts,
  type Transport,
} from '../../support/contract-clients';
import { FAST_LIMITS, FAST_RETRY, fleet } from '../../support/sync-fixture';

// One set of cases, run through both transports: Electron's (preload → main's validator →
// the backend on a message port) and `s1inv serve`'s (HTTP calls and Server-Sent Events).

const AGENTS = 120;
const TOKEN = `tok-${randomUUID()}`;
const SEKOIA_KEY = `sk-${randomUUID()}`;
const RENDERER = fs.mkdtempSync('/tmp/s1inv-renderer-');
fs.writeFileSync(join(RENDERER, 'index.html'), '<!doctype html><title>S1 Inventory</title>');

let s1: FakeS1Console;
let sekoia: FakeSekoia;
beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: AGENTS, threats: 20, activities: 30 });
  sekoia = await FakeSekoia.start(SEKOIA_KEY);
});
afterAll(async () => {
  await s1.close();
  await sekoia.close();
});

interface Setup {
  transport: Transport;
  backend: Backend;
  db: Db;
  dataDir: string;
  exportsDir: string;
}

async function setUp(kind: 'ipc' | 'http'): Promise<Setup> {
  const dataDir = fs.mkdtempSync('/tmp/s1inv-contract-');
  const exportsDir = fs.mkdtempSync('/tmp/s1inv-contract-out-');
  const db = openDatabase(dataDir);
  const deps = {
    db,
    secrets: new KeyringSecretStore(),
    clock: systemClock,
    dataDir,
    sync: { retryPolicy: FAST_RETRY, rateLimits: FAST_LIMITS },
    findDemoConsole: () => Promise.resolve({ url: s1.url, token: 'demo-token' }),
  };
  if (kind === 'ipc') {
    const { port, main } = messagePorts();
    const platform = new PortPlatform(port as never);
    const backend = new Backend({ ...deps, platform });
    const transport = ipcTransport(backend, platform, port, main, (name) => join(exportsDir, name));
    return { transport, backend, db, dataDir, exportsDir };
  }
  const platform = new ServePlatform();
  const backend = new Backend({ ...deps, platform });
  const host = await startServeHost({ backend, platform, staticDir: RENDERER });
  const transport = await httpTransport(host);
  const close = transport.close;
  transport.close = async () => {
    await close();
    await host.close();
  };
  return { transport, backend, db, dataDir, exportsDir };
}

function nextEvent<K extends EventName>(
  api: BackendApi,
  event: K,
  matches: (payload: EventPayload<K>) => boolean = () => true,
): Promise<EventPayload<K>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} event`)), 15_000);
    const off = api.on(event, (payload) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe.each(['ipc', 'http'] as const)('the contract over %s', (kind) => {
  let s: Setup;
  let api: BackendApi;
  const name = `prod-${kind}`;
  beforeAll(async () => {
    s = await setUp(kind);
    api = s.transport.api;
  });
  afterAll(async () => {
    await s.transport.close();
    await s.backend.close();
    await new KeyringSecretStore().delete(consoleAccount(s.backend.consoles.get(name).id));
    s.db.close();
  });

  it('app.info names the transport and offers the demo console', async () => {
    const info = await api['app.info']({});
    expect(info).toMatchObject({
      ok: true,
      value: {
        transport: kind === 'ipc' ? 'electron' : 'browser',
        dataDir: s.dataDir,
        demoConsole: { url: s1.url },
      },
    });
  });

  it('a malformed argument is refused before any handler, naming the field', async () => {
    const bad = await api['consoles.add']({ name: 42, url: s1.url } as never);
    expect(bad).toEqual({
      ok: false,
      error: {
        name: 'InvalidArgumentError',
        code: 'invalid_argument',
        message: expect.stringMatching(/consoles\.add.*name/) as string,
      },
    });
    const extra = await api['consoles.list']({ sneaky: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('adds a console: the token goes to the keychain and never comes back', async () => {
    const added = await api['consoles.add']({ name, url: s1.url, token: TOKEN });
    expect(added).toMatchObject({ ok: true, value: { name, tokenStored: true, state: 'Pending' } });
    expect(JSON.stringify(added)).not.toContain(TOKEN);
    const stored = await new KeyringSecretStore().get(
      consoleAccount(s.backend.consoles.get(name).id),
    );
    expect(stored).toBe(TOKEN);
    const listed = await api['consoles.list']({});
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
  });

  it('errors cross as named errors with a code', async () => {
    const missing = await api['consoles.test']({ name: 'nope' });
    expect(missing).toMatchObject({
      ok: false,
      error: { name: 'ConsoleNotFoundError', code: 'not_found' },
    });
    const duplicate = await api['consoles.add']({ name, url: s1.url });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { name: 'DuplicateConsoleError', code: 'conflict' },
    });
  });

  it('tests the connection', async () => {
    const report = await api['consoles.test']({ name });
    expect(report).toMatchObject({ ok: true, value: { ok: true, outcome: 'ok' } });
  });

  it('syncs in the background with progress and a finish event, then lists every device', async () => {
    const progress = nextEvent(api, 'sync.progress', (p) => p.console === name);
    const finished = nextEvent(api, 'sync.finished', (p) => p.console === name);
    expect(await api['sync.start']({ name })).toEqual({ ok: true, value: { started: true } });
    expect(await progress).toMatchObject({ console: name, fetched: expect.any(Number) as number });
    expect(await finished).toMatchObject({ console: name, state: 'Idle', devices: AGENTS });
    const devices = await api['devices.list']({});
    if (!devices.ok) throw new Error(devices.error.message);
    expect(devices.value.rows).toHaveLength(AGENTS);
    expect(new Set(devices.value.rows.map((row) => row.agentId)).size).toBe(AGENTS);
    expect(devices.value.rows[0]).not.toHaveProperty('raw');
  });

  it('pages the grid rows with a cursor: every device once, and a forged cursor is refused', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api['devices.list']({ limit: 50, ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error(page.error.message);
      expect(page.value.total).toBe(AGENTS);
      expect(page.value.rows.length).toBeLessThanOrEqual(50);
      seen.push(...page.value.rows.map((row) => row.agentId));
      cursor = page.value.next;
    } while (cursor);
    expect(seen).toHaveLength(AGENTS);
    expect(new Set(seen).size).toBe(AGENTS);
    const forged = await api['devices.list']({ cursor: '{"nope":1}' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('shows one device in detail: the OCSF record and the raw JSON', async () => {
    const devices = await api['devices.list']({});
    if (!devices.ok) throw new Error(devices.error.message);
    const row = devices.value.rows[3]!;
    const detail = await api['devices.detail']({ console: row.console, agentId: row.agentId });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(errorsOf(validateDeviceInventoryInfo(JSON.parse(detail.value.ocsf)))).toEqual([]);
    expect((JSON.parse(detail.value.raw) as { id: string }).id).toBe(row.agentId);
  });

  it('exports the selected devices through the platform and audits it', async () => {
    const devices = await api['devices.list']({});
    if (!devices.ok) throw new Error(devices.error.message);
    const chosen = devices.value.rows.slice(0, 7).map((row) => row.agentId);
    const result = await api['export.run']({
      format: 'ocsf-ndjson',
      scope: { agentIds: chosen, label: 'selection' },
    });
    if (!result.ok || result.value.status !== 'written') throw new Error(JSON.stringify(result));
    expect(result.value.records).toBe(7);
    const lines = fs.readFileSync(result.value.path, 'utf8').trim().split('\n');
    expect(
      lines.map((line) => (JSON.parse(line) as { device: { uid_alt: string } }).device.uid_alt),
    ).toEqual(chosen);
    if (kind === 'http') expect(result.value.downloadUrl).toMatch(/^\/api\/download\//);
    const audit = await api['audit.list']({});
    expect(audit).toMatchObject({
      ok: true,
      value: [{ action: 'export', recordCount: 7, sha256: result.value.sha256 }],
    });
  });

  it('pushes to Sekoia with progress events, never exposing the key', async () => {
    const target = `sekoia-${kind}`;
    const added = await api['sekoia.add']({
      name: target,
      connectorUuid: randomUUID(),
      baseUrl: sekoia.url,
      apiKey: SEKOIA_KEY,
      batchSize: 50,
    });
    expect(added).toMatchObject({ ok: true, value: { keyStored: true } });
    expect(JSON.stringify(added)).not.toContain(SEKOIA_KEY);
    const progress = nextEvent(api, 'push.progress', (p) => p.target === target);
    const pushed = await api['push.run']({ target, scope: {} });
    expect(pushed).toMatchObject({ ok: true, value: { state: 'complete' } });
    expect(await progress).toMatchObject({ target, total: expect.any(Number) as number });
    await api['sekoia.remove']({ name: target });
  });
});
