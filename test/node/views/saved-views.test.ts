import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { memoryBackend } from '../../support/memory-backend';
import { useTempDirs } from '../../support/temp-dir';
import type { Envelope } from '../../../shared/contract/contract';
import type { SavedView } from '../../../shared/contract/views';

// Saved views live in the database (issue 15): the app and every `serve` launch share them,
// they survive restarts, and a team's configuration file carries them.

const tempDir = useTempDirs();
const laptops = { search: 'laptop', quick: ['stale'], staleDays: 45, columns: [{ colId: 'os' }] };

describe('saved views', () => {
  it('are saved, renamed, made the default and deleted, and outlast the backend', async () => {
    const dir = tempDir();
    const backend = memoryBackend(dir);
    expect(await dispatch(backend, 'views.list', {})).toEqual({ ok: true, value: [] });
    await dispatch(backend, 'views.save', { name: 'Laptops', state: laptops, makeDefault: true });
    await dispatch(backend, 'views.save', { name: 'servers', state: { search: 'srv' } });
    // Saving under an existing name (any case) replaces that view.
    await dispatch(backend, 'views.save', { name: 'SERVERS', state: { search: 'server' } });
    const renamed = await dispatch(backend, 'views.rename', { name: 'laptops', to: 'Old laptops' });
    expect(renamed).toEqual({
      ok: true,
      value: { name: 'Old laptops', state: laptops, isDefault: true },
    });
    await backend.close();

    const reopened = memoryBackend(dir);
    expect(await dispatch(reopened, 'views.list', {})).toEqual({
      ok: true,
      value: [
        { name: 'Old laptops', state: laptops, isDefault: true },
        { name: 'SERVERS', state: { search: 'server' }, isDefault: false },
      ],
    });
    // One default at a time; none at all when asked.
    await dispatch(reopened, 'views.setDefault', { name: 'servers' });
    const defaults = async () => {
      const list = (await dispatch(reopened, 'views.list', {})) as Envelope<SavedView[]>;
      return list.ok ? list.value.filter((v) => v.isDefault).map((v) => v.name) : list;
    };
    expect(await defaults()).toEqual(['SERVERS']);
    expect(await dispatch(reopened, 'views.setDefault', {})).toEqual({ ok: true, value: {} });
    expect(await defaults()).toEqual([]);
    expect(await dispatch(reopened, 'views.delete', { name: 'old LAPTOPS' })).toEqual({
      ok: true,
      value: { deleted: 'Old laptops' },
    });
    await reopened.close();
  });

  it('refuse a rename onto another view and name a view that is not there', async () => {
    const backend = memoryBackend(tempDir());
    await dispatch(backend, 'views.save', { name: 'a', state: {} });
    await dispatch(backend, 'views.save', { name: 'b', state: {} });
    const taken = await dispatch(backend, 'views.rename', { name: 'a', to: 'B' });
    expect(taken).toMatchObject({
      ok: false,
      error: { name: 'ViewNameTakenError', code: 'conflict' },
    });
    const missing = await dispatch(backend, 'views.delete', { name: 'c' });
    expect(missing).toMatchObject({
      ok: false,
      error: { name: 'ViewNotFoundError', code: 'not_found' },
    });
    expect(!missing.ok && missing.error.message).toMatch(/no saved view named "c"/);
    // A state too large for a view is refused at the boundary.
    const huge = await dispatch(backend, 'views.save', {
      name: 'x',
      state: { s: 'x'.repeat(70_000) },
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await backend.close();
  });

  it('travel in the configuration file, with the default', async () => {
    const from = memoryBackend(tempDir());
    await dispatch(from, 'views.save', { name: 'Laptops', state: laptops, makeDefault: true });
    const exported = (await dispatch(from, 'config.export', {})) as Envelope<{ json: string }>;
    if (!exported.ok) throw new Error(exported.error.message);
    expect(JSON.parse(exported.value.json).views).toEqual([
      { name: 'Laptops', state: laptops, default: true },
    ]);
    const to = memoryBackend(tempDir());
    await dispatch(to, 'views.save', { name: 'mine', state: {} });
    const imported = await dispatch(to, 'config.import', { json: exported.value.json });
    expect(imported).toMatchObject({ ok: true, value: { views: ['Laptops'] } });
    expect(await dispatch(to, 'views.list', {})).toEqual({
      ok: true,
      value: [
        { name: 'Laptops', state: laptops, isDefault: true },
        { name: 'mine', state: {}, isDefault: false },
      ],
    });
    // Two views of one name in a file: nothing is imported, and the problem is named.
    const twice = JSON.stringify({
      format: 's1-inventory-config',
      version: 1,
      consoles: [],
      views: [
        { name: 'x', state: {} },
        { name: 'X', state: {} },
      ],
    });
    const refused = await dispatch(to, 'config.import', { json: twice });
    expect(!refused.ok && refused.error.message).toMatch(/\$\.views\[1\]\.name: "X" also names/);
    await from.close();
    await to.close();
  });
});
