import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runS1invInProcess } from './support/run-cli';
import { useTempDirs } from './support/temp-dir';

const run = promisify(execFile);
const tempDir = useTempDirs();
const s1inv = (...args: string[]) => run(process.execPath, ['bin/s1inv.js', ...args]);

describe('the s1inv command', () => {
  it('prints its help with exit status 0', async () => {
    const { stdout } = await s1inv('--help');
    expect(stdout).toMatch(/^Usage: s1inv/);
    expect(stdout).toContain('--data-dir');
  });

  it('prints the package version', async () => {
    const { stdout } = await s1inv('--version');
    expect(stdout.trim()).toBe(packageJson.version);
  });

  it('fails an unknown option with status 2 (a usage error) and a hint on stderr', async () => {
    const failure = await s1inv('--no-such-option').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("unknown option '--no-such-option'");
    expect(failure?.stderr).toContain('s1inv --help');
  });

  it('exits 2 for a value the command line cannot name, 1 for a refusal by the backend', async () => {
    const dataDir = tempDir();
    const format = await runS1invInProcess([
      '--data-dir',
      dataDir,
      'export',
      '--format',
      'pdf',
      '--out',
      `${dataDir}/x`,
    ]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unknown format "pdf". Choose one of: ocsf-json');
    const missing = await runS1invInProcess(['--data-dir', dataDir, 'console', 'test', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /No console is named "nope"\. Next: see the configured consoles/,
    );
  });
});
