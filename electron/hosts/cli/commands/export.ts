import type { Command } from 'commander';
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
} from '../../../../shared/export-formats';
import { ENTITY_NAMES, formatsOf } from '../../../../shared/entities';
import { UsageError, type CliContext } from '../context';
import { printJson, printTable } from '../output';
import { WHERE_HELP, whereQuery } from '../where-option';
import { COLUMNS_HELP, deviceColumns } from '../columns-option';
import { ProgressLines } from '../progress-lines';
import type { DeviceRow } from '../../../../shared/devices/device-row';
import { wholeNumber } from '../whole-number';

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown ${what} "${value}". Choose one of: ${allowed.join(', ')}.`);
}

/** What `--out -` cannot go with: a folder, a --json report, bytes to a terminal. */
function checkStdout(format: ExportFormat, lake: boolean, json: boolean, tty = false): void {
  if (lake) {
    throw new UsageError('--layout security-lake writes a folder of files: give --out DIR, not -.');
  }
  if (json) {
    throw new UsageError(
      '--out - writes the records to standard output, where --json would print the report: leave out one of them.',
    );
  }
  if (tty && EXPORT_FORMAT_INFO[format].binary) {
    throw new UsageError(
      `${format} is binary: redirect standard output (> fleet.${EXPORT_FORMAT_INFO[format].extension}) or pipe it, or give --out FILE.`,
    );
  }
}

/** The Security Lake source an export in that layout is for: each of its flags is required. */
function lakeOption(options: {
  layout?: string;
  lakeSource?: string;
  lakeRegion?: string;
  lakeAccount?: string;
}): { source: string; region: string; accountId: string } | undefined {
  const layout = oneOf(options.layout ?? 'file', ['file', 'security-lake'] as const, 'layout');
  const given = options.lakeSource ?? options.lakeRegion ?? options.lakeAccount;
  if (layout === 'file') {
    if (given !== undefined) {
      throw new UsageError(
        '--lake-source, --lake-region and --lake-account go with --layout security-lake.',
      );
    }
    return undefined;
  }
  const { lakeSource, lakeRegion, lakeAccount } = options;
  if (lakeSource === undefined || lakeRegion === undefined || lakeAccount === undefined) {
    throw new UsageError(
      '--layout security-lake files the records under a custom source, a Region and an account: give --lake-source, --lake-region and --lake-account (as registered in Security Lake).',
    );
  }
  return { source: lakeSource, region: lakeRegion, accountId: lakeAccount };
}

export function registerExportCommands(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('export')
    .description('write the current inventory to a file (atomically), and log it in the audit log')
    .requiredOption('--format <format>', `one of: ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write it; - for standard output')
    .option('--console <name>', 'only this console')
    .option('--where <query>', WHERE_HELP, whereQuery)
    .option('--stale-days <days>', 'what "stale" means in --where (default 30)', wholeNumber)
    .option('--columns <list>', `csv, xlsx: ${COLUMNS_HELP}`, deviceColumns)
    .option(
      '--entity <entity>',
      ENTITY_NAMES.map((name) => `${name} (${formatsOf(name).join(', ')})`).join('; ') +
        '; default agents',
    )
    .option(
      '--include-decommissioned',
      'sekoia-json: keep decommissioned devices (a push leaves them out unless told otherwise)',
    )
    .option(
      '--layout <layout>',
      'file (default), or security-lake: --out is a folder of Amazon Security Lake custom-source partitions (ocsf-parquet)',
    )
    .option('--lake-source <name>', 'security-lake: the custom source the files are for')
    .option('--lake-region <region>', 'security-lake: the AWS Region they are filed under')
    .option('--lake-account <id>', 'security-lake: the 12-digit AWS account they are filed under')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        format: string;
        out: string;
        columns?: (keyof DeviceRow)[];
        layout?: string;
        lakeSource?: string;
        lakeRegion?: string;
        lakeAccount?: string;
        console?: string;
        where?: string;
        staleDays?: number;
        entity?: string;
        includeDecommissioned?: boolean;
        json?: boolean;
      }) => {
        const format: ExportFormat = oneOf(options.format, EXPORT_FORMATS, 'format');
        const lake = lakeOption(options);
        if (options.columns !== undefined && EXPORT_FORMAT_INFO[format].reads !== 'row') {
          throw new UsageError(
            `--columns picks the columns of a csv or xlsx export of devices; ${format} holds every attribute.`,
          );
        }
        const toStdout = options.out === '-';
        if (toStdout)
          checkStdout(format, lake !== undefined, options.json === true, io.stdoutIsTty);
        context.platform.exportTo(options.out);
        // Without a terminal, a long export says how far it is every few seconds.
        const lines = new ProgressLines(io.stderr, context.clock);
        const stopListening = io.stderrIsTty
          ? () => undefined
          : await context.on((event, payload) => {
              if (event !== 'export.progress') return;
              const { records } = payload as { records: number };
              lines.offer(() => `exporting: ${records.toLocaleString('en')} records written`);
            });
        // An export for standard output that fails leaves no file behind.
        const result = await context
          .call('export.run', {
            format,
            scope: {
              ...(options.console === undefined ? {} : { console: options.console }),
              ...(options.where === undefined ? {} : { where: options.where }),
              ...(options.staleDays === undefined ? {} : { staleDays: options.staleDays }),
            },
            ...(options.entity === undefined
              ? {}
              : { entity: oneOf(options.entity, ENTITY_NAMES, 'entity') }),
            ...(options.includeDecommissioned ? { includeDecommissioned: true } : {}),
            ...(lake === undefined ? {} : { lake }),
            ...(options.columns === undefined ? {} : { columns: options.columns }),
          })
          .catch((error: unknown) => {
            context.platform.discardExport();
            throw error;
          })
          .finally(stopListening);
        if (result.status !== 'written') throw new Error('The export was not written.');
        if (toStdout) await context.platform.sendExport((data) => io.stdout(data));
        if (options.json) return printJson(context, result);
        // With the records on standard output, what was written is said on standard error.
        (toStdout ? io.stderr : io.stdout)(
          `Wrote ${result.records} record(s) as ${result.format} to ${toStdout ? 'standard output' : result.path}\nsha256 ${result.sha256}\n`,
        );
        if (result.skipped > 0) {
          io.stderr(
            `s1inv: ${result.skipped} device(s) left out: ${result.skippedReason}${result.skippedReason === 'decommissioned' ? ' (keep them with --include-decommissioned)' : ''}.\n`,
          );
        }
      },
    );

  program
    .command('audit')
    .description('the audit log of exports and pushes')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const entries = await context.call('audit.list', {});
      if (options.json) return printJson(context, entries);
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
