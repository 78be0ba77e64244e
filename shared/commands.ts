// The app's commands and their shortcuts, one table for both hosts: Electron's menus show the
// accelerators and send the command to the page; in a browser the page maps the same keys.

export const APP_COMMANDS = [
  { id: 'find', label: 'Find', accelerator: 'CmdOrCtrl+F' },
  { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E' },
  { id: 'syncAll', label: 'Sync all consoles', accelerator: 'CmdOrCtrl+Shift+S' },
  { id: 'go.overview', label: 'Overview', accelerator: 'CmdOrCtrl+1' },
  { id: 'go.consoles', label: 'Consoles', accelerator: 'CmdOrCtrl+2' },
  { id: 'go.devices', label: 'Devices', accelerator: 'CmdOrCtrl+3' },
  { id: 'go.audit', label: 'Audit log', accelerator: 'CmdOrCtrl+4' },
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number]['id'];

export const isAppCommand = (value: unknown): value is AppCommand =>
  APP_COMMANDS.some((command) => command.id === value);

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press stands for, as Electron reads the accelerator (Cmd on macOS). */
export function commandForKey(press: KeyPress, mac: boolean): AppCommand | undefined {
  if (press.altKey || (mac ? !press.metaKey || press.ctrlKey : !press.ctrlKey || press.metaKey)) {
    return undefined;
  }
  const key = press.key.length === 1 ? press.key.toUpperCase() : press.key;
  return APP_COMMANDS.find(({ accelerator }) => {
    const parts = accelerator.split('+');
    const wantsShift = parts.includes('Shift');
    return parts.at(-1) === key && wantsShift === press.shiftKey;
  })?.id;
}
