import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { ProgressLines } from '../progress-lines';
import type { CallArgs } from '../../../../shared/contract/contract';
import type { CliContext } from '../context';
import { printJson, printTable, ReportedFailure } from '../output';
import { wholeNumber } from '../whole-number';

export function registerSekoiaCommands(program: Command, context: CliContext): void {
  const { io } = context;
  const group = program
    .command('sekoia')
    .description('Sekoia.io targets (asset connectors) to push devices to');

  group
    .command('add')
    .description('add a target; with --api-key-stdin its API key goes to the OS keychain')
    .requiredOption('--name <name>', 'a short name for the target')
    .requiredOption('--connector-uuid <uuid>', 'the UUID of the asset connector created in Sekoia')
    .option('--base-url <url>', 'the Sekoia web app of your region (default https://app.sekoia.io)')
    .option('--endpoint <url>', 'a full endpoint URL, replacing base URL + the standard path')
    .option('--batch-size <n>', 'devices per POST, 1 to 1000 (default 1000)', wholeNumber)
    .option(
      '--legacy-device-types',
      "send Laptop/3 and Tablet/4 as Sekoia's SentinelOne connector does",
    )
    .option(
      '--api-key-stdin',
      'read the API key from standard input and store it in the OS keychain',
    )
    .option('--api-key-env <var>', 'check that this variable holds the key (it is not stored)')
    .action(
      async (
        options: Omit<CallArgs<'sekoia.add'>, 'apiKey'> & {
          apiKeyStdin?: boolean;
          apiKeyEnv?: string;
        },
      ) => {
        // Fail now, not at the first push, when the named variable holds nothing.
        context.platform.useSecretFrom('sekoia', options.apiKeyEnv);
        const apiKey = options.apiKeyStdin
          ? await context.readSecretFromStdin('Sekoia API key')
          : undefined;
        const { apiKeyStdin: _stdin, apiKeyEnv: _env, ...settings } = options;
        const target = await context.call('sekoia.add', {
          ...settings,
          ...(apiKey === undefined ? {} : { apiKey }),
        });
        io.stdout(`Added Sekoia target "${target.name}" → ${target.endpointUrl}\n`);
        if (!target.keyStored)
          io.stdout(`No API key was stored: pass one per push with --api-key-env VAR.\n`);
      },
    );

  group
    .command('list')
    .description('list the Sekoia targets')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await context.call('sekoia.list', {});
      if (options.json) return printJson(context, list);
      if (list.length === 0)
        return io.stdout(
          'No Sekoia target yet. Add one with: s1inv sekoia add --name NAME --connector-uuid UUID --api-key-stdin\n',
        );
      printTable(
        io,
        ['NAME', 'ENDPOINT', 'BATCH', 'KEY'],
        list.map((t) => [
          t.name,
          t.endpointUrl,
          String(t.batchSize),
          t.keyStored ? 'keychain' : 'none (use --api-key-env)',
        ]),
      );
    });

  group
    .command('remove')
    .description('remove a target and its keychain item')
    .argument('<name>', 'the target')
    .action(async (name: string) => {
      const { removed } = await context.call('sekoia.remove', { name });
      io.stdout(`Removed Sekoia target "${removed}" and its API key.\n`);
    });

  program
    .command('push')
    .description("push the current devices, in Sekoia's dialect, to a Sekoia target")
    .argument('<target>', 'the Sekoia target')
    .option('--console <name>', 'only the devices of this console')
    .option('--api-key-env <var>', 'read the API key from this environment variable for this run')
    .option('--resume', 'deliver what an earlier push left in the outbox')
    .option('--include-decommissioned', 'send decommissioned devices too (left out by default)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        name: string,
        options: {
          console?: string;
          apiKeyEnv?: string;
          resume?: boolean;
          includeDecommissioned?: boolean;
          json?: boolean;
        },
      ) => {
        context.platform.useSecretFrom('sekoia', options.apiKeyEnv);
        const lines = new ProgressLines(io.stderr, context.clock);
        const stopListening = await context.on((event, payload) => {
          if (event !== 'push.progress') return;
          const { delivered, total } = payload as { delivered: number; total: number };
          // A terminal's line is redrawn in place; a log gets one every few seconds.
          if (!io.stderrIsTty) lines.offer(() => `pushing: ${delivered}/${total} batches`);
          else if (!options.json) io.stderr(`\rpushing: ${delivered}/${total} batches`);
        });
        try {
          const result = await context.call('push.run', {
            target: name,
            scope: options.console === undefined ? {} : { console: options.console },
            resume: options.resume === true,
            ...(options.includeDecommissioned ? { includeDecommissioned: true } : {}),
          });
          if (io.stderrIsTty && !options.json) io.stderr('\n');
          const unfinished =
            result.state === 'complete'
              ? undefined
              : `${result.message ?? 'The push did not complete.'} Next: s1inv push ${name} --resume`;
          if (options.json) {
            printJson(
              context,
              result,
              unfinished === undefined ? undefined : { exitCode: EXIT.failed, message: unfinished },
            );
          } else
            io.stdout(
              `Push #${result.pushId} to "${name}": ${result.state}, ${result.deliveredItems} of ${result.items} devices in ${result.deliveredBatches}/${result.batches} batches${result.skipped > 0 ? `; ${result.skipped} without a hostname left out` : ''}${result.decommissionedLeftOut > 0 ? `; ${result.decommissionedLeftOut} decommissioned left out (send them with --include-decommissioned)` : ''}.\n`,
            );
          if (unfinished) throw new ReportedFailure(unfinished);
        } finally {
          stopListening();
        }
      },
    );
}
