import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { AtomicFileStream, type FileSystem } from './atomic-stream';
import { FileWriteError } from './atomic-write';
import { ExportTargetRefusedError } from './export-target';

/** One file of a set, once written. */
export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * An export of several files under one folder (Security Lake's partitions): each is streamed to
 * a temporary file beside its place, and all are renamed into place only once every one is
 * complete. A failure removes what the set wrote, and the folders it made.
 */
export class ExportFileSet {
  private readonly streams = new Map<string, AtomicFileStream>();
  private readonly madeFolders: string[] = [];

  constructor(
    readonly root: string,
    private readonly files: FileSystem = fs,
  ) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileWriteError(root, error);
    }
    if (stat && !stat.isDirectory()) {
      throw new ExportTargetRefusedError(
        root,
        'is not a folder (this layout writes a folder of files)',
      );
    }
    this.makeFolder(root);
  }

  /** A file at `relativePath` under the folder, to write. */
  open(relativePath: string): AtomicFileStream {
    const clean = normalize(relativePath);
    if (isAbsolute(clean) || clean.split(sep).includes('..')) {
      throw new Error(`An export's file must stay in its folder: ${relativePath}`);
    }
    const target = join(this.root, clean);
    this.makeFolder(dirname(target));
    const stream = new AtomicFileStream(target, this.files);
    this.streams.set(clean, stream);
    return stream;
  }

  /**
   * Puts every file in place. The set's sha256 is that of its manifest: one line per file, as
   * `sha256sum` prints them (hash, two spaces, path), in path order.
   */
  commit(): { files: WrittenFile[]; sha256: string; bytes: number } {
    const written: WrittenFile[] = [];
    try {
      for (const [path, stream] of this.streams) written.push({ path, ...stream.commit() });
    } catch (error) {
      for (const file of written) this.files.rmSync(join(this.root, file.path), { force: true });
      this.abort();
      throw error;
    }
    written.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest = written.map((file) => `${file.sha256}  ${file.path}\n`).join('');
    return {
      files: written,
      sha256: createHash('sha256').update(manifest).digest('hex'),
      bytes: written.reduce((sum, file) => sum + file.bytes, 0),
    };
  }

  /** Drops every file not yet in place, and the folders the set made (if left empty). */
  abort(): void {
    for (const stream of this.streams.values()) stream.abort();
    for (const folder of [...this.madeFolders].reverse()) {
      try {
        fs.rmdirSync(folder);
      } catch {
        // Not empty (the analyst's own files, or another export's): it stays.
      }
    }
  }

  /** mkdir -p, remembering each folder it made. */
  private makeFolder(folder: string): void {
    if (fs.existsSync(folder)) return;
    this.makeFolder(dirname(folder));
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      throw new FileWriteError(folder, error);
    }
    this.madeFolders.push(folder);
  }
}
