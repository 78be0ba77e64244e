import type { Command } from 'commander';
import { NoConsoleError } from '../exit-codes';
import type { CliContext } from '../context';
import { printJson } from '../output';

const EVENTS_SHOWN = 10;

export function registerHealthCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('health')
    .description('state, last run per API and health events of each console')
    .argument('[name]', 'one console (default: all)')
    .option('--json', 'print as JSON')
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const report = await context.call('health.report', name === undefined ? {} : { name });
      if (report.length === 0) throw new NoConsoleError();
      if (options.json) return printJson(context, report);
      for (const entry of report) {
        const errors = entry.events.filter((e) => e.severity === 'error').length;
        const warnings = entry.events.filter((e) => e.severity === 'warning').length;
        io.stdout(
          `${entry.console} (${entry.url}): ${entry.state}; ${errors} error(s), ${warnings} warning(s)\n`,
        );
        if (entry.currentSnapshot) {
          io.stdout(
            `  inventory: ${entry.currentSnapshot.agentCount} agents from ${entry.currentSnapshot.takenAt}\n`,
          );
        }
        for (const run of entry.lastRuns) {
          io.stdout(
            `  last ${run.api} run: ${run.state}, ${run.fetched}${run.expected === undefined ? '' : ` of ${run.expected}`} fetched, ${run.finishedAt ?? 'still running'}\n`,
          );
        }
        for (const event of entry.events.slice(0, EVENTS_SHOWN)) {
          io.stdout(
            `  ${event.lastAt} ${event.severity} ${event.errorClass}${event.api ? ` [${event.api}]` : ''}${event.count > 1 ? ` ×${event.count}` : ''}: ${event.message}\n`,
          );
        }
      }
    });
}
