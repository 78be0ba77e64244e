import * as fs from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { openDatabase, type Db } from '../../../electron/adapters/db/database';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import { startServeHost, type ServeHost } from '../../../electron/hosts/serve/serve-host';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { MemorySecretStore } from '../../support/memory-secret-store';

// `s1inv serve` refuses whoever did not open the printed URL, and any page or name that is not
// this machine's loopback address (DNS rebinding).

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

const token = () => new URL(host.url).searchParams.get('token')!;
async function cookie(): Promise<string> {
  const response = await request(host.url);
  await response.body.dump();
  return String(response.headers['set-cookie']).split(';')[0]!;
}
const call = async (headers: Record<string, string>, name = 'app.info') => {
  const response = await request(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });
  return { status: response.statusCode, text: await response.body.text() };
};

describe('s1inv serve access', () => {
  it('binds to 127.0.0.1 with a random port and a long per-launch token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token().length).toBeGreaterThanOrEqual(40);
  });

  it('swaps the token in the URL for an HttpOnly, SameSite=Strict cookie and drops it from the URL', async () => {
    const response = await request(host.url);
    await response.body.dump();
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toContain(`s1inv_${port}=${token()}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it('refuses every request without the token: page, calls, events and downloads', async () => {
    for (const path of ['/', '/index.html', '/api/events', '/api/download/x']) {
      const response = await request(`${host.origin}${path}`);
      await response.body.dump();
      expect(response.statusCode, path).toBe(401);
    }
    expect((await call({})).status).toBe(401);
    expect((await call({ cookie: `s1inv_${port}=wrong-token` })).status).toBe(401);
    const inQuery = await request(`${host.origin}/api/call/app.info?token=${token()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await inQuery.body.dump();
    expect(inQuery.statusCode).toBe(401);
  });

  it('answers a call with the cookie', async () => {
    const answer = await call({ cookie: await cookie() });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('refuses a forged Host even with the cookie (DNS rebinding)', async () => {
    const answer = await call({ cookie: await cookie(), host: `evil.example:${port}` });
    expect(answer.status).toBe(421);
    const page = await request(`${host.origin}/`, {
      headers: { host: 'evil.example', cookie: await cookie() },
    });
    await page.body.dump();
    expect(page.statusCode).toBe(421);
  });

  it('refuses another site (Origin) even with the cookie', async () => {
    const answer = await call({ cookie: await cookie(), origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    const ours = await call({ cookie: await cookie(), origin: host.origin });
    expect(ours.status).toBe(200);
  });

  it('sends the CSP and hardening headers on pages, calls and refusals', async () => {
    const page = await request(`${host.origin}/`, { headers: { cookie: await cookie() } });
    await page.body.dump();
    const refused = await request(`${host.origin}/`);
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
    const jar = await cookie();
    const unknown = await call({ cookie: jar }, 'fs.readFile');
    expect(JSON.parse(unknown.text)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: expect.stringContaining('fs.readFile') as string,
      },
    });
    const notJson = await request(`${host.origin}/api/call/app.info`, {
      method: 'POST',
      headers: { cookie: jar, 'content-type': 'text/plain' },
      body: '{}',
    });
    await notJson.body.dump();
    expect(notJson.statusCode).toBe(415);
  });

  it('says what to do when a download is gone', async () => {
    const response = await request(`${host.origin}/api/download/no-such-export`, {
      headers: { cookie: await cookie() },
    });
    expect(response.statusCode).toBe(404);
    expect(await response.body.text()).toMatch(/Export again/);
  });

  it('serves no file outside the built renderer', async () => {
    const response = await request(`${host.origin}/..%2f..%2fetc%2fpasswd`, {
      headers: { cookie: await cookie() },
    });
    const text = await response.body.text();
    expect(text).not.toContain('root:');
  });
});
