import { AppError } from '../../../shared/errors/app-error';
import { nextStep } from '../../../shared/errors/next-step';

/**
 * Where API tokens and keys live: the OS keychain, and nowhere else. The port lets the rest of
 * the backend depend on this contract instead of on a native module.
 *
 * - `get` answers `undefined` when no secret is stored under the account (absent), and throws
 *   `SecretStoreUnavailableError` when the keychain cannot be read (unreachable, locked,
 *   refused). Callers can tell the two apart.
 * - `set` either stores the secret or throws; there is no plaintext fallback.
 */
export interface SecretStore {
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 's1-inventory';

export const consoleAccount = (consoleId: string) => `console:${consoleId}`;
export const sekoiaAccount = (targetId: string) => `sekoia:${targetId}`;

/** The keychain cannot be used at all. The message names the fix; it never holds a secret. */
export class SecretStoreUnavailableError extends AppError {
  override readonly name = 'SecretStoreUnavailableError';
  readonly code = 'keychain_unavailable';
  constructor(
    readonly operation: 'read' | 'store' | 'delete',
    readonly reason: string,
  ) {
    super(
      `The OS keychain could not ${operation === 'read' ? 'be read' : operation === 'store' ? 'store the secret' : 'delete the secret'} (${reason}). ` +
        'Unlock it, or install and start a Secret Service such as gnome-keyring or KWallet; ' +
        'or, where no keychain can run, supply the secret for each run instead of storing it.',
      { nextStep: nextStep('fix_keychain') },
    );
  }
}

/**
 * Deletes a secret when an item is removed. When the record says one is stored, the keychain
 * must answer (no orphaned secret); when it says none is, a missing keychain is no reason to
 * refuse the removal, so only a reachable keychain is tidied.
 */
export async function forgetSecret(
  store: SecretStore,
  account: string,
  stored: boolean,
): Promise<void> {
  try {
    await store.delete(account);
  } catch (error) {
    if (stored || !(error instanceof SecretStoreUnavailableError)) throw error;
  }
}
