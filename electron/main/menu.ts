import { Menu, type MenuItemConstructorOptions } from 'electron';
import { openExternalLink } from './external-links';

/** The standard menus, plus Help → SentinelOne and Sekoia API documentation. */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Sekoia.io asset connectors',
          click: () => void openExternalLink('https://docs.sekoia.io/'),
        },
        {
          label: 'OCSF Device Inventory Info',
          click: () => void openExternalLink('https://schema.ocsf.io/1.6.0/classes/inventory_info'),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
