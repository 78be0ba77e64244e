import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { hardenedWebPreferences } from '../hosts/desktop/window-preferences';
import { openExternalLink } from './external-links';

/**
 * The app's one window, per Electron's security checklist: isolated, sandboxed, no Node; it
 * cannot open windows, navigate away or be granted permissions. Links go through the one
 * checked choke point instead.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'S1 Inventory',
    webPreferences: hardenedWebPreferences(preloadPath),
  });
  const { webContents } = window;
  webContents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault: () => void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  webContents.on('will-navigate', stayHome);
  webContents.on('will-redirect', stayHome);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** No permission (camera, notifications, geolocation…) is ever granted. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
