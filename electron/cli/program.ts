import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('s1inv')
    .description(
      'S1 Inventory: pull SentinelOne fleets into a local database, audit them, and export or ' +
        'push them as OCSF 1.6.0 Device Inventory Info.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .option('--data-dir <dir>', 'data directory (default: $S1INV_DATA_DIR, else the app folder)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run s1inv --help for the commands)')
    .exitOverride();
  return program;
}
