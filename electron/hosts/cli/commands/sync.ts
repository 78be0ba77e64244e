import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { parseApis } from '../../../domains/consoles/console-settings';
import { DEFAULT_RETRY_POLICY } from '../../../adapters/http/retry';
import { WorkerPrecomputer } from '../../../domains/precompute/worker-precomputer';
import { SyncEngine } from '../../../domains/sync/sync-engine';
import type { ConsoleSyncResult, SyncProgress } from '../../../domains/sync/sync-types';
import type { CliContext } from '../context';
import { printJson, ReportedFailure } from '../output';

interface SyncOptions {
  apis?: string[];
  tokenEnv?: string;
  json?: boolean;
  retryMinutes?: number;
}

export function registerSyncCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('sync')
    .description('sync agents, threats and activities of the named consoles (default: all)')
    .argument('[names...]', 'consoles to sync')
    .option(
      '--apis <list>',
      "APIs to sync: agents,threats,activities (default: each console's)",
      (v: string) => v.split(','),
    )
    .option('--token-env <var>', 'read the token from this environment variable for this run')
    .option(
      '--retry-minutes <n>',
      'give up retrying a failing console after this long (default 90)',
      Number,
    )
    .option('--json', 'print the per-console, per-API summary as JSON')
    .action(async (names: string[], options: SyncOptions) => {
      const records =
        names.length > 0
          ? names.map((name) => context.consoles.get(name))
          : context.consoles.list();
      if (records.length === 0)
        throw new Error(
          'No console to sync. Add one with: s1inv console add --name NAME --url URL --token-stdin',
        );
      const apis = options.apis === undefined ? undefined : parseApis(options.apis);
      const tokens = await Promise.all(
        records.map((record) => context.consoles.token(record, options.tokenEnv, io.env)),
      );
      const precomputer = new WorkerPrecomputer();
      const engine = new SyncEngine({
        db: context.db,
        clock: context.clock,
        precomputer,
        retryPolicy: {
          ...DEFAULT_RETRY_POLICY,
          ...(options.retryMinutes === undefined
            ? {}
            : { maxRetryTimeMs: options.retryMinutes * 60_000 }),
        },
      });
      const controller = new AbortController();
      const cancel = () => {
        io.stderr('\ns1inv: cancelling the sync (press Ctrl-C again to quit at once)…\n');
        controller.abort();
        process.off('SIGINT', cancel);
      };
      process.on('SIGINT', cancel);
      const progress = progressReporter(context, options.json === true);
      try {
        const results = await Promise.all(
          records.map((record, index) =>
            engine.sync({
              console: record,
              token: tokens[index]!,
              ...(apis ? { apis } : {}),
              signal: controller.signal,
              onProgress: progress.update,
            }),
          ),
        );
        progress.stop();
        report(context, results, options.json === true);
        if (io.stderrIsTty && options.json !== true) io.stderr('Preparing exports…\n');
        await engine.precomputed();
      } finally {
        progress.stop();
        process.off('SIGINT', cancel);
        await precomputer.close();
      }
    });
}

function progressReporter(context: CliContext, json: boolean) {
  if (json || !context.io.stderrIsTty)
    return { update: (_p: SyncProgress) => undefined, stop: () => undefined };
  const bars = new cliProgress.MultiBar(
    {
      format: '{console} {api} [{bar}] {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const byKey = new Map<string, cliProgress.SingleBar>();
  let stopped = false;
  return {
    update: (p: SyncProgress) => {
      const key = `${p.console}/${p.api}`;
      let bar = byKey.get(key);
      if (!bar) {
        bar = bars.create(p.expected ?? p.fetched, 0, {
          console: p.console,
          api: p.api.padEnd(10),
        });
        byKey.set(key, bar);
      }
      bar.setTotal(Math.max(p.expected ?? 0, p.fetched));
      bar.update(p.fetched);
    },
    stop: () => {
      if (!stopped) bars.stop();
      stopped = true;
    },
  };
}

function report(context: CliContext, results: ConsoleSyncResult[], json: boolean): void {
  const { io } = context;
  if (json) {
    printJson(io, {
      consoles: Object.fromEntries(
        results.map((r) => [r.console, { state: r.state, apis: r.apis }]),
      ),
    });
  } else {
    for (const result of results) {
      for (const [api, outcome] of Object.entries(result.apis)) {
        const counts = `${outcome.fetched}${outcome.expected === undefined ? '' : ` of ${outcome.expected}`}`;
        const extra = outcome.new === undefined ? '' : `, ${outcome.new} new`;
        const malformed =
          outcome.malformed > 0 ? `, ${outcome.malformed} malformed (see s1inv health)` : '';
        io.stdout(
          `${result.console} ${api}: ${outcome.state}, ${counts} fetched${extra}${malformed}\n`,
        );
      }
    }
  }
  const problems = results.flatMap((r) =>
    Object.entries(r.apis)
      .filter(([, outcome]) => !outcome.complete)
      .map(
        ([api, outcome]) => `${r.console} ${api}: ${outcome.errors[0]?.message ?? outcome.state}`,
      ),
  );
  if (problems.length > 0) throw new ReportedFailure(problems.join(' | '));
}
