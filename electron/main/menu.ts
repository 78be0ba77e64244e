import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/commands';
import { COMMAND_CHANNEL } from '../../shared/contract/preload-api';
import { menuTemplate, type MenuEntry } from '../hosts/desktop/menu-template';
import type { LinkPolicy } from '../hosts/desktop/link-policy';

let sendCommand: (command: AppCommand) => void = () => undefined;
let links: LinkPolicy | undefined;

function toItem(entry: MenuEntry): MenuItemConstructorOptions {
  if ('role' in entry) return { role: entry.role };
  if ('type' in entry) return { type: 'separator' };
  if ('submenu' in entry) return { label: entry.label, submenu: entry.submenu.map(toItem) };
  if ('appCommand' in entry) {
    const { appCommand } = entry;
    return {
      label: entry.label,
      accelerator: entry.accelerator,
      click: () => sendCommand(appCommand),
    };
  }
  if ('command' in entry) {
    return { label: entry.label, click: () => void shell.openPath(app.getPath('logs')) };
  }
  const { openUrl } = entry;
  return { label: entry.label, click: () => void links?.open(openUrl) };
}

/** The menus of menu-template.ts; DevTools and reload only in development. */
export function installMenu(options: {
  development: boolean;
  window: () => BrowserWindow | undefined;
  links: LinkPolicy;
}): void {
  links = options.links;
  sendCommand = (command) => options.window()?.webContents.send(COMMAND_CHANNEL, command);
  const template = menuTemplate({ platform: process.platform, development: options.development });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(toItem)));
}
