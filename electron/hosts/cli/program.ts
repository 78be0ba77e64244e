import { Command } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { registerConfigCommands } from './commands/config';
import { registerConsoleCommands } from './commands/console';
import { registerDevicesCommand } from './commands/devices';
import { registerNotesCommand } from './commands/notes';
import { registerDiffCommand } from './commands/diff';
import { registerExportCommands } from './commands/export';
import { registerHealthCommand } from './commands/health';
import { registerSekoiaCommands } from './commands/sekoia';
import { registerServeCommand } from './commands/serve';
import { registerSyncCommand } from './commands/sync';
import { CliContext, type CliIo, type CliOverrides } from './context';
import { registerDocumentationCommands } from './commands/completion';
import { commandTree, pathOf } from './command-tree';
import { examplesHelp } from './examples';

export function buildProgram(
  io: CliIo,
  overrides: CliOverrides = {},
): { program: Command; context: CliContext } {
  const program = new Command('s1inv')
    .description(
      'S1 Inventory: pull SentinelOne fleets into a local database, audit them, and export or ' +
        'push them as OCSF 1.6.0 Device Inventory Info.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .option('--data-dir <dir>', 'data directory (default: $S1INV_DATA_DIR, else the app folder)')
    .option('--verbose', 'log what the backend does on stderr (secrets redacted)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run s1inv --help for the commands)')
    .exitOverride();
  const context = new CliContext(
    io,
    () => program.opts<{ dataDir?: string }>().dataDir,
    overrides,
    () => program.opts<{ verbose?: boolean }>().verbose === true,
  );
  registerConsoleCommands(program, context);
  registerSyncCommand(program, context);
  registerHealthCommand(program, context);
  registerDevicesCommand(program, context);
  registerNotesCommand(program, context);
  registerDiffCommand(program, context);
  registerExportCommands(program, context);
  registerSekoiaCommands(program, context);
  registerConfigCommands(program, context);
  registerServeCommand(program, context);
  registerDocumentationCommands(program, context, packageJson.version);
  program.hook('preAction', (_program, action) => {
    context.commandPath = pathOf(action);
    context.jsonWanted = action.opts<{ json?: boolean }>().json === true;
  });
  for (const { path, command } of commandTree(program)) {
    if (path !== '')
      command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
    const examples = examplesHelp(path);
    if (examples) command.addHelpText('after', examples);
  }
  return { program, context };
}
