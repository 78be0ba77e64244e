import { ipcMain, type BrowserWindow } from 'electron';
import { CALL_NAMES } from '../../shared/contract/names';
import { callChannel } from '../../shared/contract/preload-api';
import { validateIpcCall } from '../hosts/desktop/validated-call';
import { APP_ORIGIN } from './app-protocol';
import type { BackendProcess } from './backend-process';

/**
 * The only user of ipcMain: one handler per contract call. Each checks the sender and parses
 * the arguments (validateIpcCall) before relaying to the backend process.
 */
export function bridgeCalls(backend: BackendProcess, window: () => BrowserWindow | undefined) {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, args: unknown) => {
      const current = window();
      const checked = validateIpcCall(
        name,
        args,
        {
          webContentsId: event.sender.id,
          frameUrl: event.senderFrame?.url ?? '',
          mainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        },
        current ? { webContentsId: current.webContents.id, origin: APP_ORIGIN } : undefined,
      );
      return checked.ok ? backend.call(checked.name, checked.args) : checked;
    });
  }
}
