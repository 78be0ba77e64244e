/**
 * What differs between hosts, as the backend sees it. Electron shows a native save dialog in
 * its main process; `s1inv serve` writes into a download folder and hands the browser a URL;
 * the CLI writes where `--out` says and takes secrets from `--token-env`/`--api-key-env`.
 */
export interface PlatformPort {
  readonly transport: 'electron' | 'browser' | 'cli';
  /** Where an export goes; undefined when the analyst cancelled the dialog. */
  chooseExportFile(suggestedName: string): Promise<ExportDestination | undefined>;
  /** The one way to open a link outside the app; https only (see platform/external-url.ts). */
  openExternal(url: string): Promise<boolean>;
  /**
   * A secret supplied for this call instead of the keychain's (the CLI's `--token-env VAR`);
   * undefined to use the stored one. Never persisted.
   */
  secretOverride?(secret: SecretRef): string | undefined;
}

export interface SecretRef {
  kind: 'console' | 'sekoia';
  /** The console's or the target's name. */
  name: string;
}

export interface ExportDestination {
  path: string;
  /** Browser host: the URL the renderer downloads the written file from. */
  downloadUrl?: string;
  /** For the audit log: what the analyst would call the destination. */
  description: string;
}
