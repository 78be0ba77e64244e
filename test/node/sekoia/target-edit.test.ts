import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { memoryBackend } from '../../support/memory-backend';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { sekoiaAccount } from '../../../electron/adapters/secrets/secret-store';
import { useTempDirs } from '../../support/temp-dir';

// A Sekoia target is edited, re-keyed and deleted from the GUI (issue 15); its key stays in the
// keychain, goes only to the origin it was stored for, and is never handed back.

const tempDir = useTempDirs();
const UUID = '3f1e0c2a-9b7d-4e55-8a10-5c2d7e9f0a11';

describe('sekoia.edit', () => {
  it('changes settings and keeps the key, re-keys, and forgets a key whose target moved', async () => {
    const secrets = new MemorySecretStore();
    const backend = memoryBackend(tempDir(), { secrets });
    await dispatch(backend, 'sekoia.add', { name: 'soc', connectorUuid: UUID, apiKey: 'key-1' });
    const keyOf = () => secrets.get(sekoiaAccount(backend.targets.get('soc').id));
    expect(await keyOf()).toBe('key-1');

    const batch = await dispatch(backend, 'sekoia.edit', {
      name: 'SOC',
      changes: { batchSize: 200, name: 'SOC' },
    });
    expect(batch).toMatchObject({
      ok: true,
      value: { name: 'SOC', batchSize: 200, keyStored: true, keyDropped: false },
    });
    expect(JSON.stringify(batch)).not.toContain('key-1');

    const rekeyed = await dispatch(backend, 'sekoia.edit', {
      name: 'soc',
      changes: { apiKey: 'key-2' },
    });
    expect(rekeyed).toMatchObject({ ok: true, value: { keyStored: true, keyDropped: false } });
    expect(await backend.targets.apiKey(backend.targets.get('soc'))).toBe('key-2');

    const moved = await dispatch(backend, 'sekoia.edit', {
      name: 'soc',
      changes: { baseUrl: 'https://app.usa1.sekoia.io' },
    });
    expect(moved).toMatchObject({ ok: true, value: { keyStored: false, keyDropped: true } });
    expect(await keyOf()).toBeUndefined();

    // An endpoint of its own, then back to the one the base URL and connector make.
    const custom = 'https://app.usa1.sekoia.io/custom/intake';
    const own = await dispatch(backend, 'sekoia.edit', {
      name: 'soc',
      changes: { endpoint: custom },
    });
    expect(own).toMatchObject({ ok: true, value: { endpoint: custom, endpointUrl: custom } });
    const back = await dispatch(backend, 'sekoia.edit', { name: 'soc', changes: { endpoint: '' } });
    expect(back.ok && back.value).not.toHaveProperty('endpoint');
    expect(back.ok && (back.value as { endpointUrl: string }).endpointUrl).toContain(
      `/asset-connector/${UUID}`,
    );
    await backend.close();
  });

  it('refuses a name another target has, and a connector that is not a UUID, changing nothing', async () => {
    const backend = memoryBackend(tempDir());
    await dispatch(backend, 'sekoia.add', { name: 'a', connectorUuid: UUID });
    await dispatch(backend, 'sekoia.add', { name: 'b', connectorUuid: UUID });
    const taken = await dispatch(backend, 'sekoia.edit', { name: 'a', changes: { name: 'B' } });
    expect(!taken.ok && taken.error.message).toMatch(/named "B" already exists/);
    const bad = await dispatch(backend, 'sekoia.edit', {
      name: 'a',
      changes: { connectorUuid: 'nope', batchSize: 10 },
    });
    expect(!bad.ok && bad.error.message).toMatch(/"nope" is not a UUID/);
    const unknown = await dispatch(backend, 'sekoia.edit', {
      name: 'a',
      changes: { token: 'x' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(backend.targets.get('a')).toMatchObject({ name: 'a', batchSize: 1000 });
    await backend.close();
  });
});
