import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTree } from '../../../electron/hosts/cli/command-tree';
import { CLI_EXAMPLES } from '../../../electron/hosts/cli/examples';
import { quietProgram } from '../../support/quiet-program';
import { runS1invInProcess as runS1inv } from '../../support/run-cli';

// A CLI people find their way in (issue 30, item 4): completion scripts for bash, zsh and fish
// run in those shells (installed by scripts/install-system-deps.sh), a man page groff reads
// without a warning, and examples in every --help; all from commander's one set of definitions.

let dir: string;
const script = async (shell: string) => {
  const run = await runS1inv(['completion', shell]);
  expect(run.code).toBe(0);
  const path = join(dir, `s1inv.${shell}`);
  writeFileSync(path, run.stdout);
  return path;
};
const paths = () => commandTree(quietProgram());

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 's1inv-completion-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the shell offers for a command line typed so far (a trailing space: a new word). */
const CASES: [line: string, offered: string[]][] = [
  ['s1inv con', ['config', 'console']],
  ['s1inv console a', ['add']],
  ['s1inv console set', ['set-token']],
  ['s1inv export --format ocsf-', ['ocsf-json', 'ocsf-ndjson', 'ocsf-parquet']],
  ['s1inv export --la', ['--lake-account', '--lake-region', '--lake-source', '--layout']],
  ['s1inv export --layout ', ['file', 'security-lake']],
  ['s1inv config export --w', ['--with-notes']],
];

describe('shell completion', () => {
  it('bash offers commands, subcommands, options and their values', async () => {
    const path = await script('bash');
    for (const [line, offered] of CASES) {
      const out = execFileSync(
        'bash',
        [
          '-c',
          `source "$1"; read -ra COMP_WORDS <<< "$2"; [[ $2 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _s1inv; printf '%s\\n' "\${COMPREPLY[@]}"`,
          'bash',
          path,
          line,
        ],
        { encoding: 'utf8' },
      );
      expect(out.split('\n').filter(Boolean).sort(), line).toEqual(offered);
    }
  });

  it('fish offers the same, each option under its own command', async () => {
    const path = await script('fish');
    for (const [line, offered] of CASES) {
      const out = execFileSync(
        'fish',
        ['-c', `source $argv[1]; complete -C $argv[2]`, path, line],
        {
          encoding: 'utf8',
        },
      );
      const words = out
        .split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0]!);
      expect(words.sort(), line).toEqual(offered);
    }
  });

  it('zsh reads the script, and its function offers the same words', async () => {
    const path = await script('zsh');
    execFileSync('zsh', ['-n', path]);
    // zsh completes only inside its line editor: compadd and _describe are stood in for here,
    // printing what they are handed, and the shell filters by what was typed as it would.
    const harness = `
      compadd() { shift; print -rl -- "$@"; }
      _describe() { print -rl -- "\${(@)\${(P)4}%%:*}"; }
      _files() { print -r -- FILES; }
      compdef() { :; }
      source "$1"
      words=(\${=2}); [[ $2 == *" " ]] && words+=("")
      CURRENT=\${#words}
      _s1inv | while read -r w; do [[ $w == "\${words[CURRENT]}"* ]] && print -r -- $w; done
      true`;
    for (const [line, offered] of CASES) {
      const out = execFileSync('zsh', ['-c', harness, 'zsh', path, line], { encoding: 'utf8' });
      expect(out.split('\n').filter(Boolean).sort(), line).toEqual(offered);
    }
  });

  it('refuses a shell it does not write for (exit 2)', async () => {
    const run = await runS1inv(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Choose one of: bash, zsh, fish/);
  });
});

describe('help and the manual page', () => {
  it('every command has examples, in its --help, and every subcommand is in its parent help', async () => {
    for (const { path, command } of paths()) {
      expect(CLI_EXAMPLES[path], `examples for "s1inv ${path}"`).not.toHaveLength(0);
      const help = await runS1inv([...(path ? path.split(' ') : []), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
      for (const example of CLI_EXAMPLES[path]!)
        expect(help.stdout).toContain(`$ s1inv ${example.line}`);
      for (const sub of command.commands) expect(help.stdout).toContain(`  ${sub.name()}`);
    }
  });

  it('the manual page covers every command and option, and groff reads it without a warning', async () => {
    const run = await runS1inv(['manpage']);
    expect(run.code).toBe(0);
    const page = run.stdout;
    expect(page).toMatch(/^\.TH S1INV 1 /);
    for (const { path, command } of paths()) {
      if (path) expect(page).toContain(`.SS "s1inv ${path.replaceAll('-', '\\-')}`);
      for (const option of command.options) {
        if (option.long && option.long !== '--help')
          expect(page).toContain(option.long.replaceAll('-', '\\-'));
      }
    }
    expect(page).toContain('.SH EXIT STATUS');
    const path = join(dir, 's1inv.1');
    writeFileSync(path, page);
    // -ww: every warning groff has (a line it cannot break included), each on standard error.
    const read = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', path], { encoding: 'utf8' });
    expect(read.status).toBe(0);
    expect(read.stderr).toBe('');
    const shown = execFileSync('groff', ['-man', '-Tutf8', path], { encoding: 'utf8' });
    // Bold and underline come as overstrikes (x, backspace, x): read the plain text.
    // eslint-disable-next-line no-control-regex -- a backspace is what an overstrike is
    expect(shown.replace(/.\x08/g, '')).toContain('s1inv export [options]');
  });
});
