import { homedir } from 'node:os';
import { openDatabase, type Db } from '../../adapters/db/database';
import { ConsoleService } from '../../domains/consoles/console-service';
import { resolveDataDir } from '../../adapters/platform/data-dir';
import { systemClock, type Clock } from '../../adapters/platform/clock';
import { KeyringSecretStore } from '../../adapters/secrets/keyring-store';
import type { SecretStore } from '../../adapters/secrets/secret-store';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, for --token-stdin. */
  readStdin: () => Promise<string>;
  stdinIsTty: boolean;
  stderrIsTty: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * What a command needs, opened on first use: a command that never touches the database (such
 * as --help) never creates one, and the keychain is only asked when a secret is needed.
 */
export class CliContext {
  private database: Db | undefined;
  private consoleService: ConsoleService | undefined;
  readonly clock: Clock = systemClock;

  constructor(
    readonly io: CliIo,
    private readonly dataDirFlag: () => string | undefined,
    readonly secrets: SecretStore = new KeyringSecretStore(),
  ) {}

  get dataDir(): string {
    return resolveDataDir({
      flag: this.dataDirFlag(),
      env: this.io.env,
      platform: process.platform,
      homeDir: homedir(),
    });
  }

  get db(): Db {
    this.database ??= openDatabase(this.dataDir);
    return this.database;
  }

  get consoles(): ConsoleService {
    this.consoleService ??= new ConsoleService({
      db: this.db,
      secrets: this.secrets,
      clock: this.clock,
    });
    return this.consoleService;
  }

  /** Reads a secret piped on standard input; the trailing newline of `echo` is not part of it. */
  async readSecretFromStdin(what: string): Promise<string> {
    if (this.io.stdinIsTty) this.io.stderr(`Paste the ${what}, then press Enter and Ctrl-D:\n`);
    const secret = (await this.io.readStdin()).trim();
    if (secret === '') {
      throw new Error(
        `No ${what} arrived on standard input. Pipe it in, e.g.: printenv S1_TOKEN | s1inv …`,
      );
    }
    return secret;
  }

  close(): void {
    this.database?.close();
  }
}
