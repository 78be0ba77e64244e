import { lstatSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { FileWriteError } from './atomic-write';

// What a file the analyst asked for may replace, and what an interrupted write leaves behind.
// An export goes to a temporary file beside the target and is renamed over it, so the rename
// would replace whatever the path names: a symlink, a FIFO, a device node, a read-only file.

export class ExportTargetRefusedError extends AppError {
  override readonly name = 'ExportTargetRefusedError';
  readonly code = 'file';
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(`${path} ${why}, so S1 Inventory will not replace it. Choose another file name.`);
  }
}

/** Nothing there, or a regular file that is not read-only: anything else is refused. */
export function checkExportTarget(target: string): void {
  let stat;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new FileWriteError(target, error);
  }
  if (stat.isSymbolicLink()) throw new ExportTargetRefusedError(target, 'is a symbolic link');
  if (stat.isDirectory()) throw new ExportTargetRefusedError(target, 'is a folder');
  if (!stat.isFile()) {
    throw new ExportTargetRefusedError(target, 'is not a regular file (a device or a pipe)');
  }
  // By the mode bits, not access(): root may write anything, and that is no reason to.
  if ((stat.mode & 0o222) === 0) throw new ExportTargetRefusedError(target, 'is read-only');
}

/** `.<name>.<12 hex>.tmp`: the temporary file of a write to `<name>`. */
export function temporaryNameFor(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.${suffix}.tmp`);
}

/** A leftover is older than this; a live write touches its file far more often. */
const LEFTOVER_AGE_MS = 60_000;

/**
 * Removes what interrupted writes to `target` left behind (a crash, a kill -9). Ages are read
 * against `ours`, the temporary file just created: both times come from the file system's
 * clock, so no process clock (real or injected) is mixed in.
 */
export function sweepLeftovers(target: string, ours: string): number {
  let nowMs: number;
  try {
    nowMs = statSync(ours).mtimeMs;
  } catch {
    return 0; // our own file is not there to measure by: leave everything
  }
  const prefix = `.${basename(target)}.`;
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(dirname(target));
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(entry.slice(prefix.length))) {
      continue;
    }
    const path = join(dirname(target), entry);
    if (path === ours) continue;
    try {
      if (nowMs - statSync(path).mtimeMs < LEFTOVER_AGE_MS) continue;
      rmSync(path, { force: true });
      removed += 1;
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/**
 * Temporary files being written now: removed if the process is told to stop (Ctrl-C,
 * SIGTERM), after which the signal takes its usual course.
 */
const open = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function cleanUpAndStop(signal: NodeJS.Signals): void {
  for (const path of open) rmSync(path, { force: true });
  open.clear();
  for (const name of SIGNALS) process.removeListener(name, cleanUpAndStop);
  process.kill(process.pid, signal);
}

export function trackTemporary(path: string): () => void {
  if (open.size === 0) {
    // Only when nobody else handles the signal: a host with its own handler (the CLI's sync,
    // serve) ends through it, and the exit hook below still removes the file.
    for (const name of SIGNALS) {
      if (process.listenerCount(name) === 0) process.once(name, cleanUpAndStop);
    }
  }
  open.add(path);
  return () => {
    open.delete(path);
    if (open.size === 0) for (const name of SIGNALS) process.removeListener(name, cleanUpAndStop);
  };
}

process.on('exit', () => {
  for (const path of open) rmSync(path, { force: true });
});
