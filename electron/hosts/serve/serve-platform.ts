import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportDestination, PlatformPort } from '../../backend/platform';

/**
 * The browser host's platform: an export is written to a private folder and downloaded by the
 * browser from /api/download/<id>; links are opened by the browser itself.
 */
export class ServePlatform implements PlatformPort {
  readonly transport = 'browser' as const;
  private readonly folder = mkdtempSync(join(tmpdir(), 's1inv-downloads-'));
  private readonly files = new Map<string, { path: string; name: string }>();

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

  dispose(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}
