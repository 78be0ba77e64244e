import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/adapters/db/database';
import { DatabaseOpenError, DatabaseTooNewError } from '../../../electron/adapters/db/errors';
import { migrate } from '../../../electron/adapters/db/migrate';
import { MIGRATIONS } from '../../../electron/adapters/db/migrations';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('database and migrations', () => {
  it('numbers migrations 1, 2, 3… with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
  });

  it('gives consoles synced before history windows the 30 days they read, so the next sync fills the rest', () => {
    const db = new Database(join(tempDir(), 'old.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 8), 'old.sqlite');
    db.exec(`
      INSERT INTO consoles (id, name, url, created_at, updated_at)
        VALUES ('c1', 'prod', 'https://a.example', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO sync_runs (console_id, api, started_at, state) VALUES
        ('c1', 'threats', '2026-03-01T10:00:00.000Z', 'complete'),
        ('c1', 'threats', '2026-03-09T10:00:00.000Z', 'complete'),
        ('c1', 'agents', '2026-02-01T10:00:00.000Z', 'complete');
      INSERT INTO checkpoints (console_id, api, value, updated_at) VALUES
        ('c1', 'threats', '2026-03-09T09:00:00.123456Z', '2026-03-09T10:00:00.000Z'),
        ('c1', 'agents', '2026-03-09T09:00:00.123456Z', '2026-03-09T10:00:00.000Z');
    `);
    migrate(db, MIGRATIONS, 'old.sqlite');
    expect(db.prepare('SELECT console_id, api, since FROM history_windows').all()).toEqual([
      { console_id: 'c1', api: 'threats', since: '2026-01-30T10:00:00.000Z' },
    ]);
    db.close();
  });

  it('creates inventory.sqlite in WAL mode at the newest schema', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const db = openDatabase(dir);
    expect(existsSync(join(dir, 'inventory.sqlite'))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).toContain('consoles');
    db.close();
    const again = openDatabase(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    again.close();
  });

  it('applies pending migrations in one transaction: a failing step leaves the old schema', () => {
    const dir = tempDir();
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'good', sql: 'CREATE TABLE good_step (x INTEGER);' },
      { version: MIGRATIONS.length + 2, name: 'bad', sql: 'CREATE TABLE oops (;' },
    ];
    expect(() => openDatabase(dir, broken)).toThrow(DatabaseOpenError);
    const db = new Database(join(dir, 'inventory.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version, and says what to do', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const db = new Database(join(dir, 'inventory.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const failure = (() => {
      try {
        openDatabase(dir);
      } catch (error) {
        return error as Error;
      }
    })();
    expect(failure).toBeInstanceOf(DatabaseTooNewError);
    expect(failure?.message).toContain('schema 999');
    expect(failure?.message).toContain('Update S1 Inventory');
  });

  it('explains a data directory it cannot create', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => openDatabase(join(file, 'data'))).toThrow(/writable, or choose another/);
  });
});
