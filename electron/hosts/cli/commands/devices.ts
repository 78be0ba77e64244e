import type { Command } from 'commander';
import type { GridRow } from '../../../../shared/contract/views';
import type { CliContext } from '../context';
import { printTable } from '../output';

/** Rows fetched per call: the whole inventory never sits in one reply. */
const PAGE = 5_000;

export function registerDevicesCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('devices')
    .description('the current device inventory (the newest complete snapshot of each console)')
    .option('--console <name>', 'only this console')
    .option('--json', 'print as JSON (one array of devices)')
    .action(async (options: { console?: string; json?: boolean }) => {
      const pages = devicePages(context, options.console);
      if (options.json) {
        // Streamed element by element: a 100,000-device inventory is never one string in memory.
        io.stdout('[');
        let first = true;
        for await (const rows of pages) {
          for (const row of rows) {
            io.stdout(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
            first = false;
          }
        }
        io.stdout(first ? ']\n' : '\n]\n');
        return;
      }
      const table: string[][] = [];
      for await (const rows of pages) {
        for (const row of rows) table.push(tableRow(row));
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

async function* devicePages(context: CliContext, consoleName: string | undefined) {
  let cursor: string | undefined;
  do {
    const page = await context.call('devices.list', {
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
      ...(consoleName === undefined ? {} : { console: consoleName }),
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
