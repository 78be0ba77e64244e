import { spawn } from 'node:child_process';
import type { Clock } from '../../electron/adapters/platform/clock';
import { runCli } from '../../electron/hosts/cli/main';
import { MemorySecretStore } from './memory-secret-store';

export interface CliRun {
  code: number;
  stdout: string;
  /** Standard output as bytes (an in-process run only): a binary export written there. */
  stdoutBytes?: Buffer;
  stderr: string;
}

/** Runs `s1inv` as a user would: a separate process, with its own stdin and environment. */
export function runS1inv(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/s1inv.js', ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

export interface InProcessOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** The product's clock for this run. */
  clock?: Clock;
}

/**
 * Runs `s1inv` inside the test's process: the same parsing, door and output as the command,
 * without a Node start per call. A session bus address under /nonexistent (the tests' way of
 * saying "no keychain here") gives the run a keychain that cannot be reached.
 */
export async function runS1invInProcess(
  args: string[],
  options: InProcessOptions = {},
): Promise<CliRun> {
  const env = { ...process.env, ...options.env };
  const noKeychain = env.DBUS_SESSION_BUS_ADDRESS?.includes('/nonexistent') === true;
  const secrets = new MemorySecretStore();
  secrets.unavailable = true;
  const stdout: Buffer[] = [];
  let stderr = '';
  const code = await runCli(
    args,
    {
      stdout: (data) => void stdout.push(Buffer.from(data)),
      stderr: (text) => void (stderr += text),
      readStdin: () => Promise.resolve(options.stdin ?? ''),
      stdinIsTty: false,
      stderrIsTty: false,
      env,
    },
    {
      ...(noKeychain ? { secrets } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    },
  );
  const bytes = Buffer.concat(stdout);
  return { code, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr };
}

/**
 * The result a `--json` run printed, from the envelope every command prints (docs/cli.md),
 * checked to say the command did what was asked.
 */
export function jsonValue<T = any>(run: Pick<CliRun, 'stdout' | 'code'>): T {
  const envelope = JSON.parse(run.stdout) as { command: string; ok: boolean; value?: T };
  if (!envelope.ok || run.code !== 0) {
    throw new Error(`expected a successful --json run, got exit ${run.code}: ${run.stdout}`);
  }
  return envelope.value as T;
}
