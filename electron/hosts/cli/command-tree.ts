import type { Command, Option } from 'commander';

// The commands as commander holds them, walked once for --help's examples, the completion
// scripts and the man page: one set of definitions for all three.

export interface CommandNode {
  /** Its words after `s1inv` ('' for s1inv itself, 'console add' for a subcommand). */
  path: string;
  command: Command;
}

/** s1inv and every command under it, depth first, commander's own `help` left out. */
export function commandTree(program: Command): CommandNode[] {
  const nodes: CommandNode[] = [];
  const visit = (command: Command, path: string) => {
    nodes.push({ path, command });
    for (const sub of command.commands) {
      if (sub.name() === 'help') continue;
      visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
    }
  };
  visit(program, '');
  return nodes;
}

/** A command's words after s1inv, read up from it to the program. */
export function pathOf(command: Command): string {
  const words: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}

/** A command's options as a person types them (long flags first), help and version left out. */
export function flagsOf(command: Command): Option[] {
  return command.options.filter(
    (option) => option.long !== '--help' && option.long !== '--version',
  );
}

/** The subcommands a command takes. */
export const subcommandsOf = (command: Command) =>
  command.commands.filter((sub) => sub.name() !== 'help');
