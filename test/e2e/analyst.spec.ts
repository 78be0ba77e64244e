import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import {
  errorsOf,
  validateDetectionFinding,
  validateDeviceInventoryInfo,
  validateSoftwareInventoryInfo,
  validateVulnerabilityFinding,
} from '../../shared/ocsf/validator';
import { seriousA11yViolations } from './support/axe';
import { footer, nav, shot } from './support/screens';
import { apiHeaders, e2eEnv, expect, test } from './support/env';

// The whole analyst path in Debian's Chromium against `s1inv serve`, the fake console and the
// fake Sekoia: add → test → sync → grid → quick filters → detail → export → push → audit.
// Screenshots of every screen in both themes land in artifacts/screenshots/.

interface Row {
  agentId: string;
  hostname?: string;
  infectionStatus?: string;
  activeThreats?: number;
  decommissioned: boolean;
}

// Whatever happens to the walk, the other specs get a first-run app (the audit log stays, as it
// should): a failure here is reported once, not again by every spec after it.
test.afterEach(async ({ request }) => {
  const env = e2eEnv();
  for (const [name, args] of [
    ['consoles.remove', { name: 'prod', deleteData: true }],
    ['sekoia.remove', { name: 'sekoia' }],
  ] as const) {
    await request.post(`${env.origin}/api/call/${name}`, { data: args, headers: apiHeaders() });
  }
  const consoles = await request.post(`${env.origin}/api/call/consoles.list`, {
    data: {},
    headers: apiHeaders(),
  });
  expect(await consoles.json()).toMatchObject({ ok: true, value: [] });
});

test('the analyst path, end to end', async ({ page }) => {
  // Long: it syncs every API, the applications at the API's pace (25 devices a second).
  test.setTimeout(240_000);
  const env = e2eEnv();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));

  // First run: the empty state, with the add button.
  await expect(page.getByRole('status')).toContainText('No SentinelOne console yet');
  await shot(page, 'consoles-first-run-light');

  // Add a console; the token field is masked.
  await page.getByRole('button', { name: 'Add a console' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a SentinelOne console' });
  await dialog.getByLabel('Name').fill('prod');
  await dialog.getByLabel('Console URL').fill(env.s1.url);
  await expect(dialog.getByLabel('API token')).toHaveAttribute('type', 'password');
  await dialog.getByLabel('API token').fill(env.s1.token);
  // Software and CVEs are read only when asked: the dialog says what they need.
  await expect(dialog.getByRole('group', { name: 'Also read' })).toContainText(
    'Applications Page.viewRisks',
  );
  await dialog.getByRole('checkbox', { name: 'Applications' }).check();
  await dialog.getByRole('checkbox', { name: 'Vulnerabilities' }).check();
  await shot(page, 'consoles-add-dialog-light');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Add console' }).click();
  const card = page.getByRole('region', { name: 'Console prod' });
  await expect(card).toBeVisible();
  expect(await page.content()).not.toContain(env.s1.token);

  // Edit opens with the settings filled in, the token masked and empty (it stays stored).
  await card.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit console prod' });
  await expect(edit.getByLabel('Console URL')).toHaveValue(env.s1.url);
  await expect(edit.getByLabel('API token')).toHaveValue('');
  await expect(edit.getByLabel('History to read (optional)')).toHaveValue('');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // A console without a token: Sync now says what is missing, in the GUI's words, and offers
  // the fix as a button.
  const added = await page.request.post(`${env.origin}/api/call/consoles.add`, {
    headers: apiHeaders(),
    // Never reached: the missing token stops the sync before any request.
    data: { name: 'lab', url: 'http://127.0.0.1:9' },
  });
  expect(await added.json()).toMatchObject({ ok: true });
  await page.reload();
  const lab = page.getByRole('region', { name: 'Console lab' });
  await lab.getByRole('button', { name: 'Sync now' }).click();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'No API token is stored for console "lab"' });
  await expect(alert).toContainText('Give "lab" a token with Set token on its card');
  await expect(alert).not.toContainText('s1inv');
  await shot(page, 'consoles-token-missing-light');
  await alert.getByRole('button', { name: 'Set token' }).click();
  const setToken = page.getByRole('dialog', { name: 'New API token for lab' });
  await expect(setToken.getByLabel('API token')).toBeFocused();
  await setToken.getByRole('button', { name: 'Cancel' }).click();

  // With a token, a console that does not answer: the card says what is retried, since when
  // and when the sync gives up, with an amber badge, until the sync is cancelled.
  await page.request.post(`${env.origin}/api/call/consoles.setToken`, {
    headers: apiHeaders(),
    data: { name: 'lab', token: 'lab-token-0000' },
  });
  await lab.getByRole('button', { name: 'Sync now' }).click();
  // Every screen says a sync is running, in the title bar.
  await expect(page.getByRole('banner')).toContainText('Syncing lab');
  await expect(lab.getByRole('alert')).toContainText(
    /retried; gives up at .*Retrying GET .*\(since/,
    {
      timeout: 15_000,
    },
  );
  await expect(
    lab.getByRole('button', { name: /Health of lab: 0 errors, [1-9]\d* warnings/ }),
  ).toBeVisible();
  await shot(page, 'consoles-retrying-light');
  expect(await seriousA11yViolations(page, 'section[aria-label="Console lab"]')).toEqual([]);
  // The health drawer names each problem in the GUI's words.
  await lab.getByRole('button', { name: /Health of lab/ }).click();
  const events = page.getByRole('dialog', { name: /^Health events/ });
  await expect(events).toContainText('Console or network problem — retried');
  await expect(events).not.toContainText('ThirdParty');
  await shot(page, 'health-retrying-light');
  expect(await seriousA11yViolations(page, '[role="dialog"][aria-label^="Health events"]')).toEqual(
    [],
  );
  await page.keyboard.press('Escape');
  await lab.getByRole('button', { name: 'Cancel sync' }).click();
  await expect(lab.getByRole('button', { name: 'Sync now' })).toBeVisible();
  await page.request.post(`${env.origin}/api/call/consoles.remove`, {
    headers: apiHeaders(),
    data: { name: 'lab', deleteData: true },
  });
  await page.reload();

  // Test connection.
  await card.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByRole('dialog', { name: 'Test connection: prod' });
  await expect(result.getByRole('status')).toBeVisible();
  await expect(result).toContainText('Token expires');
  await shot(page, 'consoles-test-connector-light');
  await result.getByRole('button', { name: 'Close' }).click();

  // Sync, and wait for the inventory.
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card).toContainText(`${env.s1.agents.toLocaleString('en')} devices`, {
    timeout: 60_000,
  });
  // The applications walk asks one device at a time, at the API's pace.
  await expect(card.getByLabel('State Idle')).toBeVisible({ timeout: 60_000 });
  // The history the sync read is stated, so "0 threats" is never mistaken for "none ever".
  await expect(card).toContainText(
    /Threats: the whole history · Activities: since \d{4}-\d\d-\d\d/,
  );
  await shot(page, 'consoles-synced-light');
  expect(await seriousA11yViolations(page, 'section[aria-label="Console prod"]')).toEqual([]);

  // The grid shows every active device (decommissioned ones hidden, and said so); the title
  // and the address name the screen.
  await nav(page, 'Devices');
  await expect(page).toHaveTitle('Devices — S1 Inventory');
  await expect(page).toHaveURL(/#\/devices$/);
  await expect(footer(page)).toHaveText(
    new RegExp(
      `^Showing \\d+ of ${env.s1.agents.toLocaleString('en')} devices · \\d+ decommissioned hidden$`,
    ),
  );

  // The menus' shortcuts work in the browser too: go to a screen, Find, Export….
  await page.keyboard.press('Control+1');
  await expect(page).toHaveTitle('Overview — S1 Inventory');
  await page.keyboard.press('Control+F');
  await expect(page).toHaveTitle('Devices — S1 Inventory');
  await expect(page.getByLabel('Quick search')).toBeFocused();
  await page.keyboard.press('Control+E');
  const shortcutExport = page.getByRole('dialog', { name: 'Export', exact: true });
  await expect(shortcutExport).toBeVisible();
  await shortcutExport.getByRole('button', { name: 'Cancel' }).click();
  await expect(shortcutExport).toBeHidden();
  const rows = (
    (await (
      await page.request.post(`${env.origin}/api/call/devices.list`, {
        data: {},
        headers: apiHeaders(),
      })
    ).json()) as {
      value: { rows: Row[] };
    }
  ).value.rows;
  expect(rows).toHaveLength(env.s1.agents);
  const active = rows.filter((r) => !r.decommissioned);
  await expect(footer(page)).toHaveText(
    `Showing ${active.length} of ${rows.length} devices · ${rows.length - active.length} decommissioned hidden`,
  );
  await shot(page, 'devices-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(
    page.getByRole('menuitemcheckbox', { name: 'Hostname', exact: true }),
  ).toHaveAttribute('aria-checked', 'true');
  expect(await seriousA11yViolations(page, '[role="menu"]')).toEqual([]);
  await page.keyboard.press('Escape');

  // Each device's software and CVEs, one column set away, with their facet.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitem', { name: 'Software and CVEs' }).click();
  await expect(page.locator('.ag-header-cell[col-id="highestSeverity"]')).toBeVisible();
  await expect(page.locator('[role="gridcell"][col-id="applications"]').first()).toHaveText(
    String(env.s1.appsPerAgent),
  );
  await expect(page.locator('[role="gridcell"][col-id="highestSeverity"]').first()).toHaveText(
    /^(Critical|High|Medium|Low|)$/,
  );
  await shot(page, 'devices-software-set-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitem', { name: 'Default' }).click();

  // Quick filters narrow it correctly.
  const infected = rows.filter(
    (r) => !r.decommissioned && (r.infectionStatus === 'Infected' || (r.activeThreats ?? 0) > 0),
  );
  await page.getByRole('button', { name: /^Infected · / }).click();
  await expect(footer(page)).toHaveText(
    `Showing ${infected.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} devices · ${rows.length - active.length} decommissioned hidden`,
  );
  // The chip says how many it keeps before it is pressed, and the address names the filter.
  await expect(page).toHaveURL(/quick=infected/);
  await shot(page, 'devices-infected-light');
  await page.getByRole('button', { name: /^Infected · / }).click();
  const decommissioned = rows.filter((r) => r.decommissioned);
  // Hidden, yet counted: the chip says how many it would show.
  await page
    .getByRole('button', { name: `Decommissioned · ${decommissioned.length.toLocaleString('en')}` })
    .click();
  await expect(footer(page)).toContainText(
    `Showing ${decommissioned.length.toLocaleString('en')} of`,
  );
  await page.getByRole('button', { name: /^Decommissioned · / }).click();
  const host = rows.find((r) => r.hostname)!.hostname!;
  await page.getByLabel('Quick search').fill(host);
  await expect(footer(page)).not.toContainText(`Showing ${rows.length.toLocaleString('en')} of`);
  await page.getByLabel('Quick search').fill('');

  // Detail shows both JSONs.
  await page.getByRole('gridcell', { name: host, exact: true }).first().click();
  const detail = page.getByRole('dialog', { name: 'Device detail' });
  const ocsf = detail.getByRole('region', { name: 'OCSF 1.6.0 record' }).locator('pre');
  await expect(ocsf).toContainText('"class_uid": 5001');
  expect(errorsOf(validateDeviceInventoryInfo(JSON.parse(await ocsf.innerText())))).toEqual([]);
  await expect(detail.getByRole('region', { name: 'Summary' })).toContainText('Infection status');
  await shot(page, 'device-detail-light');
  await detail.getByRole('tab', { name: 'Raw SentinelOne agent' }).click();
  await expect(
    detail.getByRole('region', { name: 'Raw SentinelOne agent' }).locator('pre'),
  ).toContainText(`"computerName": "${host}"`);
  await expect(detail.getByRole('region', { name: 'Threats' })).toContainText(
    'Stored: the whole history.',
  );
  expect(await seriousA11yViolations(page, '[role="dialog"][aria-label="Device detail"]')).toEqual(
    [],
  );
  // Next and previous follow the grid's order.
  const title = detail.getByRole('heading', { level: 3 });
  await expect(title).toContainText(host);
  await detail.getByRole('button', { name: 'Next device' }).click();
  await expect(title).not.toContainText(host);
  await detail.getByRole('button', { name: 'Previous device' }).click();
  await expect(title).toContainText(host);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  // The keyboard opens it too: Enter on a focused cell.
  await page.getByRole('gridcell', { name: host, exact: true }).first().focus();
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();
  await page.keyboard.press('Escape');

  // Export the infected devices as OCSF; the file validates.
  await page.getByRole('button', { name: /^Infected · / }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await expect(exportDialog.getByLabel(/Current filter/)).toBeChecked();
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await (await download).path();
  const records = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  expect(records).toHaveLength(infected.length);
  for (const record of records) expect(errorsOf(validateDeviceInventoryInfo(record))).toEqual([]);
  await expect(exportDialog.getByRole('status')).toContainText(
    `Exported ${infected.length} records`,
  );
  await shot(page, 'export-light');

  // The same devices as a workbook (issue 30): the format is in the dialog's list, the file is
  // a workbook an independent reader opens, and every agent id is a text cell.
  await exportDialog.getByLabel('Format').click();
  await expect(
    page.getByRole('option', { name: 'OCSF 1.6.0 Parquet (one class per file)' }),
  ).toBeVisible();
  await shot(page, 'export-formats-light');
  await page.getByRole('option', { name: 'Excel workbook (XLSX)' }).click();
  const workbookDownload = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await workbookDownload).path());
  const sheet = book.getWorksheet('Devices')!;
  expect(sheet.rowCount).toBe(infected.length + 1);
  const idColumn = (sheet.getRow(1).values as unknown[]).indexOf('Agent ID');
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    expect(typeof sheet.getRow(r).getCell(idColumn).value).toBe('string');
  }
  await exportDialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Infected · / }).click();

  // Export every threat as OCSF Detection Findings; each validates.
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog.getByLabel('What').click();
  await page.getByRole('option', { name: 'Threats' }).click();
  await exportDialog.getByLabel(/^All \(/).check();
  const threatDownload = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const findings = JSON.parse(readFileSync(await (await threatDownload).path(), 'utf8')) as {
    device: { uid_alt: string };
  }[];
  expect(findings).toHaveLength(env.s1.threats);
  for (const finding of findings) expect(errorsOf(validateDetectionFinding(finding))).toEqual([]);
  await shot(page, 'export-threats-light');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // Software and CVEs as OCSF from the same dialog: every record validates, and each names a
  // device of the devices export by its uid.
  const exportAll = async (what: string) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await exportDialog.getByLabel('What').click();
    await page.getByRole('option', { name: what, exact: true }).click();
    await exportDialog.getByLabel(/^All \(/).check();
    const saved = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    const path = await (await saved).path();
    await expect(exportDialog.getByRole('status')).toContainText('Exported');
    await exportDialog.getByRole('button', { name: 'Close' }).click();
    return JSON.parse(readFileSync(path, 'utf8')) as { device: { uid: string } }[];
  };
  const deviceUids = new Set((await exportAll('Devices')).map((record) => record.device.uid));
  const inventory = await exportAll('Applications');
  expect(inventory.length).toBe(active.length * env.s1.appsPerAgent);
  const cveFindings = await exportAll('Vulnerabilities');
  expect(cveFindings.length).toBeGreaterThan(0);
  for (const record of inventory)
    expect(errorsOf(validateSoftwareInventoryInfo(record))).toEqual([]);
  for (const record of cveFindings)
    expect(errorsOf(validateVulnerabilityFinding(record))).toEqual([]);
  const unjoined = [...inventory, ...cveFindings].filter((r) => !deviceUids.has(r.device.uid));
  expect(unjoined).toEqual([]);

  // The device page of a device with a threat shows its findings.
  const threatened = rows.find((r) => r.agentId === findings[0]!.device.uid_alt)!;
  await page.getByLabel('Quick search').fill(threatened.hostname!);
  await page.getByRole('gridcell', { name: threatened.hostname!, exact: true }).first().click();
  await detail.getByRole('tab', { name: /Threats as OCSF Detection Findings/ }).click();
  const findingsPane = detail.getByRole('region', { name: /Threats as OCSF Detection Findings/ });
  await expect(findingsPane.locator('pre')).toContainText('"class_uid": 2004');
  // The page is titled with the hostname and summarises the device before its JSON.
  await expect(detail.getByRole('heading', { level: 3 })).toContainText(threatened.hostname!);
  await expect(detail.getByRole('region', { name: 'Summary' })).toContainText('Last seen');
  await shot(page, 'device-findings-light');
  expect(await seriousA11yViolations(page, '[aria-label="Device detail"]')).toEqual([]);
  // Its software and its CVEs, each a tab of its own.
  await detail.getByRole('tab', { name: /^Software \(\d+\)$/ }).click();
  const software = detail.getByRole('table', { name: 'Installed software' });
  await expect(software.getByRole('row')).toHaveCount(env.s1.appsPerAgent + 1);
  await expect(software).toContainText('Google Chrome');
  await shot(page, 'device-software-light');
  expect(await seriousA11yViolations(page, '[aria-label="Device detail"]')).toEqual([]);
  await detail.getByRole('tab', { name: /^Vulnerabilities \(\d+\)$/ }).click();
  await expect(detail.getByRole('region', { name: 'Vulnerabilities' }).last()).toContainText(
    /open, \d+ removed/,
  );
  await shot(page, 'device-vulnerabilities-light');
  expect(await seriousA11yViolations(page, '[aria-label="Device detail"]')).toEqual([]);
  await detail.getByRole('button', { name: 'Close device' }).click();
  await expect(detail).toBeHidden();
  await page.getByLabel('Quick search').fill('');

  // Push everything to Sekoia.
  await page.getByRole('button', { name: 'Push to Sekoia…' }).click();
  const push = page.getByRole('dialog', { name: 'Push to Sekoia.io' });
  await push.getByLabel('Asset connector UUID').fill('3f1e0c2a-9b7d-4e55-8a10-5c2d7e9f0a11');
  await push.getByLabel('Region').click();
  await page.getByRole('option', { name: 'Other base URL…' }).click();
  await push.getByLabel('Base URL').fill(env.sekoia.url);
  await push.getByLabel('API key').fill(env.sekoia.key);
  await push.getByRole('button', { name: 'Save target' }).click();
  // Decommissioned devices stay out unless asked for, as Sekoia's own connector does.
  await expect(
    push.getByRole('checkbox', { name: /Include decommissioned devices/ }),
  ).not.toBeChecked();
  // The grid shows the active devices, so the dialog offers them first; push them all.
  await expect(push.getByLabel(/^Current filter/)).toBeChecked();
  await push.getByLabel(/^All \(/).check();
  // A push is confirmed with its counts before anything is sent.
  await push.getByRole('button', { name: 'Push…' }).click();
  await expect(push.getByRole('status', { name: 'Confirm the push' })).toContainText(
    `Send up to ${rows.length.toLocaleString('en')} devices to `,
  );
  await shot(page, 'push-confirm-light');
  expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
  await push
    .getByRole('button', { name: `Push ${rows.length.toLocaleString('en')} devices` })
    .click();
  await expect(push.getByRole('status')).toContainText('Delivered', { timeout: 30_000 });
  const pushable = rows.filter((r) => r.hostname && !r.decommissioned).length;
  const leftOut = rows.filter((r) => r.decommissioned).length;
  await expect(push.getByRole('status')).toContainText(
    `Delivered ${pushable.toLocaleString('en')} devices`,
  );
  await expect(push.getByRole('status')).toContainText(
    `${leftOut} decommissioned devices were left out`,
  );
  const received = (await (await fetch(env.sekoia.inspectUrl)).json()) as { uids: string[] };
  expect(received.uids).toHaveLength(pushable);
  expect(new Set(received.uids).size).toBe(pushable);
  await shot(page, 'push-light');
  await push.getByRole('button', { name: 'Close' }).click();

  // The audit log lists the header, the six exports (infected devices as OCSF and as XLSX,
  // threats, then all devices, applications and vulnerabilities) and the push.
  await nav(page, 'Audit log');
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row')).toHaveCount(8);
  await expect(audit).toContainText('export');
  await expect(audit).toContainText('push');
  // Each entry says whether it went through; the log is searched and exported as shown.
  await expect(audit.getByRole('row').nth(1)).toContainText('Complete');
  await page.getByLabel('Search the log').fill('push');
  await expect(audit.getByRole('row')).toHaveCount(2);
  const auditDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const auditLines = readFileSync(await (await auditDownload).path(), 'utf8')
    .trim()
    .split('\n');
  expect(auditLines).toHaveLength(2);
  expect(auditLines[1]).toContain(',push,complete,sekoia,');
  await page.getByLabel('Search the log').fill('');
  await shot(page, 'audit-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);

  await nav(page, 'Overview');
  await expect(
    page.getByRole('region', { name: 'Operating systems (active devices)' }),
  ).toBeVisible();
  // Headline findings are shares of the active fleet (decommissioned devices left out).
  const headline = page.getByRole('region', { name: 'Findings', exact: true });
  await expect(headline).toContainText(`Active devices${active.length.toLocaleString('en')}`);
  await expect(headline).toContainText(
    `${infected.length} of ${active.length.toLocaleString('en')}`,
  );
  // Where CVEs are read, the devices whose worst open CVE is critical, and a click opens them.
  const withCritical = (
    (await (
      await page.request.post(`${env.origin}/api/call/devices.list`, {
        data: {},
        headers: apiHeaders(),
      })
    ).json()) as { value: { rows: { decommissioned: boolean; highestSeverity?: string }[] } }
  ).value.rows.filter((r) => !r.decommissioned && r.highestSeverity === 'Critical').length;
  const critical = headline.getByRole('button', { name: /Critical CVEs/ });
  await expect(critical).toContainText(`${withCritical} of ${active.length.toLocaleString('en')}`);
  // OS legends use OCSF's names, as the exports do: no raw "windows_legacy".
  await expect(
    page.getByRole('region', { name: 'Operating systems (active devices)' }),
  ).not.toContainText('windows_legacy');
  await shot(page, 'overview-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  await critical.click();
  await expect(page).toHaveURL(/is\.highestSeverity=Critical/);
  await expect(footer(page)).toContainText(`Showing ${withCritical} of`);

  // The Vulnerabilities screen: each open CVE, most severe first, with its score and devices;
  // one filters by severity, and a CVE opens the grid on the devices that carry it.
  const { cves } = (
    (await (
      await page.request.post(`${env.origin}/api/call/vulnerabilities.list`, {
        data: {},
        headers: apiHeaders(),
      })
    ).json()) as { value: { cves: { cveId: string; severity: string; devices: number }[] } }
  ).value;
  expect(cves.length).toBeGreaterThan(3);
  await nav(page, 'Vulnerabilities');
  const cveTable = page.getByRole('table', { name: 'Open CVEs' });
  await expect(cveTable.getByRole('row').nth(1)).toContainText(cves[0]!.cveId);
  await expect(page.getByText(`${cves.length} CVEs open on devices of prod`)).toBeVisible();
  await shot(page, 'vulnerabilities-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  const criticals = cves.filter((cve) => cve.severity === 'Critical');
  await page.getByRole('button', { name: `Critical · ${criticals.length}` }).click();
  await expect(page).toHaveURL(/#\/vulnerabilities\?severity=Critical/);
  await expect(cveTable.getByRole('row')).toHaveCount(Math.min(criticals.length, 25) + 1);
  const top = criticals[0]!;
  await cveTable.getByRole('button', { name: new RegExp(`^${top.cveId}:`) }).click();
  await expect(page).toHaveURL(new RegExp(`#/devices\\?cve=${top.cveId}$`));
  await expect(footer(page)).toContainText(`Showing ${top.devices} of`);
  const cveChip = page.getByRole('button', { name: `Remove filter: ${top.cveId} open` });
  await expect(cveChip).toBeVisible();
  await shot(page, 'devices-cve-light');
  expect(await seriousA11yViolations(page, 'body')).toEqual([]);
  // The address is the link: reloaded, it shows the same devices; the chip removes the filter.
  await page.reload();
  await expect(footer(page)).toContainText(`Showing ${top.devices} of`);
  await cveChip.click();
  await expect(footer(page)).toContainText(`Showing ${active.length} of`);
  await nav(page, 'Overview');

  // Every screen in the dark theme too.
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [screen, name] of [
    ['Overview', 'overview'],
    ['Consoles', 'consoles'],
    ['Devices', 'devices'],
    ['Vulnerabilities', 'vulnerabilities'],
    ['Audit log', 'audit'],
  ] as const) {
    await nav(page, screen);
    await shot(page, `${name}-dark`);
  }
  await nav(page, 'Devices');
  await page.getByRole('gridcell', { name: host, exact: true }).first().click();
  await expect(page.getByRole('dialog', { name: 'Device detail' })).toBeVisible();
  await shot(page, 'device-detail-dark');
  expect(problems).toEqual([]);
});
