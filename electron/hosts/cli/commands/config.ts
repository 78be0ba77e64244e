import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exportConfig, importConfig } from '../../../domains/config/config-service';
import { writeFileAtomic } from '../../../adapters/files/atomic-write';
import type { CliContext } from '../context';

export function registerConfigCommands(program: Command, context: CliContext): void {
  const group = program
    .command('config')
    .description('the JSON configuration (never with secrets)');
  const { io } = context;

  group
    .command('export')
    .description('write the configuration (consoles, URLs, APIs, options) to a JSON file')
    .requiredOption('--out <file>', 'where to write it')
    .action((options: { out: string }) => {
      const target = resolve(options.out);
      const config = exportConfig(context.db);
      writeFileAtomic(target, `${JSON.stringify(config, null, 2)}\n`);
      io.stdout(`Wrote ${config.consoles.length} console(s) to ${target} (no tokens).\n`);
    });

  group
    .command('import')
    .description('add or update consoles from a JSON configuration file (tokens are not imported)')
    .argument('<file>', 'the configuration file')
    .action((file: string) => {
      const source = resolve(file);
      let text: string;
      try {
        text = readFileSync(source, 'utf8');
      } catch (error) {
        throw new Error(
          `Cannot read ${source} (${(error as NodeJS.ErrnoException).code}). Check the path.`,
        );
      }
      const summary = importConfig(context.db, context.clock, text, source);
      io.stdout(
        `Imported ${source}: ${summary.added.length} added, ${summary.updated.length} updated.\n`,
      );
      const tokenless = context.consoles.list().filter((c) => summary.added.includes(c.name));
      for (const record of tokenless) {
        io.stdout(
          `  "${record.name}" has no token yet: s1inv console set-token "${record.name}" --token-stdin\n`,
        );
      }
    });
}
