import { describe, expect, it } from 'vitest';
import { ConsoleRepository } from '../../../electron/storage/console-repository';
import { openDatabase } from '../../../electron/adapters/db/database';
import { ConsoleService } from '../../../electron/domains/consoles/console-service';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const clock = { now: () => new Date('2026-11-23T12:00:00Z') };

describe('ConsoleService keeps the table and the keychain in step', () => {
  it('two racing adds of one name leave one console and one secret', async () => {
    const secrets = new MemorySecretStore();
    const service = new ConsoleService({
      consoles: new ConsoleRepository(openDatabase(tempDir())),
      secrets,
      clock,
    });
    const results = await Promise.allSettled([
      service.add({ name: 'prod', url: 'https://a.example.com', token: 'tok-a' }),
      service.add({ name: 'prod', url: 'https://b.example.com', token: 'tok-b' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(service.list()).toHaveLength(1);
    expect([...secrets.secrets.keys()]).toEqual([`console:${service.list()[0]!.id}`]);
  });

  it('does not remove a console whose token it cannot delete from the keychain', async () => {
    const secrets = new MemorySecretStore();
    const service = new ConsoleService({
      consoles: new ConsoleRepository(openDatabase(tempDir())),
      secrets,
      clock,
    });
    await service.add({ name: 'prod', url: 'https://a.example.com', token: 'tok-a' });
    secrets.unavailable = true;
    await expect(service.remove('prod')).rejects.toThrow(/OS keychain could not delete/);
    expect(service.list()).toHaveLength(1);
  });

  it('removes a console that never had a stored token even with no keychain at all', async () => {
    const secrets = new MemorySecretStore();
    const service = new ConsoleService({
      consoles: new ConsoleRepository(openDatabase(tempDir())),
      secrets,
      clock,
    });
    await service.add({ name: 'jump-host', url: 'https://a.example.com' });
    secrets.unavailable = true;
    await service.remove('jump-host');
    expect(service.list()).toEqual([]);
  });

  it('edits settings, keeps names and URLs unique, and an empty proxy removes it', async () => {
    const secrets = new MemorySecretStore();
    const service = new ConsoleService({
      consoles: new ConsoleRepository(openDatabase(tempDir())),
      secrets,
      clock,
    });
    const prod = await service.add({
      name: 'prod',
      url: 'https://a.example.com',
      token: 'tok-a',
      proxyUrl: 'http://proxy.corp:3128',
    });
    await service.add({ name: 'lab', url: 'https://b.example.com' });
    const edited = await service.edit('prod', {
      name: 'prod-eu',
      url: 'https://a.example.com/',
      proxyUrl: '',
    });
    expect(edited).toMatchObject({
      id: prod.id,
      name: 'prod-eu',
      url: 'https://a.example.com',
      tokenStored: true,
      tokenDropped: false,
    });
    expect(edited.proxyUrl).toBeUndefined();
    expect(service.get('prod-eu').proxyUrl).toBeUndefined();
    await expect(service.edit('prod-eu', { name: 'LAB' })).rejects.toThrow(/already exists/);
    await expect(service.edit('prod-eu', { url: 'https://b.example.com' })).rejects.toThrow(
      /already configured as "lab"/,
    );
    await expect(service.edit('prod-eu', { url: 'ftp://x' })).rejects.toThrow();
    expect((await service.edit('prod-eu', { name: 'prod-eu' })).name).toBe('prod-eu');
    expect(await secrets.get(`console:${prod.id}`)).toBe('tok-a');
  });

  it('replaces a token with set-token and records that one is stored', async () => {
    const secrets = new MemorySecretStore();
    const service = new ConsoleService({
      consoles: new ConsoleRepository(openDatabase(tempDir())),
      secrets,
      clock,
    });
    const record = await service.add({ name: 'lab', url: 'https://lab.example.com' });
    expect(record.tokenStored).toBe(false);
    await expect(service.token(record)).rejects.toThrow(/No API token is stored for console "lab"/);
    await service.setToken('LAB', 'tok-new');
    expect(service.get('lab').tokenStored).toBe(true);
    expect(await service.token(service.get('lab'))).toBe('tok-new');
  });
});
