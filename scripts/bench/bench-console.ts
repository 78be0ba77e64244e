import { openDatabase } from '../../electron/adapters/db/database';
import { systemClock } from '../../electron/adapters/platform/clock';
import { ConsoleService } from '../../electron/domains/consoles/console-service';
import { openStorage } from '../../electron/storage/storage';
import { MemorySecretStore } from '../../test/support/memory-secret-store';

/** A benchmark's database in DIR, its stores, and its consoles (tokens kept in memory). */
export function openBenchConsoles(dir: string) {
  const db = openDatabase(dir);
  const storage = openStorage(db, systemClock);
  const consoles = new ConsoleService({
    consoles: storage.consoles,
    secrets: new MemorySecretStore(),
    clock: systemClock,
  });
  return { db, storage, consoles };
}
