import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { FileWriteError } from './atomic-write';
import {
  checkExportTarget,
  sweepLeftovers,
  temporaryNameFor,
  trackTemporary,
} from './export-target';

/** The file-system calls the writer makes; a test swaps in one that fails on cue. */
export type FileSystem = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'
>;

const FLUSH_BYTES = 1 << 20;

/**
 * Streams a file that appears only when complete: chunks go to a temporary file beside the
 * target (buffered, hashed as they go), which is fsynced and renamed over the target at the end.
 * On any failure the temporary file is removed and the target is left as it was.
 */
export class AtomicFileStream {
  private readonly temporary: string;
  private readonly hash = createHash('sha256');
  private fd: number | undefined;
  /** Where writes gather until a flush: an export is a few hundred thousand small writes. */
  private readonly buffer = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  private written = 0;
  private readonly untrack: () => void;

  constructor(
    readonly target: string,
    private readonly files: FileSystem = fs,
  ) {
    checkExportTarget(target);
    this.temporary = temporaryNameFor(target, randomBytes(6).toString('hex'));
    try {
      this.fd = files.openSync(this.temporary, 'wx', 0o600);
    } catch (error) {
      throw new FileWriteError(target, error);
    }
    sweepLeftovers(target, this.temporary);
    this.untrack = trackTemporary(this.temporary);
  }

  /**
   * Text is written as UTF-8; bytes as they are (a raw object that is not valid UTF-8). Both are
   * copied into one buffer, encoded in place, and hashed and written a megabyte at a time.
   */
  write(data: string | Buffer): void {
    if (data.length === 0) return;
    // Room for the worst case: three UTF-8 bytes for each UTF-16 unit of a string.
    const room = typeof data === 'string' ? data.length * 3 : data.length;
    if (this.used + room > this.buffer.length) {
      this.flush();
      if (room > this.buffer.length) {
        this.writeOut(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        return;
      }
    }
    this.used +=
      typeof data === 'string'
        ? this.buffer.write(data, this.used, 'utf8')
        : data.copy(this.buffer, this.used);
  }

  /** Makes the file visible under its name; returns its sha256 and size. */
  commit(): { sha256: string; bytes: number } {
    this.flush();
    try {
      this.files.fsyncSync(this.fd!);
      this.files.closeSync(this.fd!);
      this.fd = undefined;
      this.files.renameSync(this.temporary, this.target);
      this.untrack();
    } catch (error) {
      this.abort();
      throw new FileWriteError(this.target, error);
    }
    return { sha256: this.hash.digest('hex'), bytes: this.written };
  }

  /** Drops the partial file. Safe to call more than once. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        this.files.closeSync(this.fd);
      } catch {
        // Already closed or broken: the removal below is what matters.
      }
      this.fd = undefined;
    }
    this.files.rmSync(this.temporary, { force: true });
    this.untrack();
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeOut(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeOut(data: Buffer): void {
    this.hash.update(data);
    try {
      let offset = 0;
      while (offset < data.length) offset += this.files.writeSync(this.fd!, data, offset);
      this.written += data.length;
    } catch (error) {
      this.abort();
      throw new FileWriteError(this.target, error);
    }
  }
}
