import type Database from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';
import type { Migration } from './migrations/migration';

/**
 * Brings the schema to the newest version: every pending migration runs in one transaction
 * with the `user_version` bump, so a crash leaves either the old schema or the new one.
 * A database newer than this code is refused rather than touched. Foreign keys are off while
 * migrations run, so a table can be rebuilt (SQLite's documented procedure) without its drop
 * cascading; the transaction commits only if every reference still holds.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  path: string,
): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(path, current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current };
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const step of pending) db.exec(step.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(
          `Migrating to version ${latest} would leave ${broken.length} broken reference(s) (${JSON.stringify(broken[0])}); nothing was changed.`,
        );
      }
      db.pragma(`user_version = ${latest}`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return { from: current, to: latest };
}
