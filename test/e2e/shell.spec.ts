import { e2eEnv, expect, test } from './support/env';
import { seriousA11yViolations } from './support/axe';

// The built renderer, served by `s1inv serve`, opens in Chromium, follows the OS theme, and the first run explains
// what to do. Screenshots of both themes land in artifacts/screenshots/ for a person to look at.

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the shell opens with its first-run state (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.reload();
    await expect(page.getByRole('heading', { name: 'S1 Inventory' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('No SentinelOne console yet');
    // The demo console answers (S1INV_DEMO_URL points at the fake): the first run offers it.
    await page.getByRole('button', { name: 'Try the demo console' }).click();
    const demo = page.getByRole('dialog', { name: 'Add a SentinelOne console' });
    await expect(demo.getByLabel('Name')).toHaveValue('demo');
    await expect(demo.getByLabel('Console URL')).toHaveValue(e2eEnv().s1.url);
    await demo.getByRole('button', { name: 'Cancel' }).click();

    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');

    await page.getByRole('button', { name: 'Devices' }).click();
    await expect(page.getByRole('heading', { name: 'Devices', level: 2 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Devices' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.screenshot({ path: `artifacts/screenshots/shell-${colorScheme}.png` });
    expect(problems).toEqual([]);
  });
}

test('the check for a newer version is off until turned on, then names the version', async ({
  page,
}) => {
  await page.reload();
  const setting = page.getByRole('switch', { name: 'Tell me of new versions' });
  await expect(setting).not.toBeChecked();
  const notice = page.getByRole('button', { name: 'Version 99.0.0 is available' });
  await expect(notice).toHaveCount(0);

  await setting.check();
  await expect(notice).toBeVisible();
  await page.screenshot({ path: 'artifacts/screenshots/update-available.png' });
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  // Still on after a reload: the setting is stored with the data.
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Tell me of new versions' })).toBeChecked();
  await expect(notice).toBeVisible();

  // Off again, for the walks that follow.
  await page.getByRole('switch', { name: 'Tell me of new versions' }).uncheck();
  await expect(notice).toHaveCount(0);
});
