import type { Command } from 'commander';
import { EXPORT_FORMATS } from '../../../../shared/export-formats';
import { ENTITY_NAMES } from '../../../../shared/entities';
import { commandTree, flagsOf, subcommandsOf } from '../command-tree';

// What a shell offers after each command path, read from commander's definitions: the scripts
// for bash, zsh and fish are three renderings of this one model.

export interface CompletionEntry {
  /** The command's words after s1inv ('' for s1inv itself). */
  path: string;
  subcommands: { name: string; description: string }[];
  options: { flag: string; description: string; takesValue: boolean }[];
}

export interface CompletionModel {
  entries: CompletionEntry[];
  /** The values an option takes, where there is a fixed list. */
  values: Record<string, readonly string[]>;
  /** Options that name a file or a folder. */
  paths: readonly string[];
}

/** Value lists the commands check themselves (their errors name the choices). */
const VALUES: Record<string, readonly string[]> = {
  '--format': EXPORT_FORMATS,
  '--entity': ENTITY_NAMES,
  '--layout': ['file', 'security-lake'],
};
const PATHS = ['--out', '--data-dir', '--ca-bundle'];

export function completionModel(program: Command): CompletionModel {
  const values: Record<string, readonly string[]> = { ...VALUES };
  const entries = commandTree(program).map(({ path, command }) => ({
    path,
    subcommands: subcommandsOf(command).map((sub) => ({
      name: sub.name(),
      description: sub.description(),
    })),
    options: flagsOf(command).flatMap((option) => {
      if (option.long === undefined) return [];
      if (option.argChoices) values[option.long] = option.argChoices;
      return [
        {
          flag: option.long,
          description: option.description,
          takesValue: option.required || option.optional,
        },
      ];
    }),
  }));
  // The top level's own options (--data-dir, --verbose) are taken before any command too.
  return { entries, values, paths: PATHS };
}

/** Text safe inside single quotes in any of the three shells. */
export const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
