import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/domains/export/exporter';
import type { Clock } from '../../../electron/adapters/platform/clock';
import { DEVICE_SHEET_COLUMNS } from '../../../electron/domains/export/writers/xlsx-writer';
import { generateAgent } from '../../support/generate/agents';
import { fleetApplications } from '../../support/fake-s1/fleet-applications';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';

// Issue 30, item 1: XLSX exports read back with an independent reader (exceljs, which the
// product does not write with), cell by cell against the CSV export of the same inventory.

let f: SyncFixture;
let dir: string;
const AGENTS = 150;
const NOW = Date.UTC(2026, 10, 1, 12);
const CLOCK: Clock = { now: () => new Date(NOW) };
const INJECTION = '=HYPERLINK("http://evil.example","x")';
/** Characters XML cannot hold, and text that looks like SpreadsheetML's own escape. */
const UNWRITABLE = 'bell\u0007-tab\t-_x0041_-end';

beforeAll(async () => {
  dir = mkdtempSync('/tmp/s1inv-xlsx-');
  f = await startSyncFixture(join(dir, 'data'), { agents: AGENTS, threats: 0, activities: 0 });
  f.s1.put(f.s1.agents, [
    { ...generateAgent(5_000), computerName: INJECTION, siteName: '+SUM(A1)' },
    { ...generateAgent(5_001), computerName: UNWRITABLE, lastLoggedInUserName: 'Zoë <admin>' },
  ]);
  fleetApplications(f.s1, 5, NOW - 3_600_000);
  const result = await f.engine.sync({
    console: f.record,
    token: SYNC_TOKEN,
    apis: ['agents', 'applications', 'vulnerabilities'],
  });
  expect(result.state).toBe('Idle');
});
afterAll(async () => {
  await f.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exported(format: 'xlsx' | 'csv', entity = 'agents') {
  const out = join(dir, `${entity}.${format}`);
  const result = await runExport(f.storage, CLOCK, { format, out, entity });
  return { result, out };
}

async function workbookAt(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** The CSV's rows as objects by header, the neutralising apostrophe taken off. */
function csvRows(path: string): Record<string, string>[] {
  const rows = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true });
  return (rows as Record<string, string>[]).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, v.replace(/^'(?=[=+\-@\t\r])/, '')]),
    ),
  );
}

/**
 * Text as Excel and LibreOffice read it: ECMA-376's _xHHHH_ escapes (ST_Xstring, §22.9.2.19)
 * decoded, which exceljs leaves as they are in inline strings.
 */
const shown = (value: unknown) =>
  typeof value === 'string'
    ? value.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : value;

const labelOf = (header: string) => header.replace(/ \(UTC\)$/, '');

describe('XLSX export', () => {
  it('writes one Devices sheet: a frozen, filterable header and fitted columns', async () => {
    const { result, out } = await exported('xlsx');
    expect(result.records).toBe(AGENTS + 2);
    const book = await workbookAt(out);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Devices']);
    const sheet = book.getWorksheet('Devices')!;
    expect(sheet.rowCount).toBe(AGENTS + 3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      DEVICE_SHEET_COLUMNS.map((c) => c.label),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lastColumn = sheet.getColumn(DEVICE_SHEET_COLUMNS.length).letter;
    expect(sheet.autoFilter).toBe(`A1:${lastColumn}${AGENTS + 3}`);
    const widths = sheet.columns.map((column) => column.width!);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(8);
    for (const width of widths) expect(width).toBeLessThanOrEqual(60);
    // The agent id column fits a 19-digit id; the decommissioned flag needs less.
    const byLabel = (label: string) => DEVICE_SHEET_COLUMNS.findIndex((c) => c.label === label);
    expect(widths[byLabel('Agent ID')]).toBeGreaterThanOrEqual(19);
  });

  it('holds every CSV cell, ids as text, dates as dates, numbers and flags as themselves', async () => {
    const csv = csvRows((await exported('csv')).out);
    const sheet = (await workbookAt((await exported('xlsx')).out)).getWorksheet('Devices')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(csv).toHaveLength(sheet.rowCount - 1);
    let dates = 0;
    csv.forEach((expected, r) => {
      const row = sheet.getRow(r + 2);
      headers.forEach((header, c) => {
        const { kind } = DEVICE_SHEET_COLUMNS[c]!;
        const text = expected[labelOf(header)]!;
        const value = shown(row.getCell(c + 1).value);
        if (text === '') return expect(value, header).toBeNull();
        if (kind === 'date') {
          expect(value, header).toBeInstanceOf(Date);
          // A day's serial holds milliseconds to within a millisecond.
          expect(Math.abs((value as Date).getTime() - Date.parse(text))).toBeLessThan(1);
          dates += 1;
        } else if (kind === 'number') expect(value, header).toBe(Number(text));
        else if (kind === 'boolean') expect(value, header).toBe(text === 'true');
        else expect(value, header).toBe(text);
      });
    });
    expect(dates).toBeGreaterThan(AGENTS);
    const agentIds = sheet.getColumn(headers.indexOf('Agent ID') + 1).values.slice(2);
    for (const id of agentIds) expect(id).toMatch(/^\d{18,19}$/);
  });

  it('keeps text that would be a formula, markup or unwritable characters as text', async () => {
    const sheet = (await workbookAt((await exported('xlsx')).out)).getWorksheet('Devices')!;
    const hostnames = (sheet.getColumn(4).values as unknown[]).map(shown);
    expect(hostnames).toContain(INJECTION);
    expect(hostnames).toContain(UNWRITABLE);
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    expect(sheet.getColumn(2).values).toContain('+SUM(A1)');
  });

  it('writes an entity in its own sheet, typed by its columns', async () => {
    const { result, out } = await exported('xlsx', 'applications');
    expect(result.records).toBeGreaterThan(0);
    const sheet = (await workbookAt(out)).getWorksheet('Applications')!;
    expect(sheet).toBeDefined();
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([
      'Agent ID',
      'Hostname',
      'Application',
      'Publisher',
      'Version',
      'Size',
      'Installed',
    ]);
    const row = sheet.getRow(2);
    expect(typeof row.getCell(1).value).toBe('string');
    expect(typeof row.getCell(6).value).toBe('number');
    expect(row.getCell(7).value).toBeInstanceOf(Date);
    expect(sheet.rowCount).toBe(result.records + 1);
  });

  it('keeps only the columns asked for, in their order', async () => {
    const out = join(dir, 'columns.xlsx');
    await runExport(f.storage, CLOCK, { format: 'xlsx', out, columns: ['agentId', 'lastSeen'] });
    const sheet = (await workbookAt(out)).getWorksheet('Devices')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Agent ID', 'Last seen (UTC)']);
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('string');
    expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });
});
