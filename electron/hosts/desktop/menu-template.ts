import { APP_COMMANDS, type AppCommand } from '../../../shared/commands';

// The app's menus as data, free of Electron so a Node test can read them: main turns each entry
// into a MenuItem. DevTools and reload exist only in development.

export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll';

export type MenuEntry =
  | { role: MenuRole }
  | { type: 'separator' }
  | { label: string; submenu: MenuEntry[] }
  | { label: string; openUrl: string }
  /** Something only main can do. */
  | { label: string; command: 'openLogsFolder' }
  /** A command of the page's, sent to it (shared/commands.ts). */
  | { label: string; appCommand: AppCommand; accelerator: string };

const commandItem = (id: AppCommand): MenuEntry => {
  const command = APP_COMMANDS.find((entry) => entry.id === id)!;
  return { label: command.label, appCommand: command.id, accelerator: command.accelerator };
};

const separator = { type: 'separator' } as const;

export function menuTemplate(options: { platform: string; development: boolean }): MenuEntry[] {
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        commandItem('syncAll'),
        commandItem('export'),
        separator,
        { role: options.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        commandItem('find'),
      ],
    },
    {
      label: 'Go',
      submenu: [
        commandItem('go.overview'),
        commandItem('go.consoles'),
        commandItem('go.devices'),
        commandItem('go.audit'),
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(options.development
          ? [
              { role: 'reload' as const },
              { role: 'forceReload' as const },
              { role: 'toggleDevTools' as const },
              separator,
            ]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      label: 'Help',
      submenu: [
        { label: 'Sekoia.io asset connectors', openUrl: 'https://docs.sekoia.io/' },
        {
          label: 'OCSF Device Inventory Info',
          openUrl: 'https://schema.ocsf.io/1.6.0/classes/inventory_info',
        },
        separator,
        { label: 'Open logs folder', command: 'openLogsFolder' },
      ],
    },
  ];
}
