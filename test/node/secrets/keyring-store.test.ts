import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { KeyringSecretStore } from '../../../electron/adapters/secrets/keyring-store';
import { secretToolLookup } from '../../support/secret-service';

// Against a real Secret Service (gnome-keyring on a private D-Bus session, see global-setup).

describe('KeyringSecretStore on a real Secret Service', () => {
  const store = new KeyringSecretStore();
  const env = inject('secretServiceEnv');

  it('stores, reads back and deletes a secret under service s1-inventory', async () => {
    const account = `console:${randomUUID()}`;
    await store.set(account, 'tok-ABC-123');
    expect(await store.get(account)).toBe('tok-ABC-123');
    expect(secretToolLookup(env, account)).toBe('tok-ABC-123');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeUndefined();
    expect(secretToolLookup(env, account)).toBeUndefined();
  });

  it('answers undefined for an absent secret and false for deleting one', async () => {
    expect(await store.get(`console:${randomUUID()}`)).toBeUndefined();
    expect(await store.delete(`console:${randomUUID()}`)).toBe(false);
  });

  it.each([
    ['no D-Bus session at all', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus' }],
    ['no session address', { DBUS_SESSION_BUS_ADDRESS: '', XDG_RUNTIME_DIR: '/nonexistent' }],
  ])('names the failure when the keychain is unreachable (%s)', async (_case, brokenEnv) => {
    // Stored first while the Secret Service is up, so the kernel's keyutils store holds a copy
    // too: a write that reached only that copy would once have passed for a stored secret.
    const account = `console:${randomUUID()}`;
    await store.set(account, 'stored-while-up');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/keyring-probe.ts', account],
      {
        env: { ...process.env, ...brokenEnv },
        encoding: 'utf8',
      },
    );
    await store.delete(account);
    const result = JSON.parse(child.stdout) as Record<
      string,
      { ok: boolean; name?: string; message?: string }
    >;
    for (const call of ['get', 'set', 'delete']) {
      expect(result[call], call).toMatchObject({ ok: false, name: 'SecretStoreUnavailableError' });
      expect(result[call]?.message).toMatch(/gnome-keyring or KWallet/);
      expect(result[call]?.message).toMatch(/supply the secret for each run/);
      expect(result[call]?.message).not.toContain('probe-secret-value');
    }
  });
});
