// The Electron main process: lifecycle, one window, menus, and the relay between the window
// and the backend's utility process. Everything else lives in plain Node modules.
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { resolveDataDir } from '../adapters/platform/data-dir';
import { systemClock } from '../adapters/platform/clock';
import { openLogFile } from '../adapters/logging/log-file';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { BackendProcess } from './backend-process';
import { bridgeCalls } from './ipc-bridge';
import { installMenu } from './menu';
import { linkOpener } from './external-links';
import { createMainWindow, denyAllPermissions, guardAllWebContents } from './window';
import { unpackedFilesIntact } from './unpacked-check';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// Every renderer sandboxed, whatever creates it.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  guardAllWebContents();
  let window: BrowserWindow | undefined;
  const currentWindow = () => (window && !window.isDestroyed() ? window : undefined);

  app.on('second-instance', () => {
    const existing = currentWindow();
    if (existing?.isMinimized()) existing.restore();
    existing?.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = resolveDataDir({
      flag: process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length),
      env: process.env,
      platform: process.platform,
      homeDir: homedir(),
    });
    denyAllPermissions();
    serveRenderer(here('../renderer'));
    const links = linkOpener(currentWindow);
    installMenu({ development: !app.isPackaged, window: currentWindow, links });
    const log = openLogFile({ dir: app.getPath('logs'), name: 'main.log', clock: systemClock });
    log.log('info', 'S1 Inventory started', { version: app.getVersion(), dataDir });
    if (!unpackedFilesIntact(log)) return;
    const backend = new BackendProcess(here('./backend.js'), dataDir, currentWindow, log, links);
    bridgeCalls(backend, currentWindow);
    window = createMainWindow(here('./preload.cjs'));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0)
        window = createMainWindow(here('./preload.cjs'));
    });
    app.on('before-quit', () => backend.stop());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
