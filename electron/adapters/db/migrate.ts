import type Database from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';
import type { Migration } from './migrations/migration';

/**
 * Brings the schema to the newest version: every pending migration runs in one transaction
 * with the `user_version` bump, so a crash leaves either the old schema or the new one.
 * A database newer than this code is refused rather than touched.
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
  db.transaction(() => {
    for (const step of pending) db.exec(step.sql);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from: current, to: latest };
}
