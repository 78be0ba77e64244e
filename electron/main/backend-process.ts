import { app, dialog, utilityProcess, type BrowserWindow } from 'electron';
import type { Envelope } from '../../shared/contract/contract';
import { eventChannel } from '../../shared/contract/preload-api';
import { BackendRelay, type UtilityProcessLike } from '../hosts/desktop/backend-relay';
import { openExternalLink } from './external-links';

/**
 * The backend's utility process, seen from main: Electron's part only (the fork, the native
 * save dialog, the window's event channel); the relay itself is BackendRelay, tested in Node.
 */
export class BackendProcess {
  private readonly child;
  private readonly relay: BackendRelay;

  constructor(
    entry: string,
    dataDir: string,
    private readonly window: () => BrowserWindow | undefined,
  ) {
    this.child = utilityProcess.fork(entry, [], {
      serviceName: 'S1 Inventory backend',
      // The utility process cannot ask app.isPackaged itself; it picks its SQLite build by it.
      env: { ...process.env, S1INV_DATA_DIR: dataDir, S1INV_PACKAGED: app.isPackaged ? '1' : '0' },
    });
    this.relay = new BackendRelay(
      this.child as unknown as UtilityProcessLike,
      {
        chooseExportFile: (suggestedName) => this.chooseExportFile(suggestedName),
        openExternal: (url) => openExternalLink(url),
      },
      (name, payload) => this.window()?.webContents.send(eventChannel(name), payload),
    );
  }

  call(name: string, args: unknown): Promise<Envelope<unknown>> {
    return this.relay.call(name, args);
  }

  stop(): void {
    this.child.kill();
  }

  private async chooseExportFile(suggestedName: string) {
    const window = this.window();
    const options = {
      title: 'Export devices',
      defaultPath: suggestedName,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return undefined;
    return { path: choice.filePath, description: choice.filePath };
  }
}
