// The Electron main process: lifecycle, one window, menus, and the relay between the window
// and the backend's utility process. Everything else lives in plain Node modules.
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { resolveDataDir } from '../adapters/platform/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { BackendProcess } from './backend-process';
import { bridgeCalls } from './ipc-bridge';
import { installMenu } from './menu';
import { createMainWindow, denyAllPermissions } from './window';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
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
    installMenu();
    const backend = new BackendProcess(here('./backend.js'), dataDir, currentWindow);
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
