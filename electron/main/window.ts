import { join } from 'node:path';
import { app, BrowserWindow, screen, session } from 'electron';
import {
  MIN_SIZE,
  readWindowState,
  restoreWindowState,
  saveWindowState,
} from '../hosts/desktop/window-state';
import { APP_ORIGIN } from './app-protocol';
import { hardenedWebPreferences } from '../hosts/desktop/window-preferences';

/**
 * The app's one window, per Electron's security checklist: isolated, sandboxed, no Node; it
 * cannot open windows, navigate away or be granted permissions. Links go through the one
 * checked choke point instead.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = restoreWindowState(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'S1 Inventory',
    webPreferences: hardenedWebPreferences(preloadPath),
  });
  const { webContents } = window;
  // Links leave the app only through app.openExternal (checked against the allow-list).
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: { preventDefault: () => void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  webContents.on('will-navigate', stayHome);
  webContents.on('will-redirect', stayHome);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () =>
    saveWindowState(stateFile, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    }),
  );
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * App-wide, for every webContents that will ever exist (a devtools window, a future dialog):
 * no new windows, no navigation off the app's origin, no webviews.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** No permission (camera, notifications, geolocation…) is ever granted. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
