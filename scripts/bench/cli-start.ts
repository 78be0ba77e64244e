// How long `s1inv` takes to start, as a ratio to Node starting with nothing to do, both
// measured here and now, so the figure means the same on a busy or a quiet machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = 15;
export const HELP_TARGET_RATIO = 3;

function medianMs(command: string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    execFileSync(command[0]!, command.slice(1), { env, stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface CliStartResult {
  nodeMs: number;
  helpMs: number;
  consoleListMs: number;
}

export function benchCliStart(): CliStartResult {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'ignore' });
  const dataDir = mkdtempSync(join(tmpdir(), 's1inv-bench-cli-'));
  try {
    const node = process.execPath;
    return {
      nodeMs: medianMs([node, '-e', '']),
      helpMs: medianMs([node, 'bin/s1inv.js', '--help']),
      consoleListMs: medianMs([node, 'bin/s1inv.js', '--data-dir', dataDir, 'console', 'list']),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printCliStartResult(result: CliStartResult): void {
  const ratio = (ms: number) => (ms / result.nodeMs).toFixed(2);
  console.log(`CLI start (median of ${RUNS} runs)`);
  console.log(`  node -e '':         ${result.nodeMs.toFixed(0)} ms`);
  console.log(`  s1inv --help:       ${result.helpMs.toFixed(0)} ms = ${ratio(result.helpMs)}×`);
  console.log(
    `  s1inv console list: ${result.consoleListMs.toFixed(0)} ms = ${ratio(result.consoleListMs)}×`,
  );
  const met = result.helpMs <= HELP_TARGET_RATIO * result.nodeMs;
  console.log(`  target --help ≤ ${HELP_TARGET_RATIO}× node: ${met ? 'met' : 'MISSED'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printCliStartResult(benchCliStart());
