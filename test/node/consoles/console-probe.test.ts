import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { FakeS1Console } from '../../support/fake-s1/server';
import { memoryBackend } from '../../support/memory-backend';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

// Test connection before saving (issue 15): the settings as typed, the token used once and
// kept nowhere, nothing saved.

const TOKEN = 'tok-probe-2b7e';
const tempDir = useTempDirs();
let s1: FakeS1Console;
beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
});
afterAll(() => s1.close());

describe('consoles.probe', () => {
  it('reports a working console and a refused token, and saves nothing either way', async () => {
    const secrets = new MemorySecretStore();
    const backend = memoryBackend(tempDir(), { secrets });
    const good = await dispatch(backend, 'consoles.probe', { url: s1.url, token: TOKEN });
    expect(good).toMatchObject({ ok: true, value: { ok: true, outcome: 'ok' } });
    const bad = await dispatch(backend, 'consoles.probe', { url: s1.url, token: 'bad-tok-93x' });
    expect(bad).toMatchObject({ ok: true, value: { ok: false } });
    expect(JSON.stringify(bad)).not.toContain('bad-tok-93x');
    expect(await dispatch(backend, 'consoles.list', {})).toEqual({ ok: true, value: [] });
    expect(await secrets.get('console:unsaved')).toBeUndefined();
    const badUrl = await dispatch(backend, 'consoles.probe', { url: 'ftp://x', token: TOKEN });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await backend.close();
  });
});
