import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { KEYCHAIN_SERVICE, SecretStoreUnavailableError, type SecretStore } from './secret-store';

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager, the
 * Secret Service on Linux (gnome-keyring, KWallet).
 */
export class KeyringSecretStore implements SecretStore {
  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async get(account: string): Promise<string | undefined> {
    let secret: string | null;
    try {
      secret = await new AsyncEntry(this.service, account).getPassword();
    } catch (error) {
      throw new SecretStoreUnavailableError('read', reasonOf(error));
    }
    if (secret !== null) return secret;
    // On Linux an unreachable Secret Service also reads as "no entry": ask it something that
    // needs a live connection before calling the secret absent.
    try {
      await findCredentialsAsync(this.service);
    } catch (error) {
      throw new SecretStoreUnavailableError('read', reasonOf(error));
    }
    return undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.requireLiveService('store');
    try {
      await new AsyncEntry(this.service, account).setPassword(secret);
    } catch (error) {
      throw new SecretStoreUnavailableError('store', reasonOf(error));
    }
  }

  async delete(account: string): Promise<boolean> {
    await this.requireLiveService('delete');
    try {
      return await new AsyncEntry(this.service, account).deletePassword();
    } catch (error) {
      throw new SecretStoreUnavailableError('delete', reasonOf(error));
    }
  }

  /**
   * On Linux the keyring keeps a copy of each secret in the kernel's keyutils store beside the
   * Secret Service, and with the Secret Service unreachable a write to an account that copy
   * already holds "succeeds" in the kernel alone: the token would be gone after a reboot, with
   * no error. So a write or delete first asks the Secret Service something that needs a live
   * connection. Elsewhere the platform store is the only store.
   */
  private async requireLiveService(action: 'store' | 'delete'): Promise<void> {
    if (this.platform !== 'linux') return;
    try {
      await findCredentialsAsync(this.service);
    } catch (error) {
      throw new SecretStoreUnavailableError(action, reasonOf(error));
    }
  }
}

/** The native error's own words (they never contain the secret), shortened to one line. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}
