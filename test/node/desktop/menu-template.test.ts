import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuEntry } from '../../../electron/hosts/desktop/menu-template';
import { checkExternalUrl, HELP_HOSTS } from '../../../electron/adapters/platform/external-url';
import { APP_COMMANDS } from '../../../shared/commands';

const roles = (entries: MenuEntry[]): string[] =>
  entries.flatMap((entry) =>
    'role' in entry ? [entry.role] : 'submenu' in entry ? roles(entry.submenu) : [],
  );
const links = (entries: MenuEntry[]): string[] =>
  entries.flatMap((entry) =>
    'openUrl' in entry ? [entry.openUrl] : 'submenu' in entry ? links(entry.submenu) : [],
  );

describe('the menus', () => {
  it('offer DevTools and reload only in development', () => {
    const production = roles(menuTemplate({ platform: 'linux', development: false }));
    expect(production).not.toContain('toggleDevTools');
    expect(production).not.toContain('reload');
    expect(production).not.toContain('forceReload');
    const development = roles(menuTemplate({ platform: 'linux', development: true }));
    expect(development).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('have the app menu on macOS only', () => {
    expect(roles(menuTemplate({ platform: 'darwin', development: false }))).toContain('appMenu');
    expect(roles(menuTemplate({ platform: 'win32', development: false }))).not.toContain('appMenu');
  });

  it('offer every app command with the shortcut the browser host maps too', () => {
    const commands = (entries: MenuEntry[]): { appCommand: string; accelerator: string }[] =>
      entries.flatMap((entry) =>
        'appCommand' in entry ? [entry] : 'submenu' in entry ? commands(entry.submenu) : [],
      );
    const offered = commands(menuTemplate({ platform: 'linux', development: false }));
    expect(offered.map(({ appCommand, accelerator }) => ({ id: appCommand, accelerator }))).toEqual(
      expect.arrayContaining(APP_COMMANDS.map(({ id, accelerator }) => ({ id, accelerator }))),
    );
    expect(offered).toHaveLength(APP_COMMANDS.length);
  });

  it('link only to help pages the link policy allows', () => {
    for (const url of links(menuTemplate({ platform: 'linux', development: false }))) {
      expect(checkExternalUrl(url, new Set(HELP_HOSTS)), url).toBeDefined();
    }
  });
});
