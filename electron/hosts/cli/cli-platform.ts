import { resolve } from 'node:path';
import type { ExportDestination, PlatformPort, SecretRef } from '../../backend/platform';
import { secretFromEnv } from './env-secret';

/**
 * The CLI's platform: an export goes where `--out` says, nothing is opened, and a secret named
 * by `--token-env`/`--api-key-env` stands in for the keychain's for this one invocation.
 */
export class CliPlatform implements PlatformPort {
  readonly transport = 'cli' as const;
  private out: string | undefined;
  private readonly secrets = new Map<SecretRef['kind'], string>();

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** Where the next export goes (the command's `--out`). */
  exportTo(path: string): void {
    this.out = resolve(path);
  }

  /** Reads the secret now, so an empty variable fails before any work starts. */
  useSecretFrom(kind: SecretRef['kind'], variable: string | undefined): void {
    if (variable === undefined) return;
    const flag = kind === 'console' ? '--token-env' : '--api-key-env';
    this.secrets.set(kind, secretFromEnv(variable, this.env, flag));
  }

  chooseExportFile(): Promise<ExportDestination | undefined> {
    if (this.out === undefined) return Promise.resolve(undefined);
    return Promise.resolve({ path: this.out, description: this.out });
  }

  openExternal(): Promise<boolean> {
    return Promise.resolve(false);
  }

  secretOverride({ kind }: SecretRef): string | undefined {
    return this.secrets.get(kind);
  }
}
