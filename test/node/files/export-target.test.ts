import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runS1invInProcess } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

// `--out` (and the save dialog's choice) may create a file or replace a regular, writable one;
// nothing else. Interrupted exports leave no temporary files behind.

const tempDir = useTempDirs();

const exportTo = (dataDir: string, out: string) =>
  runS1invInProcess(['--data-dir', dataDir, 'export', '--format', 'csv', '--out', out]);

describe('an export target', () => {
  it.each([
    [
      'a symbolic link',
      (dir: string, out: string) => symlinkSync(join(dir, 'real.txt'), out),
      /is a symbolic link/,
    ],
    [
      'a FIFO',
      (_dir: string, out: string) => void spawnSync('mkfifo', [out]),
      /not a regular file/,
    ],
    ['a folder', (_dir: string, out: string) => mkdirSync(out), /is a folder/],
    [
      'a read-only file',
      (_dir: string, out: string) => {
        writeFileSync(out, 'keep me');
        chmodSync(out, 0o444);
      },
      /is read-only/,
    ],
  ])('is refused when it is %s, and left as it was', async (_what, make, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.txt'), 'the file the link points at');
    const out = join(dir, 'fleet.csv');
    make(dir, out);
    const run = await exportTo(tempDir(), out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('the file the link points at');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a regular file, and sweeps what an interrupted export left', async () => {
    const dir = tempDir();
    const out = join(dir, 'fleet.csv');
    writeFileSync(out, 'old');
    const leftover = join(dir, '.fleet.csv.0123456789ab.tmp');
    writeFileSync(leftover, 'half an export');
    // An hour older by the file system's clock (the one the sweep reads), whatever the
    // process's clock says.
    const old = new Date(statSync(leftover).mtimeMs - 3_600_000);
    utimesSync(leftover, old, old);
    const run = await exportTo(tempDir(), out);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Hostname');
    expect(existsSync(leftover)).toBe(false);
  });

  it('removes its temporary file when the process gets SIGTERM mid-write', async () => {
    const dir = tempDir();
    const target = join(dir, 'fleet.ocsf.json');
    const script = `
      const { AtomicFileStream } = await import('./electron/adapters/files/atomic-stream.ts');
      const stream = new AtomicFileStream(${JSON.stringify(target)});
      stream.write('x'.repeat(2_000_000));
      process.stdout.write('writing\\n');
      setInterval(() => stream.write('y'), 10);
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(true);
    child.kill('SIGTERM');
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual([]);
  });
});
