import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTree } from '../../electron/hosts/cli/command-tree';
import { EXIT_CODE_MEANINGS } from '../../electron/hosts/cli/exit-codes';
import { quietProgram } from '../support/quiet-program';

// docs/cli.md held to the CLI it documents: its exit codes are the table main.ts uses, each
// command with --json has its envelope shown under its own heading, and every command is named.

const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
const program = quietProgram();
const commands = commandTree(program).filter(
  ({ path, command }) => path && command.commands.length === 0,
);

describe('docs/cli.md', () => {
  it('states the exit codes as the CLI uses them', () => {
    for (const [code, meaning] of EXIT_CODE_MEANINGS)
      expect(doc).toContain(`| ${code} | ${meaning} |`);
  });

  it('shows the JSON envelope of every command that takes --json, and names every other', () => {
    const sections = doc.split('\n### ').slice(1);
    for (const { path, command } of commands) {
      const json = command.options.some((option) => option.long === '--json');
      if (!json) {
        expect(doc, `s1inv ${path}`).toContain(`\`${path}\``);
        continue;
      }
      // `devices --history` shares the devices section.
      const section = sections.find((s) => s.startsWith(`s1inv ${path}\n`));
      expect(section, `a section for s1inv ${path}`).toBeDefined();
      const block = /```json\n([\s\S]*?)```/.exec(section!)?.[1];
      expect(block, `a JSON example for s1inv ${path}`).toBeDefined();
      const envelope = JSON.parse(block!) as { command: string; ok: boolean };
      expect(envelope.command).toBe(path);
      expect(typeof envelope.ok).toBe('boolean');
    }
  });
});
