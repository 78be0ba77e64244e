import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuEntry } from '../hosts/desktop/menu-template';
import { openExternalLink } from './external-links';

function toItem(entry: MenuEntry): MenuItemConstructorOptions {
  if ('role' in entry) return { role: entry.role };
  if ('type' in entry) return { type: 'separator' };
  if ('submenu' in entry) return { label: entry.label, submenu: entry.submenu.map(toItem) };
  if ('command' in entry) {
    return { label: entry.label, click: () => void shell.openPath(app.getPath('logs')) };
  }
  const { openUrl } = entry;
  return { label: entry.label, click: () => void openExternalLink(openUrl) };
}

/** The menus of menu-template.ts; DevTools and reload only in development. */
export function installMenu(options: { development: boolean }): void {
  const template = menuTemplate({ platform: process.platform, ...options });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(toItem)));
}
