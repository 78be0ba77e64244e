import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { errorsOf, validateDeviceInventoryInfo } from '../../shared/ocsf/validator';
import { FakeS1Console } from '../support/fake-s1/server';
import { startSecretService, type SecretServiceSession } from '../support/secret-service';
import { fleet } from '../support/sync-fixture';
import { canLaunch, electronLaunch, NO_ELECTRON } from './electron-binary';

// The desktop app as an analyst first meets it: launch, the first-run state, the demo console,
// a sync, and an export through the save dialog, in the real Electron shell.

test.skip(!canLaunch(), NO_ELECTRON);

const AGENTS = 150;
let app: ElectronApplication;
let s1: FakeS1Console;
/** Linux's Secret Service, private to the run; macOS and Windows use their own keychains. */
let keychain: SecretServiceSession | undefined;

test.beforeAll(async () => {
  if (process.platform === 'linux') keychain = startSecretService();
  s1 = (await FakeS1Console.start()).addToken('demo-token', { scope: 'global' });
  fleet(s1, { agents: AGENTS, threats: 10, activities: 10 });
  const { executablePath, args } = electronLaunch(mkdtempSync(join(tmpdir(), 's1inv-app-')))!;
  app = await electron.launch({
    executablePath,
    args,
    env: { ...process.env, ...keychain?.env, S1INV_DEMO_URL: s1.url },
  });
});
test.afterAll(async () => {
  await app?.close();
  await s1?.close();
  keychain?.stop();
});

test('launch → first run → demo console → sync → export', async () => {
  test.setTimeout(120_000);
  const page = await app.firstWindow();
  await expect(page.getByRole('status')).toContainText('No SentinelOne console yet');

  await page.getByRole('button', { name: 'Try the demo console' }).click();
  const add = page.getByRole('dialog', { name: 'Add a SentinelOne console' });
  await add.getByRole('button', { name: 'Add console' }).click();
  // The demo console syncs as it is added: no "Sync now" to find first.
  const card = page.getByRole('region', { name: 'Console demo' });
  await expect(card).toContainText(`${AGENTS} devices`, { timeout: 60_000 });

  // The native save dialog cannot be driven; main's answer to it is set instead.
  const file = join(mkdtempSync(join(tmpdir(), 's1inv-app-export-')), 'fleet.ocsf.json');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (() =>
      Promise.resolve({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, file);
  await page.getByRole('button', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog).toContainText(`Exported ${AGENTS} records`, { timeout: 30_000 });
  const records = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  expect(records).toHaveLength(AGENTS);
  for (const record of records) expect(errorsOf(validateDeviceInventoryInfo(record))).toEqual([]);
  await page.screenshot({ path: 'artifacts/screenshots/electron-after-export.png' });
});
