import type { Command } from 'commander';
import { NoConsoleError } from '../exit-codes';
import type { CallResult } from '../../../../shared/contract/contract';
import type { CliContext } from '../context';
import { printJson, terminalText } from '../output';
import { wholeNumber } from '../whole-number';

export function registerDiffCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('diff')
    .description(
      'devices new, gone and changed (and applications installed and removed) between the last two complete snapshots of each console, or two chosen ones',
    )
    .option('--console <name>', 'only this console')
    .option(
      '--from <id>',
      'the earlier snapshot (with --console; the output lists those kept)',
      wholeNumber,
    )
    .option('--to <id>', 'the later snapshot (default: the newest)', wholeNumber)
    .option('--json', 'print as JSON (one object per console)')
    .action(async (options: { console?: string; from?: number; to?: number; json?: boolean }) => {
      const diffs = await context.call('diff.run', {
        ...(options.console === undefined ? {} : { console: options.console }),
        ...(options.from === undefined ? {} : { from: options.from }),
        ...(options.to === undefined ? {} : { to: options.to }),
      });
      if (options.json) return printJson(context, diffs);
      if (diffs.length === 0) throw new NoConsoleError();
      for (const diff of diffs) io.stdout(describe(diff));
    });
}

type ConsoleDiff = CallResult<'diff.run'>[number];

const named = (device: { agentId: string; hostname?: string }) =>
  device.hostname === undefined
    ? terminalText(device.agentId)
    : `${terminalText(device.hostname)} (${terminalText(device.agentId)})`;

const application = (app: { name: string; version: string }) =>
  terminalText(app.version ? `${app.name} ${app.version}` : app.name);

function describe(diff: ConsoleDiff): string {
  if (diff.note !== undefined || !diff.from || !diff.to)
    return `${terminalText(diff.console)}: ${diff.note}\n`;
  const kept =
    diff.snapshots.length > 2
      ? [
          `  snapshots kept (--from/--to): ${diff.snapshots
            .map((snapshot) => `${snapshot.id} (${snapshot.takenAt})`)
            .join(', ')}`,
        ]
      : [];
  const lines = [
    `${diff.console}: snapshot ${diff.from.id} (${diff.from.takenAt}) → ${diff.to.id} (${diff.to.takenAt}): ${diff.added.length} new, ${diff.removed.length} gone, ${diff.changed.length} changed${
      diff.software.length > 0
        ? `, ${diff.software.length} with applications installed or removed`
        : ''
    }`,
    ...kept,
    ...diff.added.map((device) => `  + ${named(device)}`),
    ...diff.removed.map((device) => `  - ${named(device)}`),
    ...diff.changed.map(
      (device) =>
        `  ~ ${named(device)}: ${device.fields
          .map(
            (f) =>
              `${terminalText(f.field)} ${terminalText(f.before || '(none)')} → ${terminalText(f.after || '(none)')}`,
          )
          .join('; ')}`,
    ),
    ...diff.software.map(
      (device) =>
        `  ~ ${named(device)}: ${[
          ...device.installed.map((app) => `+ ${application(app)}`),
          ...device.removed.map((app) => `- ${application(app)}`),
        ].join('; ')}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
