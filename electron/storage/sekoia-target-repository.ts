import type { Db } from '../adapters/db/database';

/** A Sekoia.io asset connector the inventory is pushed to; its API key lives in the keychain. */
export interface SekoiaTarget {
  id: string;
  name: string;
  connectorUuid: string;
  baseUrl: string;
  /** A full endpoint URL that replaces base URL + path, for tenants that need another form. */
  endpoint?: string;
  batchSize: number;
  legacyDeviceTypes: boolean;
  keyStored: boolean;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  connector_uuid: string;
  base_url: string;
  endpoint: string | null;
  batch_size: number;
  legacy_device_types: number;
  key_stored: number;
  created_at: string;
}

const fromRow = (row: Row): SekoiaTarget => ({
  id: row.id,
  name: row.name,
  connectorUuid: row.connector_uuid,
  baseUrl: row.base_url,
  ...(row.endpoint === null ? {} : { endpoint: row.endpoint }),
  batchSize: row.batch_size,
  legacyDeviceTypes: row.legacy_device_types === 1,
  keyStored: row.key_stored === 1,
  createdAt: row.created_at,
});

/** The `sekoia_targets` table (migration 4). */
export class SekoiaTargetRepository {
  constructor(private readonly db: Db) {}

  list(): SekoiaTarget[] {
    return (
      this.db.prepare('SELECT * FROM sekoia_targets ORDER BY name COLLATE NOCASE').all() as Row[]
    ).map(fromRow);
  }

  /** The target of this name, whatever its case. */
  findByName(name: string): SekoiaTarget | undefined {
    const row = this.db
      .prepare('SELECT * FROM sekoia_targets WHERE name = ? COLLATE NOCASE')
      .get(name) as Row | undefined;
    return row && fromRow(row);
  }

  /** Stores a target's row, new or changed (its id never changes). */
  save(target: SekoiaTarget): void {
    this.db
      .prepare(
        `INSERT INTO sekoia_targets (id, name, connector_uuid, base_url, endpoint, batch_size, legacy_device_types, key_stored, created_at)
         VALUES (@id, @name, @connectorUuid, @baseUrl, @endpoint, @batchSize, @legacy, @keyStored, @createdAt)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, connector_uuid = excluded.connector_uuid,
           base_url = excluded.base_url, endpoint = excluded.endpoint, batch_size = excluded.batch_size,
           legacy_device_types = excluded.legacy_device_types, key_stored = excluded.key_stored`,
      )
      .run({
        id: target.id,
        name: target.name,
        connectorUuid: target.connectorUuid,
        baseUrl: target.baseUrl,
        endpoint: target.endpoint ?? null,
        batchSize: target.batchSize,
        legacy: target.legacyDeviceTypes ? 1 : 0,
        keyStored: target.keyStored ? 1 : 0,
        createdAt: target.createdAt,
      });
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM sekoia_targets WHERE id = ?').run(id);
  }
}
