import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import type { CliContext } from '../context';
import { nextStepCommand } from '../next-step-command';
import { printJson, printTable, ReportedFailure } from '../output';
import { wholeNumber } from '../whole-number';
import { ENTITIES, ENTITY_NAMES } from '../../../../shared/entities';

const commaList = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export function registerConsoleCommands(program: Command, context: CliContext): void {
  const group = program
    .command('console')
    .description('SentinelOne consoles: add, set-token, list, test, remove');
  const { io } = context;

  group
    .command('add')
    .description('add a console; with --token-stdin its API token goes to the OS keychain')
    .requiredOption('--name <name>', 'a short name for the console, e.g. prod-eu')
    .requiredOption('--url <url>', 'the management console URL, e.g. https://acme.sentinelone.net')
    .option(
      '--token-stdin',
      'read the API token from standard input and store it in the OS keychain',
    )
    .option(
      '--apis <list>',
      `entities to sync: ${ENTITY_NAMES.join(',')} (default: ${ENTITY_NAMES.filter((name) => ENTITIES[name].syncedByDefault).join(',')})`,
      commaList,
    )
    .option('--proxy <url>', 'an HTTP proxy for this console (default: HTTPS_PROXY)')
    .option('--ca-bundle <file>', 'extra CA certificates (PEM) to trust for this console')
    .option(
      '--keep-snapshots <n>',
      'complete snapshots to keep, so diff can compare any two (default 2)',
      wholeNumber,
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        name: string;
        url: string;
        tokenStdin?: boolean;
        apis?: string[];
        proxy?: string;
        caBundle?: string;
        keepSnapshots?: number;
        json?: boolean;
      }) => {
        const caBundle = options.caBundle === undefined ? undefined : resolve(options.caBundle);
        const token = options.tokenStdin
          ? await context.readSecretFromStdin('API token')
          : undefined;
        const record = await context.call('consoles.add', {
          name: options.name,
          url: options.url,
          ...(token === undefined ? {} : { token }),
          ...(options.apis === undefined ? {} : { apis: options.apis }),
          ...(options.proxy === undefined ? {} : { proxyUrl: options.proxy }),
          ...(caBundle === undefined ? {} : { caBundle }),
          ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
        });
        if (options.json) return printJson(context, record);
        io.stdout(`Added console "${record.name}" (${record.url}).\n`);
        io.stdout(
          record.tokenStored
            ? `Its API token is in the OS keychain. Next: s1inv console test "${record.name}"\n`
            : `No token was stored: pass one per run with --token-env VAR, or store it with s1inv console set-token "${record.name}" --token-stdin\n`,
        );
      },
    );

  group
    .command('set-token')
    .description(
      "store or replace a console's API token in the OS keychain (read from standard input)",
    )
    .argument('<name>', 'the console')
    .requiredOption('--token-stdin', 'read the API token from standard input')
    .action(async (name: string) => {
      const token = await context.readSecretFromStdin('API token');
      const record = await context.call('consoles.setToken', { name, token });
      io.stdout(`Stored a new API token for "${record.name}" in the OS keychain.\n`);
    });

  group
    .command('list')
    .description('list the configured consoles')
    .option('--json', 'print the consoles as JSON')
    .action(async (options: { json?: boolean }) => {
      const consoles = await context.call('consoles.list', {});
      if (options.json) return printJson(context, consoles);
      if (consoles.length === 0) {
        io.stdout(
          'No console yet. Add one with: s1inv console add --name NAME --url URL --token-stdin\n',
        );
        return;
      }
      printTable(
        io,
        ['NAME', 'URL', 'APIS', 'TOKEN'],
        consoles.map((c) => [
          c.name,
          c.url,
          c.apis.join(','),
          c.tokenStored ? 'keychain' : 'none (use --token-env)',
        ]),
      );
    });

  group
    .command('test')
    .description('test the connection: reachability, TLS, token validity and expiry, scope')
    .argument('<name>', 'the console')
    .option('--token-env <var>', 'read the token from this environment variable for this run')
    .option('--json', 'print the report as JSON')
    .action(async (name: string, options: { tokenEnv?: string; json?: boolean }) => {
      context.platform.useSecretFrom('console', options.tokenEnv);
      const report = await context.call('consoles.test', { name });
      const record = (await context.call('consoles.list', {})).find(
        (c) => c.name.toLowerCase() === name.toLowerCase(),
      );
      const label = record?.name ?? name;
      const next = report.action
        ? `${report.nextStep} Then ${nextStepCommand({ ...report.action, subject: label }, options.tokenEnv)}.`
        : report.nextStep;
      if (options.json) {
        printJson(
          context,
          { console: label, url: record?.url, ...report },
          report.ok ? undefined : { exitCode: EXIT.failed, message: `${report.message} ${next}` },
        );
      } else {
        io.stdout(`${report.ok ? 'OK' : 'FAILED'} ${label}: ${report.message}\n`);
        if (report.scope) {
          const names = report.scope.entries
            .slice(0, 5)
            .map((e) => e.name)
            .join(', ');
          io.stdout(
            `Scope: ${report.scope.total} ${report.scope.level}${names ? ` (${names}${report.scope.total > 5 ? ', …' : ''})` : ''}\n`,
          );
        }
        io.stdout(`Next: ${next}\n`);
      }
      if (report.token?.expiresSoon)
        io.stderr(
          (report.token.daysLeft ?? 0) < 0
            ? `s1inv: warning: the token of "${label}" is past its expiry date by this computer's clock.\n`
            : `s1inv: warning: the token of "${label}" expires in ${report.token.daysLeft} day(s).\n`,
        );
      if (!report.ok) throw new ReportedFailure(`console "${label}": ${report.message} ${next}`);
    });

  group
    .command('remove')
    .description('remove a console and its keychain item')
    .argument('<name>', 'the console')
    .option('--delete-data', "also delete the console's synced data")
    .action(async (name: string, options: { deleteData?: boolean }) => {
      const { removed } = await context.call('consoles.remove', {
        name,
        deleteData: options.deleteData === true,
      });
      io.stdout(
        `Removed console "${removed}", its API token${options.deleteData ? ' and its data' : ''}.\n`,
      );
    });
}
