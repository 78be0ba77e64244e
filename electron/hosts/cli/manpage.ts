import type { Command } from 'commander';
import { commandTree } from './command-tree';
import { CLI_EXAMPLES } from './examples';
import { EXIT_CODE_MEANINGS } from './exit-codes';

// s1inv(1) in roff, from the same definitions as --help and the completion scripts. No date in
// its header: the page is the same whenever it is built.

/**
 * Text as roff shows it: backslashes and hyphens escaped, characters beyond ASCII as \[uXXXX]
 * (troff reads its input as Latin-1 unless run through preconv), no line read as a request.
 */
function roff(text: string): string {
  return text
    .replaceAll('\\', '\\e')
    .replaceAll('-', '\\-')
    .replace(
      /[\u0080-\u{10ffff}]/gu,
      (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
    )
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

export function manPage(program: Command, version: string): string {
  const lines: string[] = [
    `.TH S1INV 1 "" "s1inv ${roff(version)}" "User Commands"`,
    '.SH NAME',
    `s1inv \\- ${roff(program.description())}`,
    '.SH SYNOPSIS',
    '.B s1inv',
    '[\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]',
    '.SH OPTIONS',
  ];
  const optionsOf = (command: Command) =>
    command.options
      .filter((option) => option.long !== '--help')
      .flatMap((option) => ['.TP', `.B ${roff(option.flags)}`, roff(option.description)]);
  lines.push(...optionsOf(program), '.SH COMMANDS');
  for (const { path, command } of commandTree(program)) {
    if (path === '') continue;
    lines.push(`.SS "s1inv ${roff(path)} ${roff(command.usage())}"`, roff(command.description()));
    lines.push(...optionsOf(command));
    const examples = CLI_EXAMPLES[path] ?? [];
    if (examples.length > 0) {
      lines.push('.PP', 'Examples:');
      for (const example of examples) {
        lines.push('.IP', `\\fBs1inv ${roff(example.line)}\\fR`, '.br', roff(example.what));
      }
    }
  }
  lines.push('.SH EXIT STATUS');
  for (const [code, meaning] of EXIT_CODE_MEANINGS) lines.push('.TP', `.B ${code}`, roff(meaning));
  lines.push(
    '.SH ENVIRONMENT',
    '.TP',
    '.B S1INV_DATA_DIR',
    'The data directory, when \\fB\\-\\-data\\-dir\\fR is not given.',
    '.SH SEE ALSO',
    'docs/cli.md and docs/query.md in the S1 Inventory repository.',
  );
  return `${lines.join('\n')}\n`;
}
