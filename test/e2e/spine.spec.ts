import { e2eEnv, expect, test } from './support/env';

// The spine in a real browser: the page served by `s1inv serve` makes contract calls over
// HTTP with its cookie and receives backend events over Server-Sent Events, within the CSP.

test('a contract call and a backend event, from the served page', async ({ page }) => {
  const env = e2eEnv();
  expect(new URL(page.url()).search).toBe(''); // the token left the address bar
  const outcome = await page.evaluate(
    async ({ s1 }) => {
      const call = async (name: string, args: unknown) =>
        (await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args),
        }).then((r) => r.json())) as { ok: boolean; value?: unknown; error?: unknown };
      const events = new EventSource('/api/events');
      const finished = new Promise<unknown>((resolve) =>
        events.addEventListener('sync.finished', (e) => resolve(JSON.parse(e.data))),
      );
      await new Promise((resolve) => events.addEventListener('open', resolve));
      const added = await call('consoles.add', { name: 'spine', url: s1.url, token: s1.token });
      const started = await call('sync.start', { name: 'spine' });
      const event = await finished;
      events.close();
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
      headers: { 'content-type': 'application/json' },
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
  const stranger = await browser.newPage();
  const refused = await stranger.goto(env.origin);
  expect(refused?.status()).toBe(401);
  await stranger.close();
});
