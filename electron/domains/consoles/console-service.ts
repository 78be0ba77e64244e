import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/platform/clock';
import {
  consoleAccount,
  forgetSecret,
  type SecretStore,
} from '../../adapters/secrets/secret-store';
import type { ConsoleRepository, ConsoleRecord } from '../../storage/console-repository';
import type { ConsoleSettings } from '../../../shared/contract/console-settings';
import { checkSettings, mergedSettings, parseApis } from './console-settings';
import type { SyncLocks } from '../../storage/sync-lock-store';
import {
  ConsoleHasDataError,
  ConsoleNotFoundError,
  ConsoleSyncingError,
  DuplicateConsoleError,
  TokenMissingError,
} from './errors';

/** A new console's settings, and its token, which goes straight to the OS keychain. */
export type AddConsoleInput = ConsoleSettings & { token?: string };

export type EditConsoleInput = Partial<Omit<AddConsoleInput, 'token'>>;

export interface ConsoleServiceDeps {
  consoles: ConsoleRepository;
  /** The per-console sync locks a removal takes, so no sync writes into a console being deleted. */
  locks?: SyncLocks;
  secrets: SecretStore;
  clock: Clock;
  newId?: () => string;
  /** A token the host supplies for this call (the CLI's `--token-env`), over the keychain's. */
  tokenOverride?: (consoleName: string) => string | undefined;
}

/** Consoles and their tokens: the one place that keeps the table and the keychain in step. */
export class ConsoleService {
  private readonly repository: ConsoleRepository;
  private readonly newId: () => string;

  constructor(private readonly deps: ConsoleServiceDeps) {
    this.repository = deps.consoles;
    this.newId = deps.newId ?? randomUUID;
  }

  list(): ConsoleRecord[] {
    return this.repository.list();
  }

  get(name: string): ConsoleRecord {
    const found = this.repository.findByName(name.trim());
    if (!found) throw new ConsoleNotFoundError(name);
    return found;
  }

  /**
   * Adds a console. The token is stored first: if the keychain refuses it, no console row is
   * written, so a failed add leaves nothing half-created.
   */
  async add(input: AddConsoleInput): Promise<ConsoleRecord> {
    const { token, ...given } = input;
    const { settings, problems } = checkSettings(given);
    if (problems[0]) throw problems[0].error;
    const checked = mergedSettings({ apis: parseApis(undefined) }, settings);
    this.refuseDuplicates(checked.name, checked.url);

    const now = this.deps.clock.now().toISOString();
    const record: ConsoleRecord = {
      id: this.newId(),
      ...checked,
      tokenStored: token !== undefined,
      createdAt: now,
      updatedAt: now,
    };
    if (input.token !== undefined)
      await this.deps.secrets.set(consoleAccount(record.id), input.token);
    try {
      this.repository.insert(record);
    } catch (error) {
      if (input.token !== undefined) {
        await this.deps.secrets.delete(consoleAccount(record.id)).catch(() => false);
      }
      throw error;
    }
    return record;
  }

  /**
   * Edits a console's settings (not its token: see setToken). An empty proxy or CA bundle
   * removes it. The name and URL stay unique. A token is only ever sent to the origin it was
   * stored for: a new origin drops the stored token, and the caller asks for one again.
   */
  async edit(
    name: string,
    changes: EditConsoleInput,
  ): Promise<ConsoleRecord & { tokenDropped: boolean }> {
    const record = this.get(name);
    const { settings, problems } = checkSettings(changes);
    if (problems[0]) throw problems[0].error;
    const { id, tokenStored, createdAt } = record;
    const checked = mergedSettings(record, settings);
    const { url } = checked;
    this.refuseDuplicates(checked.name, url, id);
    const updated: ConsoleRecord = {
      id,
      ...checked,
      tokenStored,
      createdAt,
      updatedAt: this.deps.clock.now().toISOString(),
    };
    const tokenDropped = record.tokenStored && !sameTokenPath(record, checked);
    if (tokenDropped) {
      // The record first: should the keychain fail, the token is still never used again.
      this.repository.update({ ...updated, tokenStored: false });
      await this.deps.secrets.delete(consoleAccount(record.id));
      return { ...updated, tokenStored: false, tokenDropped };
    }
    this.repository.update(updated);
    return { ...updated, tokenDropped };
  }

  /** Forgets the tokens of consoles whose URL moved to another origin (a config import). */
  async dropTokens(consoleIds: readonly string[]): Promise<void> {
    for (const id of consoleIds) await this.deps.secrets.delete(consoleAccount(id));
  }

  /** Stores (or replaces) a console's token, e.g. when the old one expired. */
  async setToken(name: string, token: string): Promise<ConsoleRecord> {
    const record = this.get(name);
    await this.deps.secrets.set(consoleAccount(record.id), token);
    const updated = {
      ...record,
      tokenStored: true,
      updatedAt: this.deps.clock.now().toISOString(),
    };
    this.repository.update(updated);
    return updated;
  }

  /**
   * Removes the console and its keychain item; its synced data goes too, but only when the
   * caller confirms with `deleteData`. The keychain goes first: no orphaned token.
   */
  async remove(name: string, options: { deleteData?: boolean } = {}): Promise<ConsoleRecord> {
    const record = this.get(name);
    const data = this.repository.dataCounts(record.id);
    if (!options.deleteData && Object.values(data).some((n) => n > 0)) {
      throw new ConsoleHasDataError(record.name, data);
    }
    // The console's sync lock first: a sync in another process would otherwise fail on a foreign
    // key, or report "complete" with nothing kept (issue 27, N26). The lock row goes with it.
    const holder = this.deps.locks?.acquire(record.id, this.deps.clock.now());
    if (holder) throw new ConsoleSyncingError(record.name, holder);
    try {
      await forgetSecret(this.deps.secrets, consoleAccount(record.id), record.tokenStored);
      this.repository.delete(record.id);
    } finally {
      this.deps.locks?.release(record.id);
    }
    return record;
  }

  /** The stored token of a console; it is only ever returned to the caller that sends it. */
  /** The token for a call: the host's override for this call, else the keychain's. */
  tokenFor(record: ConsoleRecord): Promise<string> {
    const override = this.deps.tokenOverride?.(record.name);
    return override === undefined ? this.token(record) : Promise.resolve(override);
  }

  async token(record: ConsoleRecord): Promise<string> {
    // A record without a stored token never reads the keychain: a token left behind there
    // (a URL moved to another origin, a keychain that failed to delete) is never sent.
    if (!record.tokenStored) throw new TokenMissingError(record.name);
    const stored = await this.deps.secrets.get(consoleAccount(record.id));
    if (stored === undefined) throw new TokenMissingError(record.name);
    return stored;
  }

  private refuseDuplicates(name: string, url: string, self?: string): void {
    const sameName = this.repository.findByName(name);
    if (sameName && sameName.id !== self) {
      throw new DuplicateConsoleError(
        `A console named "${sameName.name}" already exists. Choose another name, or remove that console first.`,
      );
    }
    const sameUrl = this.repository.findByUrl(url);
    if (sameUrl && sameUrl.id !== self) {
      throw new DuplicateConsoleError(
        `The console ${url} is already configured as "${sameUrl.name}". Use that one, or remove it first.`,
      );
    }
  }
}

/** Scheme, host and port: where a token may go. */
export function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/**
 * Whether a stored token may travel the way these settings send it: to the same origin, and
 * through no proxy or CA bundle it was not stored with. A proxy or a CA bundle is as much a part
 * of where the token goes as the URL: a named proxy with a named CA reads every header (issue
 * 27, R4). Removing one sends the token straight to its origin under the system's CAs, which
 * no one new can read, so the token stays.
 */
export function sameTokenPath(
  before: Pick<ConsoleRecord, 'url' | 'proxyUrl' | 'caBundle'>,
  after: Pick<ConsoleRecord, 'url' | 'proxyUrl' | 'caBundle'>,
): boolean {
  const keeps = (key: 'proxyUrl' | 'caBundle') =>
    after[key] === undefined || after[key] === before[key];
  return sameOrigin(before.url, after.url) && keeps('proxyUrl') && keeps('caBundle');
}
