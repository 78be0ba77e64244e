import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
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
    .option('--with-notes', 'your tags, notes and triage on devices too (left out unless asked)')
    .action(async (options: { out: string; withNotes?: boolean }) => {
      context.platform.exportTo(options.out);
      const result = await context.call('config.export', {
        toFile: true,
        ...(options.withNotes ? { withNotes: true } : {}),
      });
      io.stdout(
        `Wrote ${result.consoles} console(s)${options.withNotes ? ` and the notes on ${result.notes} device(s)` : ''} to ${result.path} (no tokens).\n`,
      );
    });

  group
    .command('import')
    .description('add or update consoles from a JSON configuration file (tokens are not imported)')
    .argument('<file>', 'the configuration file')
    .action(async (file: string) => {
      const source = resolve(file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(source);
      } catch (error) {
        throw new Error(
          `Cannot read ${source} (${(error as NodeJS.ErrnoException).code}). Check the path.`,
        );
      }
      let json: string;
      try {
        // Refused rather than patched with U+FFFD: a name or URL would change without a word.
        json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new Error(`${source} is not valid UTF-8 text. Save it as UTF-8 and import it again.`);
      }
      const summary = await context.call('config.import', { json, source });
      io.stdout(
        `Imported ${source}: ${summary.added.length} added, ${summary.updated.length} updated${summary.notes > 0 ? `, notes on ${summary.notes} device(s)` : ''}.\n`,
      );
      for (const { from, to } of summary.renamed) {
        io.stdout(`  "${from}" is now named "${to}".\n`);
      }
      for (const name of summary.tokensDropped) {
        io.stdout(
          `  "${name}" now reaches its console another way (host, proxy or CA bundle): its stored token was forgotten, as a token only travels the way it was stored for. Store one: s1inv console set-token "${name}" --token-stdin\n`,
        );
      }
      for (const name of summary.added) {
        io.stdout(
          `  "${name}" has no token yet: s1inv console set-token "${name}" --token-stdin\n`,
        );
      }
    });
}
