import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import open from 'open';
import { Backend } from '../../../backend/backend';
import { findDemoConsole } from '../../../domains/app/demo-console';
import { WorkerPrecomputer } from '../../../domains/precompute/worker-precomputer';
import { ServePlatform } from '../../serve/serve-platform';
import { startServeHost } from '../../serve/serve-host';
import type { CliContext } from '../context';

const RENDERER_DIR = fileURLToPath(new URL('../../../../dist/renderer', import.meta.url));

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('the app in your browser, on 127.0.0.1 only; prints the URL to open first')
    .option('--port <n>', 'listen on this port (default: a free one)', (v) => Number(v))
    .option('--open', 'open the URL in the default browser')
    .action(async (options: { port?: number; open?: boolean }) => {
      const platform = new ServePlatform();
      const backend = new Backend({
        db: context.db,
        secrets: context.secrets,
        clock: context.clock,
        dataDir: context.dataDir,
        platform,
        precomputer: new WorkerPrecomputer(),
        findDemoConsole: () => findDemoConsole(),
      });
      const host = await startServeHost({
        backend,
        platform,
        staticDir: RENDERER_DIR,
        ...(options.port === undefined ? {} : { port: options.port }),
      });
      context.io.stdout(`${host.url}\n`);
      context.io.stderr('S1 Inventory is serving on 127.0.0.1 only. Press Ctrl-C to stop.\n');
      // The URL is ours (loopback), so this is the one place serve opens anything.
      if (options.open) await open(host.url);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await host.close();
      await backend.close();
    });
}
