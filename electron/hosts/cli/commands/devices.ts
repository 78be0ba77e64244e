import type { Command } from 'commander';
import type { GridRow } from '../../../../shared/contract/views';
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
            io.stdout(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
            first = false;
          }
        }
        io.stdout(first ? ']}\n' : '\n]}\n');
        return;
      }
      const table: string[][] = [];
      for await (const rows of pages) {
        for (const row of rows) table.push(tableRow(row));
      }
      if (table.length === 0 && options.where !== undefined) {
        io.stdout('No device matches the query.\n');
        return;
      }
      if (table.length === 0) {
        io.stdout('No device yet: sync a console first (s1inv sync).\n');
        return;
      }
      printTable(
        io,
        ['CONSOLE', 'HOSTNAME', 'OS', 'IPS', 'LAST SEEN', 'AGENT', 'DECOMMISSIONED'],
        table,
      );
    });
}

interface DevicesOptions {
  console?: string;
  where?: string;
  staleDays?: number;
  history?: string;
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

function tableRow(row: GridRow): string[] {
  return [
    row.console,
    row.hostname ?? '',
    row.os ?? '',
    row.ips.join(' '),
    row.lastSeen ?? '',
    row.agentVersion ?? '',
    row.decommissioned ? 'yes' : '',
  ];
}
