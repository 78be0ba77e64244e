/**
 * What differs between the desktop app and the browser host, as the backend sees it. Electron
 * shows a native save dialog in its main process; `s1inv serve` writes into a download folder
 * and hands the browser a URL.
 */
export interface PlatformPort {
  readonly transport: 'electron' | 'browser';
  /** Where an export goes; undefined when the analyst cancelled the dialog. */
  chooseExportFile(suggestedName: string): Promise<ExportDestination | undefined>;
  /** The one way to open a link outside the app; https only (see platform/external-url.ts). */
  openExternal(url: string): Promise<boolean>;
}

export interface ExportDestination {
  path: string;
  /** Browser host: the URL the renderer downloads the written file from. */
  downloadUrl?: string;
  /** For the audit log: what the analyst would call the destination. */
  description: string;
}
