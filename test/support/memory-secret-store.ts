import type { SecretStore } from '../../electron/adapters/secrets/secret-store';
import { SecretStoreUnavailableError } from '../../electron/adapters/secrets/secret-store';

/**
 * An in-memory SecretStore for unit tests only; the product always uses the OS keychain.
 * `unavailable` makes every call fail as a missing keychain does.
 */
export class MemorySecretStore implements SecretStore {
  readonly secrets = new Map<string, string>();
  unavailable = false;

  async get(account: string): Promise<string | undefined> {
    this.check('read');
    return this.secrets.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    this.check('store');
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.check('delete');
    return this.secrets.delete(account);
  }

  private check(operation: 'read' | 'store' | 'delete'): void {
    if (this.unavailable) throw new SecretStoreUnavailableError(operation, 'test: no keychain');
  }
}
