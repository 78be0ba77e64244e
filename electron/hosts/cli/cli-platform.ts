import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExportDestination, PlatformPort, SecretRef } from '../../backend/platform';
import { secretFromEnv } from './env-secret';

/**
 * The CLI's platform: an export goes where `--out` says, nothing is opened, and a secret named
 * by `--token-env`/`--api-key-env` stands in for the keychain's for this one invocation.
 */
export class CliPlatform implements PlatformPort {
  readonly transport = 'cli' as const;
  private out: string | undefined;
  /** `--out -`: the export is written to a private file, then copied to standard output. */
  private stdoutFolder: string | undefined;
  private readonly secrets = new Map<SecretRef['kind'], string>();

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** Where the next export goes (the command's `--out`; `-` is standard output). */
  exportTo(path: string): void {
    if (path !== '-') {
      this.out = resolve(path);
      return;
    }
    // Whole before it is sent: a failed export writes nothing to the pipe, not half a file.
    this.stdoutFolder = mkdtempSync(join(tmpdir(), 's1inv-stdout-'));
    this.out = join(this.stdoutFolder, 'export');
  }

  /** Sends an export written for standard output there, then removes it. */
  async sendExport(write: (data: Uint8Array) => void): Promise<void> {
    const folder = this.stdoutFolder;
    if (folder === undefined) return;
    try {
      for await (const chunk of createReadStream(this.out!)) write(chunk as Buffer);
    } finally {
      this.discardExport();
    }
  }

  /** Removes an export written for standard output that will not be sent (it failed). */
  discardExport(): void {
    if (this.stdoutFolder !== undefined)
      rmSync(this.stdoutFolder, { recursive: true, force: true });
    this.stdoutFolder = undefined;
  }

  /** Reads the secret now, so an empty variable fails before any work starts. */
  useSecretFrom(kind: SecretRef['kind'], variable: string | undefined): void {
    if (variable === undefined) return;
    const flag = kind === 'console' ? '--token-env' : '--api-key-env';
    this.secrets.set(kind, secretFromEnv(variable, this.env, flag));
  }

  chooseExportFile(): Promise<ExportDestination | undefined> {
    if (this.out === undefined) return Promise.resolve(undefined);
    const description = this.stdoutFolder === undefined ? this.out : 'standard output';
    return Promise.resolve({ path: this.out, description });
  }

  openExternal(): Promise<boolean> {
    return Promise.resolve(false);
  }

  secretOverride({ kind }: SecretRef): string | undefined {
    return this.secrets.get(kind);
  }
}
