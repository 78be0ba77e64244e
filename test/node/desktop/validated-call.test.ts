import { describe, expect, it } from 'vitest';
import { validateIpcCall } from '../../../electron/hosts/desktop/validated-call';

// What Electron's main runs on every renderer call before relaying it, tested without Electron.

const ours = { webContentsId: 7, frameUrl: 'app://s1inventory/index.html', mainFrame: true };
const trusted = { webContentsId: 7, origin: 'app://s1inventory' };

describe('validateIpcCall', () => {
  it('relays a call from our window with its arguments as sent: the backend parses them', () => {
    expect(validateIpcCall('consoles.test', { name: 'prod' }, ours, trusted)).toEqual({
      ok: true,
      name: 'consoles.test',
      args: { name: 'prod' },
    });
    // Main never reads arguments; dispatch refuses these in the backend (contract-clients tests).
    expect(validateIpcCall('consoles.test', { name: 42 }, ours, trusted)).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['an unknown call', 'shell.exec'],
    ['a name inherited by every object', 'constructor'],
    ['an empty name', ''],
  ])('rejects %s', (_case, name) => {
    const result = validateIpcCall(name, {}, ours, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    if (!result.ok) expect(result.error.message).toBe(`There is no call named "${name}".`);
  });

  it.each([
    ['another webContents', { ...ours, webContentsId: 8 }],
    ['a page navigated elsewhere', { ...ours, frameUrl: 'https://evil.example/' }],
    ['a file: page', { ...ours, frameUrl: 'file:///tmp/x.html' }],
    ['an unknown frame', { ...ours, frameUrl: '' }],
    ['a subframe of our own page', { ...ours, mainFrame: false }],
  ])('refuses a call from %s', (_case, sender) => {
    expect(validateIpcCall('app.info', {}, sender, trusted)).toMatchObject({
      ok: false,
      error: { name: 'UntrustedSenderError' },
    });
  });

  it('refuses everything before the window exists', () => {
    expect(validateIpcCall('app.info', {}, ours, undefined)).toMatchObject({ ok: false });
  });
});
