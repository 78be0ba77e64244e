import { CommanderError } from 'commander';
import { CallFailedError, type CliIo, type CliOverrides } from './context';

import { buildProgram } from './program';
import { AppError } from '../../../shared/errors/app-error';
import { nextStepCommand } from './next-step-command';
import { EXIT, exitCodeOf } from './exit-codes';
import { printJson } from './output';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const processIo: CliIo = {
  stdout: (data) => process.stdout.write(data),
  stdoutIsTty: process.stdout.isTTY === true,
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
  stdinIsTty: process.stdin.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  env: process.env,
};

/**
 * Runs one CLI invocation and returns its exit status. A failure ends as one line on stderr
 * that says what failed and what to do; nothing here calls process.exit, so tests can drive it.
 */
export async function runCli(
  args: readonly string[],
  io: CliIo = processIo,
  overrides: CliOverrides = bundleOverrides(),
): Promise<number> {
  if (io === processIo) quietOnClosedStdout();
  const { program, context } = buildProgram(io, overrides);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return EXIT.done;
  } catch (error) {
    // --help and --version end with 0; commander's usage errors (already printed) with 2.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.done : EXIT.usage;
    const message = oneLine(describeFailure(error));
    io.stderr(`s1inv: ${message}\n`);
    const exitCode = exitCodeOf(error);
    // Asked for JSON, a script reads why from standard output too, in the same envelope.
    if (context.jsonWanted && !context.jsonPrinted) {
      printJson(context, undefined, { exitCode, message });
    }
    return exitCode;
  } finally {
    await context.close();
  }
}

// `s1inv devices | head`: the reader went away; that is the end, not an error.
function quietOnClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Run from its bundle (dist/cli/s1inv.js), the CLI names the workers bundled beside it. */
function bundleOverrides(): CliOverrides {
  if (import.meta.url.endsWith('.ts')) return {};
  return {
    precomputeWorker: new URL('./precompute-worker.js', import.meta.url),
    gridWorker: new URL('./grid-load-worker.js', import.meta.url),
  };
}

/** What failed, then the next step as a command when the error names one. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const step =
    error instanceof CallFailedError
      ? error.error.nextStep
      : error instanceof AppError
        ? error.nextStep
        : undefined;
  return step ? `${error.message} Next: ${nextStepCommand(step)}.` : error.message;
}

/** Multi-line messages (an import's list of problems) stay readable; others fold to one line. */
function oneLine(message: string): string {
  return message.includes('\n  ') ? message : message.replace(/\s*\n\s*/g, ' ');
}
