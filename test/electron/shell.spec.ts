import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { canLaunch, electronLaunch, NO_ELECTRON } from './electron-binary';

// The Electron shell itself: the window opens hardened, IPC refuses a malformed argument, and
// the page cannot navigate away. Everything these exercise that does not need Electron is also
// covered by Node tests (test/node/ipc, test/node/contract, test/node/server).

test.skip(!canLaunch(), NO_ELECTRON);

let app: ElectronApplication;
test.beforeAll(async () => {
  const { executablePath, args } = electronLaunch(mkdtempSync(join(tmpdir(), 's1inv-electron-')))!;
  app = await electron.launch({ executablePath, args });
});
test.afterAll(async () => {
  await app?.close();
});

test('the window opens on the app protocol with the first-run state', async () => {
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'S1 Inventory' })).toBeVisible();
  expect(page.url()).toBe('app://s1inventory/index.html');
  await page.screenshot({ path: 'artifacts/screenshots/electron-shell.png' });
});

test("the page has no Node and sees only the preload's contract API", async () => {
  const page = await app.firstWindow();
  const seen = await page.evaluate(() => ({
    process: typeof (globalThis as { process?: unknown }).process,
    require: typeof (globalThis as { require?: unknown }).require,
    exposed: Object.keys((window as unknown as { s1inv: object }).s1inv).sort(),
    // Functions crossing contextBridge are proxies of the isolated world.
    bridged: String(
      (window as unknown as { s1inv: { calls: Record<string, unknown> } }).s1inv.calls['app.info'],
    ),
  }));
  expect(seen).toMatchObject({
    process: 'undefined',
    require: 'undefined',
    exposed: ['calls', 'events'],
  });
  expect(seen.bridged).toContain('[native code]');
});

test('IPC validation refuses a malformed argument and answers a good one', async () => {
  const page = await app.firstWindow();
  const [bad, good] = await page.evaluate(async () => {
    const { calls } = (
      window as unknown as { s1inv: { calls: Record<string, (a: unknown) => Promise<unknown>> } }
    ).s1inv;
    return [await calls['consoles.test']!({ name: 5 }), await calls['app.info']!({})];
  });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  expect(good).toMatchObject({ ok: true, value: { transport: 'electron' } });
});

test('navigation away and new windows are blocked', async () => {
  const page = await app.firstWindow();
  // Main records each navigation attempt it sees, so the test waits for the attempt itself
  // rather than for a while, and then checks that the page stayed.
  await app.evaluate(({ BrowserWindow }) => {
    const attempts: string[] = [];
    (globalThis as { navigationAttempts?: string[] }).navigationAttempts = attempts;
    BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (_event, url) =>
      attempts.push(url),
    );
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect
    .poll(() =>
      app.evaluate(() => (globalThis as { navigationAttempts?: string[] }).navigationAttempts),
    )
    .toEqual(['https://example.com/']);
  expect(page.url()).toBe('app://s1inventory/index.html');
  // A denied window.open returns null in the page, at once.
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
});
