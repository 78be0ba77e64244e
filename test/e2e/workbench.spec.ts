import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { seriousA11yViolations } from './support/axe';
import { footer, nav, scrollGridRight, shot } from './support/screens';
import { apiHeaders, e2eEnv, expect, test } from './support/env';

// The analyst's workbench (issue 15) in Debian's Chromium against `s1inv serve`: facets and
// chips with counts, a view saved and still there after `serve` restarts (and reachable by its
// address), a deep link reloaded, back and forward, a chart opening the grid, and the Changes
// screen after a second sync that changed devices. Screens in both themes go to
// artifacts/screenshots/; axe-core checks each.

interface Row {
  agentId: string;
  hostname?: string;
  site?: string;
  osType?: string;
  agentVersion?: string;
  decommissioned: boolean;
}

const shown = (count: number, of: number, hidden: number) =>
  `Showing ${count.toLocaleString('en')} of ${of.toLocaleString('en')} devices${hidden ? ` · ${hidden} decommissioned hidden` : ''}`;

async function api<T>(page: Page, name: string, args: object): Promise<T> {
  const response = await page.request.post(`${e2eEnv().origin}/api/call/${name}`, {
    data: args,
    headers: apiHeaders(),
    timeout: 60_000,
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(envelope, `${name} failed: ${JSON.stringify(envelope.error)}`).toMatchObject({ ok: true });
  return envelope.value;
}

// Whatever happens to a walk, the next one starts from a first-run app: a failure is reported
// once, not again by every test after it.
test.afterEach(async ({ request }) => {
  const call = (name: string, data: object) =>
    request.post(`${e2eEnv().origin}/api/call/${name}`, { data, headers: apiHeaders() });
  const views = (await (await call('views.list', {})).json()) as { value?: { name: string }[] };
  for (const { name } of views.value ?? []) await call('views.delete', { name });
  await call('consoles.remove', { name: 'lab', deleteData: true });
});

/** A second `s1inv serve` on the same data: what an analyst gets by starting it again. */
async function startServe(): Promise<{ url: string; child: ChildProcess }> {
  const env = e2eEnv();
  const child = spawn(process.execPath, ['bin/s1inv.js', '--data-dir', env.dataDir, 'serve'], {
    env: { ...process.env, ...env.keychainEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`s1inv serve exited (${code})`)));
  });
  return { url, child };
}

test('the workbench: facets, views that last, deep links, charts and changes', async ({ page }) => {
  test.setTimeout(180_000);
  const env = e2eEnv();
  await page.setViewportSize({ width: 1440, height: 900 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await api(page, 'consoles.add', { name: 'lab', url: env.s1.url, token: env.s1.token });
  await api(page, 'sync.run', { names: ['lab'], apis: ['agents', 'applications'] });
  const rows = (await api<{ rows: Row[] }>(page, 'devices.list', {})).rows;
  const active = rows.filter((r) => !r.decommissioned);
  const hidden = rows.length - active.length;

  // Facets list each value with how many devices it would show; a click keeps it.
  await page.reload();
  await nav(page, 'Devices');
  await expect(footer(page)).toHaveText(shown(active.length, rows.length, hidden));
  const facets = page.getByRole('complementary', { name: 'Filters' });
  const bySite = new Map<string, number>();
  for (const r of active)
    bySite.set(r.site ?? 'Unknown', (bySite.get(r.site ?? 'Unknown') ?? 0) + 1);
  const [site, siteCount] = [...bySite].sort((a, b) => b[1] - a[1])[0]!;
  const siteBox = facets.getByRole('checkbox', { name: `Site: ${site}, ${siteCount} devices` });
  await siteBox.check();
  await expect(footer(page)).toHaveText(shown(siteCount, rows.length, hidden));
  await expect(page).toHaveURL(
    new RegExp(`is\\.site=${encodeURIComponent(site).replace(/%20/g, '\\+')}`),
  );
  // Chips say how many of the shown devices each would keep, before they are pressed.
  const linuxAtSite = active.filter((r) => (r.site ?? 'Unknown') === site && r.osType === 'linux');
  await expect(
    facets.getByRole('checkbox', { name: `OS: Linux, ${linuxAtSite.length} devices` }),
  ).toBeVisible();
  // Leave one OS out: the other facets follow, and the active-filter bar lists both.
  await facets.getByRole('button', { name: 'Leave out OS Linux' }).click();
  await expect(footer(page)).toHaveText(shown(siteCount - linuxAtSite.length, rows.length, hidden));
  const bar = page.getByRole('group', { name: 'Active filters' });
  await expect(bar.getByRole('button', { name: `Remove filter: Site is ${site}` })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Remove filter: OS is not Linux' })).toBeVisible();
  await shot(page, 'devices-facets-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  // The enrichments read as coloured pills, legible beside the pinned hostname.
  await scrollGridRight(page);
  await expect(page.locator('.s1-pill[data-tone="success"]').first()).toBeVisible();
  await shot(page, 'devices-enrichments-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);

  // Saved as a view, the default: the address names it.
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current view…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save the current view' });
  await saveDialog.getByLabel('View name').fill('Main site, no Linux');
  await saveDialog.getByLabel('Open the Devices screen with this view').check();
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await saveDialog.getByRole('button', { name: 'Save view' }).click();
  await expect(page).toHaveURL(/view=Main\+site%2C\+no\+Linux/);
  await expect(page.getByRole('button', { name: 'View: Main site, no Linux' })).toBeVisible();

  // Clear all, then back: the filters return with the address.
  await bar.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(footer(page)).toHaveText(shown(active.length, rows.length, hidden));
  await page.goBack();
  await expect(footer(page)).toHaveText(shown(siteCount - linuxAtSite.length, rows.length, hidden));
  // A deep link survives a reload.
  await page.reload();
  await expect(footer(page)).toHaveText(shown(siteCount - linuxAtSite.length, rows.length, hidden));
  // Leaving Devices and coming back keeps the grid as it was: the filters, and the sort made
  // over the view's columns.
  const hostHeader = page.getByRole('columnheader', { name: 'Hostname' });
  await hostHeader.locator('.ag-header-cell-label').click();
  await expect(hostHeader).toHaveAttribute('aria-sort', 'ascending');
  await nav(page, 'Overview');
  await nav(page, 'Devices');
  await expect(footer(page)).toHaveText(shown(siteCount - linuxAtSite.length, rows.length, hidden));
  await expect(hostHeader).toHaveAttribute('aria-sort', 'ascending');
  // The address carries the sort: a reload keeps it, and a link naming another order shows it.
  // The saved views are held back here until the order has changed: views that arrive late (a
  // busy disk) bring the view's columns and never take the order the address names away.
  let releaseViews!: () => void;
  const viewsHeld = new Promise<void>((resolve) => (releaseViews = resolve));
  await page.route('**/api/call/views.list', async (route) => {
    await viewsHeld;
    await route.continue();
  });
  await expect(page).toHaveURL(/[?&]sort=hostname(&|$)/);
  await page.reload();
  await expect(hostHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.evaluate(
    () => (window.location.hash = window.location.hash.replace('sort=hostname', 'sort=-hostname')),
  );
  await expect(hostHeader).toHaveAttribute('aria-sort', 'descending');
  const viewsAnswered = page.waitForResponse('**/api/call/views.list');
  releaseViews();
  await viewsAnswered;
  await page.unroute('**/api/call/views.list');
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))),
  );
  await expect(hostHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/[?&]sort=-hostname(&|$)/);
  await hostHeader.locator('.ag-header-cell-label').click();
  await expect(page).not.toHaveURL(/[?&]sort=/);
  await hostHeader.locator('.ag-header-cell-label').click();
  await expect(hostHeader).toHaveAttribute('aria-sort', 'ascending');
  // A link naming only the view, followed once the view is applied, shows the view's devices,
  // never every device under its name; clearing its filters takes its name away too.
  await bar.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page.getByRole('button', { name: 'View: Main site, no Linux' })).toHaveCount(0);
  await expect(footer(page)).toHaveText(shown(active.length, rows.length, hidden));
  await page.evaluate(() => (window.location.hash = '#/devices?view=Main+site%2C+no+Linux'));
  await expect(footer(page)).toHaveText(shown(siteCount - linuxAtSite.length, rows.length, hidden));
  await expect(page.getByRole('button', { name: 'View: Main site, no Linux' })).toBeVisible();

  // `serve` started again (a new port, a new token): the view is there, by its address too.
  const second = await startServe();
  try {
    const token = /#token=([\w-]+)/.exec(second.url)![1]!;
    const origin = new URL(second.url).origin;
    const fresh = await page.context().newPage();
    await fresh.setViewportSize({ width: 1440, height: 900 });
    await fresh.goto(`${origin}/#/devices?view=Main+site%2C+no+Linux&token=${token}`);
    await expect(footer(fresh)).toHaveText(
      shown(siteCount - linuxAtSite.length, rows.length, hidden),
    );
    await expect(fresh.getByRole('button', { name: 'View: Main site, no Linux' })).toBeVisible();
    // The token left the address; the route stayed.
    expect(new URL(fresh.url()).hash).toMatch(/^#\/devices\?view=Main/);
    expect(fresh.url()).not.toContain(token);
    // The default view opens Devices when nothing else is asked for.
    await fresh.goto(`${origin}/#/consoles`);
    await nav(fresh, 'Devices');
    await expect(fresh).toHaveURL(/view=Main/);
    await fresh.close();
  } finally {
    second.child.kill('SIGTERM');
  }

  // Views are renamed and deleted in the GUI.
  await page.getByRole('button', { name: 'View: Main site, no Linux' }).click();
  await page.getByRole('menuitem', { name: 'Manage views…' }).click();
  const manage = page.getByRole('dialog', { name: 'Manage views' });
  await manage.getByRole('button', { name: 'Rename Main site, no Linux' }).click();
  await manage.getByLabel('New name for Main site, no Linux').fill('Main site');
  await manage.getByLabel('New name for Main site, no Linux').press('Enter');
  await expect(manage.getByRole('listitem')).toContainText(['Main site']);
  await shot(page, 'views-manage-light');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await manage.getByRole('button', { name: 'Done' }).click();
  const views = await api<{ name: string; isDefault: boolean }[]>(page, 'views.list', {});
  expect(views).toEqual([expect.objectContaining({ name: 'Main site', isDefault: true })]);

  // A chart opens the grid on the devices it counts.
  await nav(page, 'Overview');
  const versions = page.getByRole('region', { name: 'Agent versions (active devices)' });
  await expect(versions).toContainText('(newest)');
  // Legends read as the OCSF export does: "laptop" is Laptop.
  const types = page.getByRole('region', { name: 'Device types (active devices)' });
  await expect(types).toContainText('Laptop');
  await expect(types).not.toContainText('laptop');
  await shot(page, 'overview-clickable-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await versions.locator('.MuiBarChart-element').first().click();
  await expect(page).toHaveURL(/#\/devices\?is\.agentVersion=/);
  const version = new URL(page.url().replace('#', '')).searchParams.get('is.agentVersion');
  const ofVersion = active.filter((r) => (r.agentVersion ?? 'Unknown') === version).length;
  await expect(footer(page)).toHaveText(shown(ofVersion, rows.length, hidden));
  await nav(page, 'Overview');
  await page.getByRole('button', { name: /^Infected/ }).click();
  await expect(page).toHaveURL(/quick=infected/);

  // A second sync after the fleet changed: the Changes screen says what changed.
  const churn = (await (
    await fetch(`${env.sekoia.inspectUrl}/s1/churn`, { method: 'POST' })
  ).json()) as { gone: string; upgraded: string[]; enrolled: string };
  await api(page, 'sync.run', { names: ['lab'], apis: ['agents', 'applications'] });
  await nav(page, 'Changes');
  await expect(page.getByRole('heading', { name: 'Changes', level: 2 })).toBeVisible();
  await expect(
    page.getByText(/lab: 1 new, 1 gone, 5 changed, \d with applications installed or removed/),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Changed devices' });
  await expect(table).toContainText('NEW-DEVICE-01');
  await expect(table).toContainText('99.1.0.7');
  await expect(table).toContainText(
    'Installed Wireshark 4.4.2 (The Wireshark developer community)',
  );
  // The table pages through every change (no cut at 500): its pager counts them all.
  const changedRows = await table.locator('tbody tr').count();
  await expect(page.getByText(`1–${changedRows} of ${changedRows}`)).toBeVisible();
  await shot(page, 'changes-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = parse(readFileSync(await (await download).path(), 'utf8')) as string[][];
  expect(csv[0]).toEqual(['console', 'change', 'hostname', 'agentId', 'field', 'before', 'after']);
  expect(csv.filter((line) => line[1] === 'gone').map((line) => line[3])).toEqual([churn.gone]);
  expect(csv.filter((line) => line[1] === 'new').map((line) => line[3])).toEqual([churn.enrolled]);
  expect(new Set(csv.filter((line) => line[1] === 'changed').map((line) => line[3]))).toEqual(
    new Set(churn.upgraded),
  );
  // Each upgraded device installed an application (decommissioned ones are not walked).
  const walked = churn.upgraded.filter((id) => !rows.find((r) => r.agentId === id)?.decommissioned);
  expect(
    csv.filter((line) => line[1] === 'software').map((line) => [line[3], line[4], line[6]]),
  ).toEqual(
    walked
      .sort()
      .map((id) => [
        id,
        'Application installed',
        'Wireshark 4.4.2 (The Wireshark developer community)',
      ]),
  );
  // A changed device opens on the device page.
  await table.getByRole('button', { name: 'NEW-DEVICE-01' }).click();
  const opened = page.getByRole('dialog', { name: 'Device detail' });
  await expect(opened).toContainText('NEW-DEVICE-01');
  // Previous and Next walk the grid's devices from a device opened from Changes too (the new
  // device is the grid's last: Previous first).
  const heading = opened.getByRole('heading', { level: 3 }).first();
  // Compared by agent id, which the heading shows at once (the hostname comes with the detail).
  await opened.getByRole('button', { name: 'Previous device' }).click();
  await expect(heading).not.toContainText('NEW-DEVICE-01');
  const stepped = `agent ${/agent (\S+)$/.exec(await heading.innerText())![1]}`;
  await opened.getByRole('button', { name: 'Previous device' }).click();
  await expect(heading).not.toContainText(stepped);
  await opened.getByRole('button', { name: 'Next device' }).click();
  await expect(heading).toContainText(stepped);
  await opened.getByRole('button', { name: 'Next device' }).click();
  await expect(heading).toContainText('NEW-DEVICE-01');
  await page.keyboard.press('Escape');

  // Any two snapshots the console keeps: keep three (Edit), sync once more with nothing
  // changed, and the last two agree; the first sync against the last brings the churn back.
  await nav(page, 'Consoles');
  await page
    .getByRole('region', { name: 'Console lab' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const editLab = page.getByRole('dialog', { name: 'Edit console lab' });
  await expect(editLab.getByLabel('Snapshots to keep')).toHaveValue('2');
  await editLab.getByLabel('Snapshots to keep').fill('3');
  await editLab.getByRole('button', { name: 'Save' }).click();
  await expect(editLab).toBeHidden();
  await api(page, 'sync.run', { names: ['lab'], apis: ['agents'] });
  await nav(page, 'Changes');
  await expect(page.getByText(/lab: 0 new, 0 gone, 0 changed/)).toBeVisible();
  await page.getByLabel('lab: compare the sync of').click();
  const [first] = (
    await api<{ snapshots: { id: number }[] }[]>(page, 'diff.run', {})
  )[0]!.snapshots.slice(-1);
  await page.getByRole('option').last().click();
  await expect(page.getByText(/lab: 1 new, 1 gone, 5 changed/)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/changes\\?in=lab&from=${first!.id}&to=\\d+`));
  await expect(table).toContainText('NEW-DEVICE-01');
  await shot(page, 'changes-picked-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  const comparedUrl = page.url();

  // A new console is tested before it is saved; a failed test says why, and adding it anyway
  // is one more click.
  await nav(page, 'Consoles');
  await page.getByRole('button', { name: 'Add console' }).click();
  const add = page.getByRole('dialog', { name: 'Add a SentinelOne console' });
  await add.getByLabel('Name').fill('typo');
  await add.getByLabel('Console URL').fill(env.s1.url);
  await add.getByLabel('API token').fill('not-the-token');
  await add.getByRole('button', { name: 'Add console' }).click();
  await expect(add.getByRole('alert', { name: 'Connection test failed' })).toBeVisible();
  await expect(add.getByRole('button', { name: 'Add anyway' })).toBeVisible();
  await shot(page, 'add-console-test-failed-light');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await add.getByRole('button', { name: 'Cancel' }).click();
  const consoles = await api<{ name: string }[]>(page, 'consoles.list', {});
  expect(consoles.map((c) => c.name)).toEqual(['lab']);

  // A Sekoia target is edited and deleted where it is used.
  await nav(page, 'Devices');
  await page.getByRole('button', { name: 'Push to Sekoia…' }).click();
  const push = page.getByRole('dialog', { name: 'Push to Sekoia.io' });
  await push.getByLabel('Target name').fill('wb');
  await push.getByLabel('Asset connector UUID').fill('3f1e0c2a-9b7d-4e55-8a10-5c2d7e9f0a11');
  await push.getByRole('button', { name: 'Save target' }).click();
  await push.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = push.getByRole('region', { name: 'Edit Sekoia target' });
  await expect(edit.getByLabel('Asset connector UUID')).toHaveValue(
    '3f1e0c2a-9b7d-4e55-8a10-5c2d7e9f0a11',
  );
  await edit.getByLabel('Target name').fill('wb-eu');
  await shot(page, 'push-edit-target-light');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await edit.getByRole('button', { name: 'Save target' }).click();
  await expect(edit).toBeHidden();
  await expect(push.getByLabel('Target', { exact: true })).toContainText('wb-eu');
  await push.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete the Sekoia target wb-eu?' })
    .getByRole('button', { name: 'Delete target' })
    .click();
  // No target left: the dialog offers to set one up.
  await expect(push.getByRole('region', { name: 'New Sekoia target' })).toBeVisible();
  expect(await api<unknown[]>(page, 'sekoia.list', {})).toEqual([]);
  await push.getByRole('button', { name: 'Cancel' }).last().click();
  await expect(push).toBeHidden();

  // The same machine enrolled twice, found by its serial number across the fleet: the group's
  // size comes into sight, and the Duplicates column set shows every way of telling.
  await page.goto(`${env.origin}/#/devices`);
  await expect(footer(page)).toContainText('Showing');
  await page.getByRole('button', { name: 'Duplicates' }).click();
  expect(await seriousA11yViolations(page, '[role="menu"]')).toEqual([]);
  await page.getByRole('menuitemcheckbox', { name: 'Same serial number · 2' }).click();
  await page.keyboard.press('Escape');
  const latest = (await api<{ rows: Row[] }>(page, 'devices.list', {})).rows;
  const latestHidden = latest.filter((r) => r.decommissioned).length;
  await expect(footer(page)).toHaveText(shown(2, latest.length, latestHidden));
  await expect(page).toHaveURL(/quick=duplicateSerial/);
  const sizes = page.locator('[role="gridcell"][col-id="sameSerial"]');
  await expect(sizes).toHaveText(['2', '2']);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitem', { name: 'Duplicates' }).click();
  await expect(page.locator('.ag-header-cell[col-id="sameMac"]')).toBeVisible();
  await expect(page.locator('[role="gridcell"][col-id="sameMac"]')).toHaveText(['2', '2']);
  const columnShown = async (name: string) => {
    await page.getByRole('button', { name: 'Columns' }).click();
    const item = page.getByRole('menuitemcheckbox', { name, exact: true });
    const checked = await item.getAttribute('aria-checked');
    await page.keyboard.press('Escape');
    return checked === 'true';
  };
  expect(await columnShown('Firewall')).toBe(false);
  await shot(page, 'devices-duplicates-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitem', { name: 'Default' }).click();
  expect([await columnShown('Firewall'), await columnShown('Same MAC')]).toEqual([true, false]);

  // The same screens in the dark theme, and on a 1024-pixel laptop (navigation folded).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${env.origin}/#/devices?is.site=${encodeURIComponent(site)}`);
  await expect(footer(page)).toContainText('Showing');
  await shot(page, 'devices-facets-dark');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await scrollGridRight(page);
  await expect(page.locator('.s1-pill[data-tone="success"]').first()).toBeVisible();
  await shot(page, 'devices-enrichments-dark');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await page.goto(comparedUrl);
  await expect(table).toContainText('NEW-DEVICE-01');
  await shot(page, 'changes-dark');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await nav(page, 'Overview');
  await shot(page, 'overview-clickable-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`${env.origin}/#/devices`);
    await expect(footer(page)).toContainText('Showing');
    await expect(page.getByRole('region', { name: 'Device grid' })).toBeVisible();
    await shot(page, `devices-${width}x${height}`);
    expect(await seriousA11yViolations(page, 'body')).toEqual([]);
    // The device page, scrolled to its end: its controls stay in view.
    await page.getByRole('gridcell').nth(1).click();
    const device = page.getByRole('dialog', { name: 'Device detail' });
    await expect(device.getByRole('region', { name: 'Summary' })).toBeVisible();
    await device.evaluate((paper) => paper.scrollTo(0, paper.scrollHeight));
    for (const control of ['Close device', 'Previous device', 'Next device'])
      await expect(device.getByRole('button', { name: control })).toBeInViewport();
    await shot(page, `device-scrolled-${width}x${height}`);
    await page.keyboard.press('Escape');
  }
  expect(problems).toEqual([]);

  // Leave the environment as it was.
  await api(page, 'views.delete', { name: 'Main site' });
  await api(page, 'consoles.remove', { name: 'lab', deleteData: true });
});

/** A version's numbers, a missing part as 0 (the query compares so: 23.4 = 23.4.0). */
const below = (version: string | undefined, than: number[]) => {
  if (!version || !/^\d/.test(version)) return false;
  const parts = version.split('.').map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < than.length; i += 1) {
    if ((parts[i] ?? 0) !== than[i]) return (parts[i] ?? 0) < than[i]!;
  }
  return false;
};

test('the query bar: completion, an error at its token, applied, linked and copied', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const env = e2eEnv();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await page.setViewportSize({ width: 1440, height: 900 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await api(page, 'consoles.add', { name: 'lab', url: env.s1.url, token: env.s1.token });
  await api(page, 'sync.run', { names: ['lab'], apis: ['agents'] });
  const rows = (await api<{ rows: Row[] }>(page, 'devices.list', {})).rows;
  await page.goto(`${env.origin}/#/devices`);
  await expect(footer(page)).toContainText('Showing');

  // Completion: a field from its first letters, then that field's values with their counts.
  const bar = page.getByRole('combobox', { name: 'Query' });
  await bar.fill('sit');
  await page.getByRole('option', { name: /^site:/ }).click();
  await expect(bar).toHaveValue('site:');
  const sites = page.getByRole('option');
  await expect(sites.first()).toContainText('devices');
  await shot(page, 'query-completion-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);

  // An error names the token at fault, and nothing is applied.
  await bar.fill('sit:Lyon');
  await expect(bar).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('At “sit”: There is no field "sit"; did you mean site?'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await shot(page, 'query-error-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);

  // Applied with Enter: the grid, the address and the active-filter bar follow.
  const where = 'agent_version<23.4 AND NOT decommissioned';
  await bar.fill(where);
  await bar.press('Enter');
  const expected = rows.filter((r) => !r.decommissioned && below(r.agentVersion, [23, 4]));
  expect(expected.length).toBeGreaterThan(0);
  await expect(footer(page)).toHaveText(
    `Showing ${expected.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} devices`,
  );
  await expect(page).toHaveURL(/[?&]where=agent_version%3C23\.4\+AND\+NOT\+decommissioned/);
  const chips = page.getByRole('group', { name: 'Active filters' });
  await expect(chips.getByRole('button', { name: `Remove filter: Query: ${where}` })).toBeVisible();
  await page.reload();
  await expect(bar).toHaveValue(where);
  await expect(footer(page)).toHaveText(
    `Showing ${expected.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} devices`,
  );

  // "Copy as query" hands every filter out as one query a script's --where takes.
  await page.getByRole('button', { name: 'Stale > 30 d' }).click();
  await page.getByRole('button', { name: 'Copy as query' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`stale AND agent_version<23.4 AND NOT decommissioned`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await bar.fill('agent_version<latest');
  await shot(page, 'query-error-dark');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Removing the chip clears the bar.
  await chips.getByRole('button', { name: `Remove filter: Query: ${where}` }).click();
  await expect(bar).toHaveValue('');

  // A device's history: when it was first and last in a snapshot, and what changed.
  await page.getByRole('gridcell').nth(1).click();
  const device = page.getByRole('dialog', { name: 'Device detail' });
  await device.getByRole('tab', { name: 'History' }).click();
  const history = device.getByRole('region', { name: 'Device history' });
  await expect(history).toContainText('in 1 of the 1 snapshots this console keeps');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('First seen');
  await shot(page, 'device-history-light');
  expect(await seriousA11yViolations(page, '[role="dialog"][aria-label="Device detail"]')).toEqual(
    [],
  );
  // Notes: a triage state and a tag, saved, then found by the query bar.
  const notes = device.getByRole('region', { name: 'Your notes' });
  await notes.getByRole('button', { name: 'Needs action' }).click();
  await notes.getByLabel('Tags').fill('escalated');
  await notes.getByLabel('Tags').press('Enter');
  await notes.getByLabel('Note').fill('Owner on leave.');
  await notes.getByRole('button', { name: 'Save notes' }).click();
  await expect(notes.getByRole('status')).toContainText('Saved');
  await shot(page, 'device-notes-light');
  expect(await seriousA11yViolations(page, '[role="dialog"][aria-label="Device detail"]')).toEqual(
    [],
  );
  await page.keyboard.press('Escape');
  await bar.fill('triage:"needs action" AND tag:escalated');
  await bar.press('Enter');
  await expect(footer(page)).toContainText(
    `Showing 1 of ${rows.length.toLocaleString('en')} devices`,
  );
  expect(problems).toEqual([]);
  await api(page, 'consoles.remove', { name: 'lab', deleteData: true });
});
