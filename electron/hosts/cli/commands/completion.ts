import type { Command } from 'commander';
import { UsageError, type CliContext } from '../context';
import { bashCompletion } from '../completion/bash-completion';
import { completionModel } from '../completion/completion-model';
import { fishCompletion } from '../completion/fish-completion';
import { zshCompletion } from '../completion/zsh-completion';
import { manPage } from '../manpage';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion } as const;

/** `s1inv completion SHELL` and `s1inv manpage`: both read the program's own definitions. */
export function registerDocumentationCommands(
  program: Command,
  context: CliContext,
  version: string,
): void {
  const { io } = context;
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .action((shell: string) => {
      const render = SHELLS[shell as keyof typeof SHELLS] as
        (typeof SHELLS)[keyof typeof SHELLS] | undefined;
      if (!Object.hasOwn(SHELLS, shell) || !render) {
        throw new UsageError(
          `Unknown shell "${shell}". Choose one of: ${Object.keys(SHELLS).join(', ')}.`,
        );
      }
      io.stdout(render(completionModel(program)));
    });
  program
    .command('manpage')
    .description('print the manual page, s1inv(1), in roff')
    .action(() => io.stdout(manPage(program, version)));
}
