// The world the browser tests run in, as one long-lived process: a private Secret Service, a
// fake SentinelOne console with a generated fleet, a fake Sekoia, and the real `s1inv serve`
// on a fresh data directory. Prints one JSON line describing it, then waits for SIGTERM.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FakeSekoia } from '../../support/fake-sekoia/server';
import { FakeS1Console } from '../../support/fake-s1/server';
import type { Fault } from '../../support/fake-s1/faults';
import { startSecretService } from '../../support/secret-service';
import { fleet } from '../../support/sync-fixture';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { generateAgent } from '../../support/generate/agents';

const agents = Number(process.env.S1INV_E2E_AGENTS ?? 300);
const s1Token = 'e2e-s1-token-7f3a9c21';
const sekoiaKey = 'e2e-sekoia-key-4b8d2e10';

const keychain = startSecretService();
const dataDir = mkdtempSync(join(tmpdir(), 's1inv-e2e-'));
const s1 = (await FakeS1Console.start()).addToken(s1Token, {
  scope: 'global',
  expiresAt: new Date(Date.now() + 120 * 86_400_000).toISOString(),
});
// The demo console's published token too, so the first run offers "Try the demo console".
s1.addToken('demo-token', { scope: 'global' });
fleet(s1, { agents, threats: Math.ceil(agents / 10), activities: Math.ceil(agents / 5) });
// Software on every device, and the CVEs it carries (read by consoles that ask for them).
const APPS_PER_AGENT = 30;
fleetApplications(s1, APPS_PER_AGENT, Date.now() - 2 * 3_600_000);
// One machine enrolled twice (re-imaged without uninstalling the agent): a second live agent
// with the first's serial number and network card, for the duplicates walk.
const [first, second] = [...s1.agents.values()]
  .map((stored) => stored.value as Record<string, unknown> & { networkInterfaces?: object[] })
  .filter((agent) => agent.isDecommissioned !== true && (agent.networkInterfaces ?? []).length > 0);
const twice = { serialNumber: 'VMW-TWICE-0001', physical: '00:50:56:a1:b2:c3' };
s1.put(
  s1.agents,
  [first!, second!].map((agent) => ({
    ...agent,
    serialNumber: twice.serialNumber,
    networkInterfaces: [{ ...agent.networkInterfaces![0], physical: twice.physical }],
  })),
);
const sekoia = await FakeSekoia.start(sekoiaKey);

// What the fake Sekoia received, for tests to check delivery from outside this process; and
// POST /s1/churn: the fleet changes as between two real syncs (one device enrolled, one gone,
// a few upgraded, which also install an application), for the Changes screen.
const CHURN = {
  upgraded: 5,
  installed: {
    name: 'Wireshark',
    version: '4.4.2',
    publisher: 'The Wireshark developer community',
  },
};
const inspector = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  if (req.method === 'POST' && req.url === '/s1/churn') {
    const ids = [...s1.agents.keys()];
    const gone = ids.at(-1)!;
    s1.agents.delete(gone);
    const upgraded = ids.slice(0, CHURN.upgraded);
    const enrolled: Record<string, unknown> = {
      ...generateAgent(agents + 1),
      computerName: 'NEW-DEVICE-01',
    };
    s1.put(s1.agents, [
      ...upgraded.map((id) => ({ ...s1.agents.get(id)!.value, agentVersion: '99.1.0.7' })),
      enrolled,
    ]);
    // The upgraded devices gained an application too.
    for (const id of upgraded) {
      s1.applications.set(id, [...(s1.applications.get(id) ?? []), CHURN.installed]);
    }
    res.end(JSON.stringify({ gone, upgraded, enrolled: enrolled.id }));
    return;
  }
  // POST /s1/fault: the fake console injects a fault (test/support/fake-s1/faults.ts), as the
  // Node tests do in-process.
  if (req.method === 'POST' && req.url === '/s1/fault') {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      s1.faults.add(JSON.parse(body) as Fault);
      res.end('{}');
    });
    return;
  }
  res.end(JSON.stringify({ uids: sekoia.deliveredUids() }));
});
await new Promise<void>((resolve) => inspector.listen(0, '127.0.0.1', resolve));
const inspectUrl = `http://127.0.0.1:${(inspector.address() as AddressInfo).port}`;
// The release feed the opt-in update check reads, naming a newer version than this one.
const releaseFeed = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ version: '99.0.0', url: 'https://s1inventory.io/releases/99.0.0' }));
});
await new Promise<void>((resolve) => releaseFeed.listen(0, '127.0.0.1', resolve));
const releaseFeedUrl = `http://127.0.0.1:${(releaseFeed.address() as AddressInfo).port}/latest.json`;

const serve = spawn(process.execPath, ['bin/s1inv.js', '--data-dir', dataDir, 'serve'], {
  env: {
    ...process.env,
    ...keychain.env,
    S1INV_DEMO_URL: s1.url,
    S1INV_RELEASE_FEED: releaseFeedUrl,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const serveUrl = await new Promise<string>((resolve, reject) => {
  createInterface({ input: serve.stdout }).once('line', resolve);
  serve.once('exit', (code) => reject(new Error(`s1inv serve exited (${code})`)));
});

console.log(
  JSON.stringify({
    serveUrl,
    origin: new URL(serveUrl).origin,
    dataDir,
    s1: {
      url: s1.url,
      token: s1Token,
      agents,
      threats: s1.threats.size,
      appsPerAgent: APPS_PER_AGENT,
    },
    sekoia: { url: sekoia.url, key: sekoiaKey, inspectUrl },
    /** What another `s1inv serve` on the same data needs (the private keychain's session). */
    keychainEnv: keychain.env,
  }),
);

process.once('SIGTERM', () => {
  serve.kill('SIGTERM');
  inspector.close();
  releaseFeed.close();
  void Promise.all([s1.close(), sekoia.close()]).finally(() => {
    keychain.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
