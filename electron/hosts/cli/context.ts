import type { Backend } from '../../backend/backend';
import type { EventListener } from '../../backend/event-hub';
import type { OpenBackendOptions } from '../../backend/open-backend';
import type { PlatformPort } from '../../backend/platform';
import type {
  CallArgs,
  CallName,
  CallResult,
  ContractError,
} from '../../../shared/contract/contract';
import { CliPlatform } from './cli-platform';

export interface CliIo {
  /** Text, or bytes (an XLSX or Parquet export written to standard output). */
  stdout: (data: string | Uint8Array) => void;
  /** Whether standard output is a terminal (binary exports are not written to one). */
  stdoutIsTty?: boolean;
  stderr: (text: string) => void;
  /** All of standard input, for --token-stdin. */
  readStdin: () => Promise<string>;
  stdinIsTty: boolean;
  stderrIsTty: boolean;
  env: NodeJS.ProcessEnv;
}

/** What tests may replace; the product always uses the keychain and the system clock. */
export type CliOverrides = Pick<
  OpenBackendOptions,
  'secrets' | 'clock' | 'sync' | 'precomputeWorker' | 'gridWorker'
>;

/** The clock port, as the backend takes it (hosts do not import adapters). */
export type CliClock = NonNullable<CliOverrides['clock']>;
const SYSTEM_CLOCK: CliClock = { now: () => new Date() };

/** A command line that names something that does not exist (a format, an entity). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A call the backend refused: its message and next step, as the contract carries them. */
export class CallFailedError extends Error {
  override readonly name = 'CallFailedError';
  constructor(readonly error: ContractError) {
    super(error.message);
  }
}

/**
 * What a command needs: the backend behind the one door, loaded and opened on first use (a
 * command that never calls it, such as --help, loads no backend code and creates no database),
 * and this invocation's platform.
 */
export class CliContext {
  readonly platform: CliPlatform;
  /** The running command's words after s1inv, and whether it was asked for --json. */
  commandPath = '';
  jsonWanted = false;
  jsonPrinted = false;
  private opened: Promise<Backend> | undefined;

  constructor(
    readonly io: CliIo,
    private readonly dataDirFlag: () => string | undefined,
    private readonly overrides: CliOverrides = {},
    private readonly verbose: () => boolean = () => false,
  ) {
    this.platform = new CliPlatform(io.env);
  }

  /** The run's clock: a test's, or the system's (the backend's own default too). */
  get clock(): CliClock {
    return this.overrides.clock ?? SYSTEM_CLOCK;
  }

  /** A backend for another host on the same data directory (`serve`). */
  async openBackend(
    platform: PlatformPort,
    options: Pick<OpenBackendOptions, 'offerDemoConsole' | 'log' | 'loadGridApart'> = {},
  ): Promise<Backend> {
    const { openBackend } = await import('../../backend/open-backend');
    return openBackend({
      dataDir: this.dataDirFlag(),
      env: this.io.env,
      platform,
      ...this.overrides,
      // --verbose: the backend's log lines on stderr.
      ...(this.verbose() ? { log: { write: (line: string) => this.io.stderr(line) } } : {}),
      ...options,
    });
  }

  /** Calls the backend; a refusal becomes a CallFailedError for main to print. */
  async call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>> {
    const [backend, { dispatch }] = await Promise.all([
      this.backend(),
      import('../../backend/dispatch'),
    ]);
    const envelope = await dispatch(backend, name, args);
    if (!envelope.ok) throw new CallFailedError(envelope.error);
    return envelope.value as CallResult<K>;
  }

  /** Backend events (progress) while a call runs. */
  async on(listener: EventListener): Promise<() => void> {
    return (await this.backend()).events.subscribe(listener);
  }

  private backend(): Promise<Backend> {
    this.opened ??= this.openBackend(this.platform);
    return this.opened;
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

  async close(): Promise<void> {
    await (await this.opened)?.close();
  }
}
