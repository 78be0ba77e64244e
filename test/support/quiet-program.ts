import type { Command } from 'commander';
import { buildProgram } from '../../electron/hosts/cli/program';

/** The CLI's command definitions, built with an io that prints nothing and no backend opened. */
export function quietProgram(): Command {
  const { program, context } = buildProgram({
    stdout: () => undefined,
    stderr: () => undefined,
    readStdin: () => Promise.resolve(''),
    stdinIsTty: false,
    stderrIsTty: false,
    env: {},
  });
  void context.close();
  return program;
}
