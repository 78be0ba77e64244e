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
  | 'togglefullscreen';

export type MenuEntry =
  | { role: MenuRole }
  | { type: 'separator' }
  | { label: string; submenu: MenuEntry[] }
  | { label: string; openUrl: string }
  /** Something only main can do. */
  | { label: string; command: 'openLogsFolder' };

export function menuTemplate(options: { platform: string; development: boolean }): MenuEntry[] {
  const separator = { type: 'separator' } as const;
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
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
