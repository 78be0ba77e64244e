import type { Command } from 'commander';
import type { GridRow } from '../../../../shared/contract/views';
import { DEVICE_COLUMNS, type DeviceRow } from '../../../../shared/devices/device-row';
import { COLUMNS_HELP, deviceColumns } from '../columns-option';
import type { CliContext } from '../context';
import { openJsonArray, printTable } from '../output';
import { printDeviceHistory } from './device-history';
import { WHERE_HELP, whereQuery } from '../where-option';
import { wholeNumber } from '../whole-number';

/** Rows fetched per call: the whole inventory never sits in one reply. */
const PAGE = 5_000;

export function registerDevicesCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('devices')
    .description('the current device inventory (the newest complete snapshot of each console)')
    .option('--console <name>', 'only this console')
    .option('--where <query>', WHERE_HELP, whereQuery)
    .option('--stale-days <days>', 'what "stale" means in --where (default 30)', wholeNumber)
    .option('--columns <list>', COLUMNS_HELP, deviceColumns)
    .option(
      '--history <device>',
      'one device (agent id or hostname) across the kept snapshots: first and last seen, and what changed when',
    )
    .option('--json', 'print as JSON (one array of devices)')
    .action(async (options: DevicesOptions) => {
      if (options.history !== undefined)
        return printDeviceHistory(context, options.history, options);
      const pages = devicePages(context, options);
      if (options.json) {
        // Streamed element by element: a 100,000-device inventory is never one string in memory.
        openJsonArray(context);
        let first = true;
        for await (const rows of pages) {
          for (const row of rows) {
            const shown = options.columns ? pick(row, options.columns) : row;
            io.stdout(`${first ? '\n' : ',\n'}${JSON.stringify(shown)}`);
            first = false;
          }
        }
        io.stdout(first ? ']}\n' : '\n]}\n');
        return;
      }
      const columns = options.columns ?? TABLE_COLUMNS;
      const table: string[][] = [];
      for await (const rows of pages) {
        for (const row of rows) table.push(columns.map((key) => cellText(row, key)));
      }
      if (table.length === 0 && options.where !== undefined) {
        io.stdout('No device matches the query.\n');
        return;
      }
      if (table.length === 0) {
        io.stdout('No device yet: sync a console first (s1inv sync).\n');
        return;
      }
      printTable(io, columns.map(headerOf), table);
    });
}

interface DevicesOptions {
  console?: string;
  where?: string;
  staleDays?: number;
  history?: string;
  columns?: (keyof DeviceRow)[];
  json?: boolean;
}

async function* devicePages(context: CliContext, options: DevicesOptions) {
  let cursor: string | undefined;
  do {
    const page = await context.call('devices.list', {
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
      ...(options.console === undefined ? {} : { console: options.console }),
      ...(options.where === undefined ? {} : { where: options.where }),
      ...(options.staleDays === undefined ? {} : { staleDays: options.staleDays }),
    });
    yield page.rows;
    cursor = page.next;
  } while (cursor !== undefined);
}

/** The table's columns unless --columns says otherwise. */
const TABLE_COLUMNS: readonly (keyof DeviceRow)[] = [
  'console',
  'hostname',
  'os',
  'ips',
  'lastSeen',
  'agentVersion',
  'decommissioned',
];

/** A column's header in the table: its label, as the grid and the CSV name it. */
function headerOf(key: keyof DeviceRow): string {
  const label = DEVICE_COLUMNS.find((column) => column.key === key)?.label ?? key;
  return key === 'agentVersion' ? 'AGENT' : label.toUpperCase();
}

function cellText(row: GridRow, key: keyof DeviceRow): string {
  const value = row[key];
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'boolean') return value ? 'yes' : '';
  return String(value);
}

/** Only these members of a row, in this order (absent ones stay absent, as in the row). */
function pick(row: GridRow, keys: readonly (keyof DeviceRow)[]): Partial<GridRow> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (row[key] !== undefined) picked[key] = row[key];
  return picked;
}
