import { describe, expect, it } from 'vitest';
import { openDatabase, type ReadOnlyDb } from '../../../electron/adapters/db/database';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('ReadOnlyDb', () => {
  it('reads, and offers no way to write (checked by the type checker)', () => {
    const db = openDatabase(tempDir());
    const reader: ReadOnlyDb = db;
    expect(reader.prepare('SELECT COUNT(*) FROM consoles').pluck().get()).toBe(0);
    // @ts-expect-error: a read-only statement has no run(); typecheck fails if one is added.
    const write = () => reader.prepare("DELETE FROM consoles WHERE id = 'x'").run();
    // @ts-expect-error: nor does the read-only database open transactions.
    const transaction = () => reader.transaction(() => undefined);
    void [write, transaction]; // never called: the check above is the type checker's
    db.close();
  });
});
