import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real Secret Service for the tests: a private D-Bus session bus with gnome-keyring's
// secrets component, unlocked with a throwaway password, in a throwaway HOME. Nothing touches
// the developer's own keychain. .ci/run installs dbus and gnome-keyring.

export interface SecretServiceSession {
  /** The environment a process needs to use this Secret Service. */
  env: Record<string, string>;
  stop(): void;
}

export function startSecretService(): SecretServiceSession {
  const home = mkdtempSync(join(tmpdir(), 's1inv-keyring-'));
  const runtime = join(home, 'run');
  spawnSync('mkdir', ['-m', '700', '-p', runtime]);
  // The bus and the keyring stand for the OS's own services: they keep the machine's clock when
  // the tests run under faketime (the suite is tried at other dates). Under a faked monotonic
  // clock their GLib timeouts fire at random and calls hang.
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...unfaked } = process.env;
  const base = {
    ...unfaked,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, 'data'),
  };

  const bus = spawnSync(
    'dbus-daemon',
    ['--session', '--fork', '--print-address=1', '--print-pid=1'],
    {
      env: base,
      encoding: 'utf8',
    },
  );
  if (bus.status !== 0) {
    throw new Error(
      `could not start a D-Bus session (is dbus installed?): ${bus.stderr || bus.error}`,
    );
  }
  const [address, pid] = bus.stdout.trim().split('\n');
  const env = { DBUS_SESSION_BUS_ADDRESS: address!, HOME: home, XDG_RUNTIME_DIR: runtime };

  const keyring = spawnSync(
    'gnome-keyring-daemon',
    ['--unlock', '--components=secrets', '--daemonize'],
    { env: { ...base, ...env }, input: 's1inv-test-password', encoding: 'utf8' },
  );
  if (keyring.status !== 0) {
    spawnSync('kill', [pid!]);
    throw new Error(
      `could not start gnome-keyring (is it installed?): ${keyring.stderr || keyring.error}`,
    );
  }
  const keyringPid = /GNOME_KEYRING_PID=(\d+)/.exec(keyring.stdout)?.[1];

  return {
    env,
    stop() {
      if (keyringPid) spawnSync('kill', [keyringPid]);
      spawnSync('kill', [pid!]);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** What the Secret Service holds for an S1 Inventory account, read with libsecret's own tool. */
export function secretToolLookup(env: Record<string, string>, account: string): string | undefined {
  const result = spawnSync(
    'secret-tool',
    ['lookup', 'service', 's1-inventory', 'username', account],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  return result.status === 0 ? result.stdout : undefined;
}
