// Run as a child process by the keychain tests: tries each SecretStore call once and prints
// what happened as JSON, so a test can give this process a broken or missing Secret Service.
import { KeyringSecretStore } from '../../electron/adapters/secrets/keyring-store';

const store = new KeyringSecretStore();
const outcome = async (call: () => Promise<unknown>) => {
  try {
    return { ok: true, value: (await call()) ?? null };
  } catch (error) {
    return { ok: false, name: (error as Error).name, message: (error as Error).message };
  }
};
const account = process.argv[2] ?? 'console:probe';
console.log(
  JSON.stringify({
    get: await outcome(() => store.get(account)),
    set: await outcome(() => store.set(account, 'probe-secret-value')),
    delete: await outcome(() => store.delete(account)),
  }),
);
