import { CommanderError } from 'commander';
import { buildProgram, type CliIo } from './program';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/**
 * Runs one CLI invocation and returns its exit status. Failures end as one line on stderr that
 * says what failed and what to do; nothing here calls process.exit, so tests can drive it.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors are already
      // printed by commander in its own words.
      return error.exitCode;
    }
    io.stderr(`s1inv: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
