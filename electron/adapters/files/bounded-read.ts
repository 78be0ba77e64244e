import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../shared/errors/app-error';

/** Why a file given by path could not be read as a small regular file. */
export class UnreadableFileError extends AppError {
  override readonly name = 'UnreadableFileError';
  readonly code = 'file';
  constructor(
    readonly path: string,
    /** In words: "is not a regular file", "is larger than 1 MB", or the system's code. */
    readonly why: string,
  ) {
    super(`${path} ${why}`);
  }
}

/**
 * Reads a file a user named (a CA bundle, a configuration), only if it is a regular file of at
 * most `maxBytes`: a device (`/dev/zero`), a FIFO (which would block) or a huge file is refused
 * before anything is read. The file is opened non-blocking, so opening a FIFO never waits.
 */
export function readBoundedFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFileError(path, `cannot be opened (${codeOf(error)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFileError(path, 'is not a regular file');
    if (stat.size > maxBytes) {
      throw new UnreadableFileError(path, `is larger than ${formatBytes(maxBytes)}`);
    }
    // The size may grow while it is read: never read more than the bound allows.
    const buffer = Buffer.alloc(maxBytes + 1);
    let read = 0;
    for (
      let n;
      read <= maxBytes && (n = readSync(fd, buffer, read, buffer.length - read, null)) > 0;
    )
      read += n;
    if (read > maxBytes)
      throw new UnreadableFileError(path, `is larger than ${formatBytes(maxBytes)}`);
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(path, `cannot be read (${codeOf(error)})`);
  } finally {
    closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
