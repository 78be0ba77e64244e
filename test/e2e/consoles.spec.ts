import type { Page } from '@playwright/test';
import { seriousA11yViolations } from './support/axe';
import { footer, nav, shot } from './support/screens';
import { apiHeaders, e2eEnv, expect, test } from './support/env';

// Two defects of the workbench walk (issue 29), each as an analyst meets it: the demo console,
// added from the first run, syncs at once (no "Sync now"); and a console's card stops saying
// "Retrying" once the sync that retried has ended.

async function api(page: Page, name: string, args: object): Promise<unknown> {
  const response = await page.request.post(`${e2eEnv().origin}/api/call/${name}`, {
    data: args,
    headers: apiHeaders(),
    timeout: 60_000,
  });
  const envelope = (await response.json()) as { ok: boolean; value: unknown; error?: unknown };
  expect(envelope, `${name} failed: ${JSON.stringify(envelope.error)}`).toMatchObject({ ok: true });
  return envelope.value;
}

test('the demo console, added from the first run, syncs at once', async ({ page }) => {
  test.setTimeout(90_000);
  await page.reload();
  await page.getByRole('button', { name: 'Try the demo console' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a SentinelOne console' });
  await dialog.getByRole('button', { name: 'Add console' }).click();
  await expect(dialog).toBeHidden();
  // Nobody pressed "Sync now": the devices come by themselves.
  await nav(page, 'Devices');
  try {
    await expect(footer(page)).toContainText(
      `of ${e2eEnv().s1.agents.toLocaleString('en')} devices`,
      { timeout: 60_000 },
    );
  } finally {
    await api(page, 'consoles.remove', { name: 'demo', deleteData: true });
  }
});

test('a console card says "Retrying" no longer once the sync that retried has ended', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const env = e2eEnv();
  await api(page, 'consoles.add', { name: 'lab', url: env.s1.url, token: env.s1.token });
  // The console answers one agents page with 503 and Retry-After: the sync waits and retries.
  const fault = await page.request.post(`${env.sekoia.inspectUrl}/s1/fault`, {
    data: { path: '/agents', times: 1, fault: { kind: 'status', status: 503, retryAfter: '1' } },
  });
  expect(fault.ok()).toBe(true);
  try {
    await api(page, 'sync.run', { names: ['lab'], apis: ['agents'] });
    await checkCard(page);
  } finally {
    await api(page, 'consoles.remove', { name: 'lab', deleteData: true });
  }
});

async function checkCard(page: Page) {
  await nav(page, 'Consoles');
  const card = page.getByRole('region', { name: 'Console lab' });
  await expect(card.getByLabel(/^State idle$/i)).toBeVisible();
  // The retry happened and is in the console's health, but the card no longer says so.
  await expect(card.getByLabel(/^Health of lab: \d+ errors, [1-9]\d* warnings$/)).toBeVisible();
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(card).not.toContainText('Retrying');
  await shot(page, 'console-after-retry-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
}
