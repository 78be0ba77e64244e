import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportDestination, PlatformPort } from '../../backend/platform';
import { processAlive } from '../../adapters/platform/process-alive';

const PREFIX = 's1inv-downloads-';
/** An older version's folder carries no pid: it is stale once a day old. */
const UNNAMED_STALE_MS = 24 * 60 * 60_000;

/**
 * Removes the download folders that `serve` processes of this user left when they were killed
 * (issue 27, N32): a folder names its process, and one whose process is gone holds exports no
 * one will download.
 */
export function sweepStaleDownloads(
  tmp: string,
  alive: (pid: number) => boolean = processAlive,
  nowMs = Date.now(),
): string[] {
  const swept: string[] = [];
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(PREFIX)) continue;
    const path = join(tmp, name);
    try {
      const stat = statSync(path);
      if (!stat.isDirectory() || stat.uid !== process.getuid?.()) continue;
      const pid = /^s1inv-downloads-(\d+)-/.exec(name)?.[1];
      const stale =
        pid === undefined ? nowMs - stat.mtimeMs > UNNAMED_STALE_MS : !alive(Number(pid));
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      swept.push(path);
    } catch {
      // Gone meanwhile, or not ours to read: left alone.
    }
  }
  return swept;
}

/**
 * The browser host's platform: an export is written to a private folder and downloaded by the
 * browser from /api/download/<id>; links are opened by the browser itself.
 */
export class ServePlatform implements PlatformPort {
  readonly transport = 'browser' as const;
  private readonly folder: string;
  private readonly files = new Map<string, { path: string; name: string }>();

  constructor(tmp = tmpdir()) {
    sweepStaleDownloads(tmp);
    this.folder = mkdtempSync(join(tmp, `${PREFIX}${process.pid}-`));
  }

  chooseExportFile(suggestedName: string): Promise<ExportDestination> {
    const id = randomUUID();
    const path = join(this.folder, `${id}-${suggestedName}`);
    this.files.set(id, { path, name: suggestedName });
    return Promise.resolve({
      path,
      downloadUrl: `/api/download/${id}`,
      description: `browser download (${suggestedName})`,
    });
  }

  openExternal(): Promise<boolean> {
    return Promise.resolve(false);
  }

  download(id: string): { path: string; name: string } | undefined {
    return this.files.get(id);
  }

  /**
   * Writes a file only this user can read (the folder is 0700, the file 0600, created anew);
   * returns its path. Removed with the folder.
   */
  writePrivate(name: string, content: string): string {
    const path = join(this.folder, name);
    rmSync(path, { force: true });
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
    return path;
  }

  dispose(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}
