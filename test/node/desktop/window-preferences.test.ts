import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from '../../../electron/hosts/desktop/window-preferences';

describe('the main window follows Electron security checklist', () => {
  it('is isolated, sandboxed, without Node, webviews or insecure content', () => {
    expect(hardenedWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
