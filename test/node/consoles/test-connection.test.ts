import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type HttpSettings } from '../../../electron/adapters/http/dispatcher';
import { S1Client } from '../../../electron/adapters/sentinelone/client';
import { testConnection } from '../../../electron/domains/consoles/test-connection';
import { FakeS1Console } from '../../support/fake-s1/server';
import { selfSignedCertificate } from '../../support/tls';

const TOKEN = 'eyJ-test-token-value-0123456789';
const NOW = new Date('2026-11-23T12:00:00Z');
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function fake(options: ConstructorParameters<typeof FakeS1Console>[0] = {}) {
  const console = await FakeS1Console.start({ clock: { now: () => NOW }, ...options });
  closers.push(() => console.close());
  return console;
}

function run(url: string, token = TOKEN, settings: HttpSettings = {}) {
  const client = new S1Client({ baseUrl: url, token, dispatcher: createDispatcher(settings) });
  return testConnection(client, url, NOW);
}

describe('test connection: every outcome against the fake console', () => {
  it('ok: reports the console version, the token expiry and the accounts it sees', async () => {
    const s1 = (await fake({ version: 'Z SP5' })).addToken(TOKEN, {
      scope: 'account',
      expiresAt: '2027-05-01T00:00:00.000000Z',
    });
    const report = await run(s1.url);
    expect(report).toMatchObject({
      outcome: 'ok',
      ok: true,
      consoleVersion: 'Z SP5',
      token: { expiresAt: '2027-05-01T00:00:00.000Z', daysLeft: 158, expiresSoon: false },
      scope: { level: 'accounts', entries: [{ id: '433241117337583618', name: 'Acme Corp' }] },
    });
    expect(s1.requests.every((r) => r.authorization === `ApiToken ${TOKEN}`)).toBe(true);
    expect(s1.requests.every((r) => !JSON.stringify(r.query).includes(TOKEN))).toBe(true);
  });

  it('ok: warns when the token expires in under 14 days', async () => {
    const s1 = (await fake()).addToken(TOKEN, {
      scope: 'global',
      expiresAt: '2026-12-01T00:00:00Z',
    });
    const report = await run(s1.url);
    expect(report.token).toMatchObject({ daysLeft: 7, expiresSoon: true });
    expect(report.message).toContain('expires in 7 day(s)');
    expect(report.action).toEqual({ action: 'set_token' });
  });

  it("ok: a token past its expiry by this computer's clock is not said to expire in minus days", async () => {
    // The console's clock is a month behind this computer's: it still takes the token.
    const s1 = (await fake({ clock: { now: () => new Date('2026-10-25T00:00:00Z') } })).addToken(
      TOKEN,
      { scope: 'global', expiresAt: '2026-11-01T00:00:00Z' },
    );
    const report = await run(s1.url);
    expect(report.token).toMatchObject({ daysLeft: -23, expiresSoon: true });
    expect(report.message).not.toMatch(/-\d+ day/);
    expect(report.message).toMatch(
      /2026-11-01T00:00:00.000Z, which has passed by this computer's clock/,
    );
    expect(report.action).toEqual({ action: 'set_token' });
  });

  it('ok: a site-scoped token gets 4030010 on accounts and reports its sites instead', async () => {
    const s1 = (await fake()).addToken(TOKEN, { scope: 'site', expiresAt: '2027-05-01T00:00:00Z' });
    const report = await run(s1.url);
    expect(report.outcome).toBe('ok');
    expect(report.scope).toEqual({
      level: 'sites',
      total: 2,
      entries: [
        { id: '475482421366727779', name: 'Europe' },
        { id: '475482421366727780', name: 'North America' },
      ],
    });
  });

  it('ok: falls back to api-token-details when /user is missing', async () => {
    const s1 = (await fake()).addToken(TOKEN, {
      scope: 'global',
      expiresAt: '2027-01-01T00:00:00Z',
    });
    s1.userEndpoint = false;
    const report = await run(s1.url);
    expect(report.token?.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(s1.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'POST /web/api/v2.1/users/api-token-details',
    );
  });

  it('token_invalid: 401 for an unknown or expired token', async () => {
    const s1 = (await fake()).addToken('tok-7f3a-old', {
      scope: 'global',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    for (const token of ['tok-unknown-91c2', 'tok-7f3a-old']) {
      const report = await run(s1.url, token);
      expect(report.outcome).toBe('token_invalid');
      expect(report.action).toEqual({ action: 'set_token' });
      expect(report.nextStep).toContain("store it as this console's token");
      expect(JSON.stringify(report)).not.toContain(token);
    }
  });

  it('permission_denied: 403 names the call that failed', async () => {
    const s1 = (await fake()).addToken(TOKEN, { scope: 'account', deny: ['/system/info'] });
    const report = await run(s1.url);
    expect(report).toMatchObject({
      outcome: 'permission_denied',
      failedCall: 'GET /web/api/v2.1/system/info',
    });
    expect(report.message).toContain('GET /web/api/v2.1/system/info');
  });

  it('permission_denied: neither accounts nor sites may be listed', async () => {
    const s1 = (await fake()).addToken(TOKEN, { scope: 'account', deny: ['/accounts', '/sites'] });
    const report = await run(s1.url);
    expect(report).toMatchObject({
      outcome: 'permission_denied',
      failedCall: 'GET /web/api/v2.1/sites',
    });
  });

  it('not_a_console: an HTML page at the API path', async () => {
    const s1 = await fake({
      override: () => ({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><html><body>Welcome</body></html>',
      }),
    });
    const report = await run(s1.url);
    expect(report.outcome).toBe('not_a_console');
    expect(report.message).toContain('an HTML page');
  });

  it('not_a_console: 404 at the API path', async () => {
    const s1 = await fake({
      override: () => ({ status: 404, contentType: 'text/html', body: '<html>Not Found</html>' }),
    });
    expect((await run(s1.url)).outcome).toBe('not_a_console');
  });

  it("server_error: a 5xx with SentinelOne's error envelope", async () => {
    const s1 = await fake({
      override: () => ({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ code: 5000010, title: 'Internal server error', detail: null }],
        }),
      }),
    });
    const report = await run(s1.url);
    expect(report.outcome).toBe('server_error');
    expect(report.nextStep).toMatch(/try again/i);
  });

  it('dns_failure: a name that does not resolve', async () => {
    const report = await run('https://console.s1inv-test.invalid');
    expect(report.outcome).toBe('dns_failure');
    expect(report.message).toContain('console.s1inv-test.invalid');
  });

  it('connection_refused: nothing listens on the port', async () => {
    const port = await freePort();
    expect((await run(`http://127.0.0.1:${port}`)).outcome).toBe('connection_refused');
  });

  it('connection_timeout: the server accepts but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      for (const socket of sockets) socket.destroy();
      return closeServer(silent);
    });
    const { port } = silent.address() as AddressInfo;
    const report = await run(`http://127.0.0.1:${port}`, TOKEN, { readTimeoutMs: 300 });
    expect(report.outcome).toBe('connection_timeout');
  });

  it('network_error: the connection is reset mid-request', async () => {
    const rude = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    closers.push(() => closeServer(rude));
    const { port } = rude.address() as AddressInfo;
    const report = await run(`http://127.0.0.1:${port}`);
    expect(report.outcome).toBe('network_error');
    expect(report.nextStep).toMatch(/try again/i);
  });

  it('tls_failure: a self-signed certificate is named as such', async () => {
    const tls = await selfSignedCertificate();
    const s1 = (await fake({ tls })).addToken(TOKEN, { scope: 'global' });
    const report = await run(s1.url);
    expect(report.outcome).toBe('tls_failure');
    expect(report.message).toContain('self-signed');
    expect(report.nextStep).toContain('add its CA bundle');
    expect(report.action).toEqual({ action: 'edit_console' });
  });

  it('ok over TLS once the certificate is trusted through a CA bundle', async () => {
    const tls = await selfSignedCertificate();
    const s1 = (await fake({ tls })).addToken(TOKEN, { scope: 'global' });
    const report = await run(s1.url, TOKEN, { caPem: tls.cert });
    expect(report.outcome).toBe('ok');
    expect(report.token).toEqual({ expiresSoon: false });
    expect(report.message).toContain('did not say when the token expires');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
