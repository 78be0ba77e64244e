import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CliContext } from '../context';

// The built renderer: dist/renderer, beside the CLI's bundle in dist/cli (or four folders up
// from this source file, when tests load it unbundled).
const RENDERER_DIR = fileURLToPath(
  new URL(
    import.meta.url.endsWith('.ts') ? '../../../../dist/renderer' : '../renderer',
    import.meta.url,
  ),
);

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('the app in your browser, on 127.0.0.1 only; prints the URL to open first')
    .option('--port <n>', 'listen on this port (default: a free one)', (v) => Number(v))
    .option('--open', 'open the URL in the default browser')
    .action(async (options: { port?: number; open?: boolean }) => {
      // Loaded here, not at start-up: `s1inv --help` should not load the whole backend.
      const [{ ServePlatform }, { startServeHost }] = await Promise.all([
        import('../../serve/serve-platform'),
        import('../../serve/serve-host'),
      ]);
      const platform = new ServePlatform();
      const backend = await context.openBackend(platform, {
        offerDemoConsole: true,
        // serve stays up: the grid's loads run in a process of their own, their garbage with it.
        loadGridApart: 'process',
        // serve has no OS logs folder of its own: its log lives with its data.
        log: { file: 'serve.log' },
      });
      const host = await startServeHost({
        backend,
        platform,
        staticDir: RENDERER_DIR,
        ...(options.port === undefined ? {} : { port: options.port }),
      });
      context.io.stdout(`${host.url}\n`);
      context.io.stderr('S1 Inventory is serving on 127.0.0.1 only. Press Ctrl-C to stop.\n');
      // The inventory is read into the grid's memory while the analyst opens the page.
      setImmediate(() => backend.deviceGrid.warm());
      // The URL is ours (loopback), so this is the one place serve opens anything. Another
      // process's argv is readable in /proc: the browser gets the path of a file only this
      // user can read, never the token nor a link that leads to it.
      if (options.open) await (await import('open')).default(host.launchFile());
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await host.close();
      await backend.close();
    });
}
