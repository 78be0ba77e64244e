import { describe, expect, it } from 'vitest';
import { validateIpcCall } from '../../../electron/hosts/desktop/validated-call';

// What Electron's main runs on every renderer call before relaying it, tested without Electron.

const ours = { webContentsId: 7, frameUrl: 'app://s1inventory/index.html', mainFrame: true };
const trusted = { webContentsId: 7, origin: 'app://s1inventory' };

describe('validateIpcCall', () => {
  it('passes a well-formed call from our window, with its parsed arguments', () => {
    expect(validateIpcCall('consoles.test', { name: 'prod' }, ours, trusted)).toEqual({
      ok: true,
      name: 'consoles.test',
      args: { name: 'prod' },
    });
  });

  it.each([
    ['a wrong type', 'consoles.test', { name: 42 }, /name/],
    ['a missing argument', 'consoles.remove', { name: 'prod' }, /deleteData/],
    ['an unknown key', 'consoles.list', { path: '/etc' }, /path|unrecognized/i],
    ['a bad enum', 'export.run', { format: 'exe', scope: {} }, /format/],
    ['an unknown call', 'shell.exec', {}, /no call named "shell\.exec"/],
  ])('rejects %s', (_case, name, args, message) => {
    const result = validateIpcCall(name, args, ours, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
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
