import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

const run = promisify(execFile);
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

  it('fails an unknown option with a non-zero status and a hint on stderr', async () => {
    const failure = await s1inv('--no-such-option').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain("unknown option '--no-such-option'");
    expect(failure?.stderr).toContain('s1inv --help');
  });
});
