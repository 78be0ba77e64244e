import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/adapters/db/database';
import { useTempDirs } from '../../support/temp-dir';

// The database holds a fleet's names, addresses and users: only its owner reads it (issue 27,
// N33), whatever the umask or the mode of the folder it lands in.

const tempDir = useTempDirs();
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the database files', () => {
  it('are 0600 in an existing folder of mode 755, under a permissive umask', () => {
    const dir = join(tempDir(), 'shared-folder');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const previous = process.umask(0o000);
    try {
      const db = openDatabase(dir);
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      for (const file of ['inventory.sqlite', 'inventory.sqlite-wal', 'inventory.sqlite-shm']) {
        expect(modeOf(join(dir, file)).toString(8)).toBe('600');
      }
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  it('narrows a database an older version left readable by others', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const file = join(dir, 'inventory.sqlite');
    chmodSync(file, 0o644);
    writeFileSync(`${file}-shm`, '');
    chmodSync(`${file}-shm`, 0o666);
    openDatabase(dir).close();
    expect(modeOf(file).toString(8)).toBe('600');
  });

  it('creates a missing data folder 0700', () => {
    const dir = join(tempDir(), 'new', 'data');
    openDatabase(dir).close();
    expect(modeOf(dir).toString(8)).toBe('700');
  });
});
