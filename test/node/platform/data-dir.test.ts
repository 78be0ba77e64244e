import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/adapters/platform/data-dir';

describe('resolveDataDir', () => {
  const home = '/home/ana';
  it.each([
    ['--data-dir wins', { flag: '/tmp/x', env: { S1INV_DATA_DIR: '/tmp/y' } }, 'linux', '/tmp/x'],
    [
      'then S1INV_DATA_DIR',
      { env: { S1INV_DATA_DIR: '/tmp/y', XDG_CONFIG_HOME: '/c' } },
      'linux',
      '/tmp/y',
    ],
    [
      'then $XDG_CONFIG_HOME on Linux',
      { env: { XDG_CONFIG_HOME: '/c' } },
      'linux',
      '/c/S1 Inventory',
    ],
    ['else ~/.config on Linux', { env: {} }, 'linux', '/home/ana/.config/S1 Inventory'],
    [
      'an empty variable counts as unset',
      { env: { S1INV_DATA_DIR: '', XDG_CONFIG_HOME: '' } },
      'linux',
      '/home/ana/.config/S1 Inventory',
    ],
    [
      'Application Support on macOS',
      { env: {} },
      'darwin',
      '/home/ana/Library/Application Support/S1 Inventory',
    ],
    ['%APPDATA% on Windows', { env: { APPDATA: '/appdata' } }, 'win32', '/appdata/S1 Inventory'],
  ] as const)('%s', (_case, inputs, platform, expected) => {
    expect(resolveDataDir({ ...inputs, platform, homeDir: home })).toBe(expected);
  });
});
