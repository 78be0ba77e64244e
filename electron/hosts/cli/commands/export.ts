import type { Command } from 'commander';
import { AuditStore } from '../../../domains/audit/audit-store';
import { EXPORT_FORMATS, runExport } from '../../../domains/export/exporter';
import type { CliContext } from '../context';
import { printJson, printTable } from '../output';

export function registerExportCommands(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('export')
    .description('write the current inventory to a file (atomically), and log it in the audit log')
    .requiredOption('--format <format>', `one of: ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write it')
    .option('--console <name>', 'only this console')
    .option(
      '--entity <entity>',
      'for raw-json and raw-ndjson: agents (default), threats or activities',
    )
    .option('--json', 'print the result as JSON')
    .action(
      (options: {
        format: string;
        out: string;
        console?: string;
        entity?: string;
        json?: boolean;
      }) => {
        const result = runExport(context.db, context.clock, {
          format: options.format,
          out: options.out,
          ...(options.console === undefined ? {} : { console: options.console }),
          ...(options.entity === undefined ? {} : { entity: options.entity }),
        });
        if (options.json) return printJson(io, result);
        io.stdout(
          `Wrote ${result.records} record(s) as ${result.format} to ${result.path}\nsha256 ${result.sha256}\n`,
        );
        if (result.skipped.length > 0) {
          io.stderr(
            `s1inv: warning: ${result.skipped.length} agent(s) left out: ${result.skipped[0]!.reason}.\n`,
          );
        }
      },
    );

  program
    .command('audit')
    .description('the audit log of exports and pushes')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) => {
      const entries = new AuditStore(context.db).list();
      if (options.json) return printJson(io, entries);
      if (entries.length === 0) {
        io.stdout('The audit log is empty: nothing was exported or pushed yet.\n');
        return;
      }
      printTable(
        io,
        ['WHEN', 'USER', 'ACTION', 'FORMAT', 'SCOPE', 'RECORDS', 'SHA256', 'DESTINATION'],
        entries.map((e) => [
          e.at,
          e.osUser,
          e.action,
          e.format,
          Object.values(e.scope).join('/'),
          String(e.recordCount),
          (e.sha256 ?? '').slice(0, 16),
          e.destination,
        ]),
      );
    });
}
