import type { Command } from 'commander';
import { HealthStore } from '../../../domains/health/health-store';
import { ConsoleStateStore } from '../../../domains/sync/console-state';
import { RunStore } from '../../../domains/sync/run-store';
import { SnapshotStore } from '../../../domains/sync/snapshot-store';
import type { CliContext } from '../context';
import { printJson } from '../output';

export function registerHealthCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('health')
    .description('state, last run per API and health events of each console')
    .argument('[name]', 'one console (default: all)')
    .option('--json', 'print as JSON')
    .action((name: string | undefined, options: { json?: boolean }) => {
      const records = name === undefined ? context.consoles.list() : [context.consoles.get(name)];
      const states = new ConsoleStateStore(context.db);
      const runs = new RunStore(context.db);
      const health = new HealthStore(context.db);
      const snapshots = new SnapshotStore(context.db);
      const report = records.map((record) => ({
        console: record.name,
        url: record.url,
        state: states.get(record.id).state,
        currentSnapshot: snapshots.current(record.id) ?? null,
        lastRuns: runs.latest(record.id),
        events: health.list(record.id, 50),
      }));
      if (options.json) return printJson(io, report);
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
        for (const event of entry.events.slice(0, 10)) {
          io.stdout(
            `  ${event.lastAt} ${event.severity} ${event.errorClass}${event.api ? ` [${event.api}]` : ''}${event.count > 1 ? ` ×${event.count}` : ''}: ${event.message}\n`,
          );
        }
      }
    });
}
