import { describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { openDatabase } from '../../../electron/adapters/db/database';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('app.openExternal', () => {
  it('opens links to the help pages and the configured consoles’ hosts only', async () => {
    const opened: string[] = [];
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const backend = new Backend({
      db,
      secrets: new MemorySecretStore(),
      clock: { now: () => new Date('2027-01-01T00:00:00Z') },
      dataDir,
      platform: {
        transport: 'electron',
        chooseExportFile: () => Promise.resolve(undefined),
        openExternal: (url) => {
          opened.push(url);
          return Promise.resolve(true);
        },
      },
    });
    await dispatch(backend, 'consoles.add', { name: 'acme', url: 'https://acme.sentinelone.net' });
    const open = async (url: string) => {
      const result = await dispatch(backend, 'app.openExternal', { url });
      return result.ok && (result.value as { opened: boolean }).opened;
    };
    expect(await open('https://acme.sentinelone.net/dashboard')).toBe(true);
    expect(await open('https://docs.sekoia.io/integration/')).toBe(true);
    expect(await open('https://evil.example/phish')).toBe(false);
    expect(await open('http://acme.sentinelone.net/')).toBe(false);
    expect(opened).toEqual([
      'https://acme.sentinelone.net/dashboard',
      'https://docs.sekoia.io/integration/',
    ]);
    await backend.close();
    db.close();
  });
});
