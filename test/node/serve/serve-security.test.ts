import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { openDatabase, type Db } from '../../../electron/adapters/db/database';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import { startServeHost, type ServeHost } from '../../../electron/hosts/serve/serve-host';
import { launchPage } from '../../../electron/hosts/serve/launch-file';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { MemorySecretStore } from '../../support/memory-secret-store';

// `s1inv serve` answers the API only to whoever holds the printed URL's token (sent as a header,
// never kept in a cookie), and nothing to a page or name that is not this machine's loopback
// address (DNS rebinding).

let host: ServeHost;
let backend: Backend;
let db: Db;
let port: string;
const renderer = fs.mkdtempSync('/tmp/s1inv-renderer-');
fs.writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>S1 Inventory</title>');

beforeAll(async () => {
  const dataDir = fs.mkdtempSync('/tmp/s1inv-serve-');
  db = openDatabase(dataDir);
  const platform = new ServePlatform();
  backend = new Backend({
    db,
    secrets: new MemorySecretStore(),
    clock: systemClock,
    dataDir,
    platform,
  });
  host = await startServeHost({ backend, platform, staticDir: renderer });
  port = new URL(host.origin).port;
});
afterAll(async () => {
  await host.close();
  await backend.close();
  db.close();
});

const token = () => new URL(host.url).hash.replace('#token=', '');
const withToken = (headers: Record<string, string> = {}) => ({
  'x-s1inv-token': token(),
  ...headers,
});
const call = async (headers: Record<string, string>, name = 'app.info') => {
  const response = await request(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });
  return { status: response.statusCode, text: await response.body.text() };
};

describe('s1inv serve access', () => {
  it('binds to 127.0.0.1 with a random port and a long per-launch token, in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${token()}`);
    expect(token().length).toBeGreaterThanOrEqual(40);
  });

  it('stores nothing that grants access where a browser would send it to another port', async () => {
    for (const path of ['/', `/?token=${token()}`, '/index.html']) {
      const response = await request(`${host.origin}${path}`);
      await response.body.dump();
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('refuses every API call and the event stream without the token header', async () => {
    const events = await request(`${host.origin}/api/events`);
    await events.body.dump();
    expect(events.statusCode).toBe(401);
    expect((await call({})).status).toBe(401);
    expect((await call({ 'x-s1inv-token': 'wrong-token' })).status).toBe(401);
    expect((await call({ cookie: `s1inv_${port}=${token()}` })).status).toBe(401);
    const inQuery = await request(`${host.origin}/api/call/app.info?token=${token()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await inQuery.body.dump();
    expect(inQuery.statusCode).toBe(401);
  });

  it('answers a call with the token header', async () => {
    const answer = await call(withToken());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('gives `serve --open` a file only this user can read, and no URL that leads to the token', async () => {
    // Issue 27, R10: the one-time URL was in the browser's argv, readable by any local
    // process, and whoever used it first received the token in the redirect.
    const path = host.launchFile();
    expect(path).not.toContain(token());
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dirname(path)).mode & 0o777).toBe(0o700);
    const page = fs.readFileSync(path, 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${host.url}">`);
    // A second launch rewrites it, still private.
    expect(host.launchFile()).toBe(path);
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    // No path on the server hands the token out.
    for (const guess of ['/open/00000000-0000-4000-8000-000000000000', '/open', '/#token=']) {
      const answer = await request(`${host.origin}${guess}`);
      expect(answer.headers.location).toBeUndefined();
      expect(await answer.body.text()).not.toContain(token());
    }
  });

  it('escapes the page URL in the launch page', () => {
    expect(launchPage('http://127.0.0.1:1/#token="><script>')).not.toContain('"><script>');
  });

  it('refuses a forged Host even with the token (DNS rebinding)', async () => {
    const answer = await call(withToken({ host: `evil.example:${port}` }));
    expect(answer.status).toBe(421);
    const page = await request(`${host.origin}/`, { headers: { host: 'evil.example' } });
    await page.body.dump();
    expect(page.statusCode).toBe(421);
  });

  it('refuses another site (Origin) even with the token', async () => {
    const answer = await call(withToken({ origin: 'https://evil.example' }));
    expect(answer.status).toBe(403);
    const ours = await call(withToken({ origin: host.origin }));
    expect(ours.status).toBe(200);
  });

  it('sends the CSP and hardening headers on pages, calls and refusals', async () => {
    const page = await request(`${host.origin}/`);
    await page.body.dump();
    const refused = await request(`${host.origin}/api/events`);
    await refused.body.dump();
    for (const response of [page, refused]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    expect(page.statusCode).toBe(200);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('names an unknown call and refuses a call that is not JSON', async () => {
    const unknown = await call(withToken(), 'fs.readFile');
    expect(JSON.parse(unknown.text)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: expect.stringContaining('fs.readFile') as string,
      },
    });
    const notJson = await request(`${host.origin}/api/call/app.info`, {
      method: 'POST',
      headers: withToken({ 'content-type': 'text/plain' }),
      body: '{}',
    });
    await notJson.body.dump();
    expect(notJson.statusCode).toBe(415);
  });

  it('says what to do when a download is gone', async () => {
    const response = await request(`${host.origin}/api/download/no-such-export`);
    expect(response.statusCode).toBe(404);
    expect(await response.body.text()).toMatch(/Export again/);
  });

  it('serves no file outside the built renderer', async () => {
    const response = await request(`${host.origin}/..%2f..%2fetc%2fpasswd`);
    const text = await response.body.text();
    expect(text).not.toContain('root:');
  });
});
