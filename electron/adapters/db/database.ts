import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../platform/data-dir';
import { DatabaseOpenError, DatabaseTooNewError } from './errors';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

/** A prepared statement that can only read: no run(), so no insert, update or delete. */
export interface ReadOnlyStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggle?: boolean): ReadOnlyStatement;
}

/**
 * The database as read-only queries see it: statements that read, and no transactions. Any Db
 * can be passed where one is wanted; code holding one can only read.
 */
export interface ReadOnlyDb {
  prepare(source: string): ReadOnlyStatement;
}

/**
 * Opens (creating if needed) `<dataDir>/inventory.sqlite` in WAL mode and migrates it.
 * WAL keeps readers (the grid) from blocking the sync's writer; `synchronous = NORMAL` is
 * crash-safe in WAL mode: a power cut may lose the last commit, never corrupt the file.
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const path = join(dataDir, DATABASE_FILE);
  let db: Db | undefined;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    keepPrivate(path);
    db = new Database(path);
    // Before any table exists: a new database gives freed pages back (SnapshotStore.prune).
    if (db.pragma('user_version', { simple: true }) === 0) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted means gone: freed content is overwritten, not left readable in free pages (N21).
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, path);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseTooNewError) throw error;
    throw new DatabaseOpenError(path, error);
  }
}

/**
 * Opens a database another connection keeps (the backend's, already migrated) to read only: a
 * worker thread's view of the inventory. In WAL mode it reads one committed state while the
 * sync goes on writing.
 */
export function openDatabaseToRead(path: string): Db {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new DatabaseOpenError(path, error);
  }
}

/**
 * The database holds a fleet's names, addresses and users: only its owner may read it, whatever
 * the umask or the folder's mode (issue 27, N33). SQLite creates a file with the umask's mode,
 * and its -wal and -shm files take the database's: the file is made 0600 before SQLite opens it,
 * and any of the three left wider by an older version is narrowed.
 */
function keepPrivate(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
