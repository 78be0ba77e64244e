import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { e2eEnv, expect, test } from './support/env';

// The spine in a real browser: the page served by `s1inv serve` makes contract calls over
// HTTP with its token (taken from the URL's fragment into the tab's session) and receives
// backend events over a streamed Server-Sent Events response, within the CSP.

test('a contract call and a backend event, from the served page', async ({ page }) => {
  const env = e2eEnv();
  // The token left the address bar, and no cookie holds it.
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.context().cookies()).toEqual([]);
  const outcome = await page.evaluate(
    async ({ s1 }) => {
      const token = sessionStorage.getItem('s1inv.token') ?? '';
      const headers = { 'content-type': 'application/json', 'x-s1inv-token': token };
      const call = async (name: string, args: unknown) =>
        (await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(args),
        }).then((r) => r.json())) as { ok: boolean; value?: unknown; error?: unknown };
      const stream = await fetch('/api/events', { headers });
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      const finished = (async () => {
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return undefined;
          buffer += value;
          const match = /event: sync\.finished\ndata: (.+)\n/.exec(buffer);
          if (match) return JSON.parse(match[1]!) as unknown;
        }
      })();
      const added = await call('consoles.add', { name: 'spine', url: s1.url, token: s1.token });
      const started = await call('sync.start', { name: 'spine' });
      const event = await finished;
      await reader.cancel();
      const bad = await call('consoles.test', { name: 7 });
      return { added, started, event, bad };
    },
    { s1: env.s1 },
  );
  expect(outcome.added).toMatchObject({ ok: true, value: { name: 'spine', tokenStored: true } });
  expect(JSON.stringify(outcome.added)).not.toContain(env.s1.token);
  expect(outcome.started).toEqual({ ok: true, value: { started: true } });
  expect(outcome.event).toMatchObject({ console: 'spine', state: 'Idle', devices: env.s1.agents });
  expect(outcome.bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  // Leave the next tests a first-run app.
  await page.evaluate(() =>
    fetch('/api/call/consoles.remove', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-s1inv-token': sessionStorage.getItem('s1inv.token') ?? '',
      },
      body: JSON.stringify({ name: 'spine', deleteData: true }),
    }),
  );
});

test('another site cannot read the API, even from the same browser', async ({ page, browser }) => {
  const env = e2eEnv();
  const response = await page.request.get(`${env.origin}/api/events`, {
    headers: { origin: 'https://evil.example' },
  });
  expect(response.status()).toBe(403);
  // A page on another port of 127.0.0.1, in the same browser that opened the app: browsers
  // share cookies across ports, but nothing that grants access is in one.
  const neighbour = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>neighbour</title>');
  });
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  const neighbourUrl = `http://127.0.0.1:${(neighbour.address() as AddressInfo).port}/`;
  const stranger = await page.context().newPage();
  await stranger.goto(neighbourUrl);
  const attempt = await stranger.evaluate(async (origin) => {
    try {
      const r = await fetch(`${origin}/api/call/app.info`, {
        method: 'POST',
        credentials: 'include',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      });
      return { status: r.status, type: r.type, text: await r.text() };
    } catch (error) {
      return { error: String(error) };
    }
  }, env.origin);
  expect(JSON.stringify(attempt)).not.toContain('dataDir');
  await stranger.close();
  neighbour.close();
  // A fresh browser gets the public page, and no API without the token.
  const other = await browser.newPage();
  expect((await other.goto(env.origin))?.status()).toBe(200);
  const refused = await other.request.post(`${env.origin}/api/call/app.info`, { data: {} });
  expect(refused.status()).toBe(401);
  await other.close();
});
