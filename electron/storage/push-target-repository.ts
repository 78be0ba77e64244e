import type { Db } from '../adapters/db/database';

/** A push target as stored: its kind says how to read its settings (migration 17). */
export interface StoredTarget {
  id: string;
  /** `sekoia`, or another kind the push registry knows. */
  kind: string;
  name: string;
  settings: Record<string, unknown>;
  /** The OS keychain holds its API key (`<kind>:<id>`). */
  keyStored: boolean;
  createdAt: string;
}

interface Row {
  id: string;
  kind: string;
  name: string;
  settings: string;
  key_stored: number;
  created_at: string;
}

const fromRow = (row: Row): StoredTarget => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  settings: JSON.parse(row.settings) as Record<string, unknown>,
  keyStored: row.key_stored === 1,
  createdAt: row.created_at,
});

/** The `push_targets` table: targets of every kind, names unique whatever their case. */
export class PushTargetRepository {
  constructor(private readonly db: Db) {}

  list(kind?: string): StoredTarget[] {
    const rows = (
      kind === undefined
        ? this.db.prepare('SELECT * FROM push_targets ORDER BY name COLLATE NOCASE').all()
        : this.db
            .prepare('SELECT * FROM push_targets WHERE kind = ? ORDER BY name COLLATE NOCASE')
            .all(kind)
    ) as Row[];
    return rows.map(fromRow);
  }

  /** The target of this name, whatever its case and kind. */
  findByName(name: string): StoredTarget | undefined {
    const row = this.db
      .prepare('SELECT * FROM push_targets WHERE name = ? COLLATE NOCASE')
      .get(name) as Row | undefined;
    return row && fromRow(row);
  }

  /** Stores a target, new or changed (its id and kind never change). */
  save(target: StoredTarget): void {
    this.db
      .prepare(
        `INSERT INTO push_targets (id, kind, name, settings, key_stored, created_at)
         VALUES (@id, @kind, @name, @settings, @keyStored, @createdAt)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings,
           key_stored = excluded.key_stored`,
      )
      .run({
        id: target.id,
        kind: target.kind,
        name: target.name,
        settings: JSON.stringify(target.settings),
        keyStored: target.keyStored ? 1 : 0,
        createdAt: target.createdAt,
      });
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM push_targets WHERE id = ?').run(id);
  }
}
