import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { EventPayload, CallResult } from '../../../../shared/contract/contract';
import { UsageError, type CliContext } from '../context';
import { describeWindow, parseSince } from '../../../../shared/sentinelone/history-window';
import { printJson, ReportedFailure } from '../output';
import { exitCodeOf, PartialFailure } from '../exit-codes';
import { ProgressLines } from '../progress-lines';
import { ENTITY_NAMES } from '../../../../shared/entities';

interface SyncOptions {
  apis?: string[];
  since?: string;
  tokenEnv?: string;
  json?: boolean;
  retryMinutes?: number;
}

export function registerSyncCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('sync')
    .description("sync the named consoles' entities (default: every console)")
    .argument('[names...]', 'consoles to sync')
    .option(
      '--apis <list>',
      `entities to sync: ${ENTITY_NAMES.join(',')} (default: each console's)`,
      (v: string) => v.split(','),
    )
    .option(
      '--since <DATE|Nd>',
      'read threats and activities from this date (2025-01-01) or this many days back (90d); default: every threat, 30 days of activities',
      checkSince,
    )
    .option('--token-env <var>', 'read the token from this environment variable for this run')
    .option(
      '--retry-minutes <n>',
      'give up retrying a failing console after this long (default 90)',
      Number,
    )
    .option('--json', 'print the per-console, per-API summary as JSON')
    .action(async (names: string[], options: SyncOptions) => {
      context.platform.useSecretFrom('console', options.tokenEnv);
      const progress = progressReporter(context, options.json === true);
      const stopListening = await context.on((event, payload) => {
        if (event === 'sync.progress') progress.update(payload as EventPayload<'sync.progress'>);
      });
      const cancel = () => {
        io.stderr('\ns1inv: cancelling the sync (press Ctrl-C again to quit at once)…\n');
        process.off('SIGINT', cancel);
        void context
          .call('consoles.list', {})
          .then((consoles) =>
            Promise.all(consoles.map(({ name }) => context.call('sync.cancel', { name }))),
          );
      };
      process.on('SIGINT', cancel);
      try {
        const outcome = await context.call('sync.run', {
          ...(names.length > 0 ? { names } : {}),
          ...(options.apis === undefined ? {} : { apis: options.apis }),
          ...(options.since === undefined ? {} : { since: options.since }),
          ...(options.retryMinutes === undefined ? {} : { retryMinutes: options.retryMinutes }),
        });
        progress.stop();
        report(context, outcome, options.json === true);
      } finally {
        progress.stop();
        stopListening();
        process.off('SIGINT', cancel);
      }
    });
}

function progressReporter(context: CliContext, json: boolean) {
  if (!context.io.stderrIsTty) return progressLines(context);
  if (json)
    return { update: (_p: EventPayload<'sync.progress'>) => undefined, stop: () => undefined };
  const bars = new cliProgress.MultiBar(
    {
      format: '{console} {api} [{bar}] {value}/{total}{left}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const byKey = new Map<string, cliProgress.SingleBar>();
  let stopped = false;
  return {
    update: (p: EventPayload<'sync.progress'>) => {
      const key = `${p.console}/${p.api}`;
      let bar = byKey.get(key);
      if (!bar) {
        bar = bars.create(p.expected ?? p.fetched, 0, {
          console: p.console,
          api: p.api.padEnd(15),
          left: '',
        });
        byKey.set(key, bar);
      }
      bar.setTotal(Math.max(p.expected ?? 0, p.fetched));
      bar.update(p.fetched, { left: timeLeft(p.secondsLeft) });
    },
    stop: () => {
      if (!stopped) bars.stop();
      stopped = true;
    },
  };
}

/** Without a terminal: every few seconds, one line with where each API's walk stands. */
function progressLines(context: CliContext) {
  const lines = new ProgressLines(context.io.stderr, context.clock);
  const latest = new Map<string, EventPayload<'sync.progress'>>();
  return {
    update: (p: EventPayload<'sync.progress'>) => {
      latest.set(`${p.console}/${p.api}`, p);
      lines.offer(
        () =>
          `syncing ${[...latest.values()]
            .map(
              (run) =>
                `${run.console} ${run.api} ${run.fetched.toLocaleString('en')}${run.expected === undefined ? '' : `/${run.expected.toLocaleString('en')}`}${timeLeft(run.secondsLeft).replace(/^ +/, ' ')}`,
            )
            .join(', ')}`,
      );
    },
    stop: () => undefined,
  };
}

/** "  ~1 h 05 min left", for the walks that say how long they have to go. */
export function timeLeft(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 0) return '';
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `  ~${minutes} min left`;
  return `  ~${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min left`;
}

function checkSince(value: string): string {
  const parsed = parseSince(value);
  if ('problem' in parsed) {
    throw new UsageError(
      `--since ${parsed.problem} Give a date (2025-01-01) or a number of days (90d).`,
    );
  }
  return value;
}

function report(context: CliContext, outcome: CallResult<'sync.run'>, json: boolean): void {
  const { io } = context;
  const consoles = Object.entries(outcome.consoles);
  if (!json) {
    for (const [name, result] of consoles) {
      for (const [api, run] of Object.entries(result.apis)) {
        const counts = `${run.fetched}${run.expected === undefined ? '' : ` of ${run.expected}`}`;
        const extra = run.new === undefined ? '' : `, ${run.new} new`;
        const malformed =
          run.malformed > 0 ? `, ${run.malformed} malformed (see s1inv health)` : '';
        const window = run.window ? `; stored: ${describeWindow(run.window.since)}` : '';
        io.stdout(`${name} ${api}: ${run.state}, ${counts} fetched${extra}${malformed}${window}\n`);
      }
    }
  }
  const problems = consoles.flatMap(([name, result]) =>
    Object.entries(result.apis)
      .filter(([, run]) => !run.complete)
      .map(([api, run]) => {
        const failure = run.errors[0];
        const next =
          failure?.errorClass === 'ThirdPartyConfig' ? ` Next: s1inv console test ${name}` : '';
        return `${name} ${api}: ${failure?.message ?? run.state}${next}`;
      }),
  );
  // One line per API that did not complete; the indented list stays on its lines (main.ts).
  const message =
    problems.length === 1
      ? problems[0]!
      : `${problems.length} APIs did not complete:\n${problems.map((line) => `  ${line}`).join('\n')}`;
  const completed = consoles.some(([, result]) =>
    Object.values(result.apis).some((run) => run.complete),
  );
  const failure =
    problems.length === 0
      ? undefined
      : completed
        ? new PartialFailure(message)
        : new ReportedFailure(message);
  if (json) {
    // Lists as arrays of objects: each console, and each API of it, named by a key.
    const value = consoles.map(([name, result]) => ({
      console: name,
      ...result,
      apis: Object.entries(result.apis).map(([api, run]) => ({ api, ...run })),
    }));
    printJson(context, value, failure && { exitCode: exitCodeOf(failure), message });
  }
  if (failure) throw failure;
}
