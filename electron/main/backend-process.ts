import { app, dialog, utilityProcess, type BrowserWindow } from 'electron';
import type { Envelope } from '../../shared/contract/contract';
import { eventChannel } from '../../shared/contract/preload-api';
import { BackendRelay, type UtilityProcessLike } from '../hosts/desktop/backend-relay';
import type { LinkPolicy } from '../hosts/desktop/link-policy';
import type { Logger } from '../adapters/logging/log-file';

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
    log: Logger,
    links: LinkPolicy,
  ) {
    this.child = utilityProcess.fork(entry, [], {
      serviceName: 'S1 Inventory backend',
      env: { ...process.env, S1INV_DATA_DIR: dataDir, S1INV_LOG_DIR: app.getPath('logs') },
    });
    this.relay = new BackendRelay(
      this.child as unknown as UtilityProcessLike,
      {
        chooseExportFile: (suggestedName) => this.chooseExportFile(suggestedName),
        // The backend checked the link against the consoles' and targets' hosts, but main
        // decides by its own rules: a subverted backend could claim any host (issue 27, E9).
        openExternal: (url) => links.open(url),
      },
      (name, payload) => this.window()?.webContents.send(eventChannel(name), payload),
    );
    // A backend that dies shows only an exit code otherwise: main's log says when and how.
    this.child.on('exit', (code) =>
      log.log(code === 0 ? 'info' : 'error', 'the backend process exited', { code }),
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
