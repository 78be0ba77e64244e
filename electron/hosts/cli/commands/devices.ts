import type { Command } from 'commander';
import { currentDeviceRows } from '../../../domains/inventory/inventory';
import { deviceRowOf } from '../../../../shared/devices/precomputed';
import type { CliContext } from '../context';
import { printTable } from '../output';

export function registerDevicesCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('devices')
    .description('the current device inventory (the newest complete snapshot of each console)')
    .option('--console <name>', 'only this console')
    .option('--json', 'print as JSON (one array of devices)')
    .action((options: { console?: string; json?: boolean }) => {
      if (options.console !== undefined) context.consoles.get(options.console);
      const rows = currentDeviceRows(context.db, options.console);
      if (options.json) {
        // Streamed element by element: a 100,000-device inventory is never one string in memory.
        io.stdout('[');
        let first = true;
        for (const record of rows) {
          const row = JSON.stringify(deviceRowOf(record.text, record.console.name));
          io.stdout(`${first ? '\n' : ',\n'}${row}`);
          first = false;
        }
        io.stdout(first ? ']\n' : '\n]\n');
        return;
      }
      const table = [...rows].map((record) => {
        const row = deviceRowOf(record.text, record.console.name);
        return [
          row.console,
          row.hostname ?? '',
          row.os ?? '',
          row.ips.join(' '),
          row.lastSeen ?? '',
          row.agentVersion ?? '',
          row.decommissioned ? 'yes' : '',
        ];
      });
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
