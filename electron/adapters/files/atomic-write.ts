import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';

/**
 * The one way S1 Inventory writes a file a user asked for: into a temporary file beside the
 * target, fsynced, then renamed over it. A crash or a full disk leaves the old file (or none),
 * never half of the new one.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const directory = dirname(target);
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new FileWriteError(target, error);
  }
  syncDirectory(directory);
}

function syncDirectory(directory: string): void {
  try {
    const fd = openSync(directory, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename itself is still atomic.
  }
}

export class FileWriteError extends AppError {
  override readonly name = 'FileWriteError';
  readonly code = 'file';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : cause instanceof Error
                ? cause.message
                : String(cause);
    super(`Could not write ${path}: ${why}. Choose another destination, or free space and retry.`, {
      cause,
    });
  }
}
