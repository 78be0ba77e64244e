import type { Db } from '../adapters/db/database';
import type { EntityName } from '../../shared/entities';
import { consoleIdentity } from '../adapters/http/url-identity';
import { reclaimStorage } from './chunk-store';
import { pruneSoftware } from './software-store';

export interface ConsoleRecord {
  id: string;
  name: string;
  url: string;
  apis: EntityName[];
  proxyUrl?: string;
  caBundle?: string;
  /** How far back threats and activities are read (`90d` or `2025-01-01`); unset: the defaults. */
  historySince?: string;
  /** How many complete snapshots to keep; unset: the app's default. */
  keepSnapshots?: number;
  /** The OS keychain holds a token for this console (`console:<id>`). */
  tokenStored: boolean;
  createdAt: string;
  updatedAt: string;
}

interface ConsoleRow {
  id: string;
  name: string;
  url: string;
  apis: string;
  proxy_url: string | null;
  ca_bundle: string | null;
  history_since: string | null;
  keep_snapshots: number | null;
  token_stored: number;
  created_at: string;
  updated_at: string;
}

function fromRow(row: ConsoleRow): ConsoleRecord {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    apis: JSON.parse(row.apis) as EntityName[],
    ...(row.proxy_url === null ? {} : { proxyUrl: row.proxy_url }),
    ...(row.ca_bundle === null ? {} : { caBundle: row.ca_bundle }),
    ...(row.history_since === null ? {} : { historySince: row.history_since }),
    ...(row.keep_snapshots === null ? {} : { keepSnapshots: row.keep_snapshots }),
    tokenStored: row.token_stored === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** SQL for the consoles table and nothing else. */
export class ConsoleRepository {
  constructor(private readonly db: Db) {}

  list(): ConsoleRecord[] {
    const rows = this.db.prepare('SELECT * FROM consoles ORDER BY name COLLATE NOCASE').all();
    return (rows as ConsoleRow[]).map(fromRow);
  }

  findByName(name: string): ConsoleRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM consoles WHERE name = ? COLLATE NOCASE')
      .get(name) as ConsoleRow | undefined;
    return row && fromRow(row);
  }

  /** The console reaching the same place as `url` (see consoleIdentity), if any. */
  findByUrl(url: string): ConsoleRecord | undefined {
    const identity = consoleIdentity(url);
    return this.list().find((record) => consoleIdentity(record.url) === identity);
  }

  insert(record: ConsoleRecord): void {
    this.db
      .prepare(
        `INSERT INTO consoles (id, name, url, apis, proxy_url, ca_bundle, history_since, keep_snapshots, token_stored, created_at, updated_at)
         VALUES (@id, @name, @url, @apis, @proxyUrl, @caBundle, @historySince, @keepSnapshots, @tokenStored, @createdAt, @updatedAt)`,
      )
      .run(toParams(record));
  }

  update(record: ConsoleRecord): void {
    this.db
      .prepare(
        `UPDATE consoles SET name = @name, url = @url, apis = @apis, proxy_url = @proxyUrl,
           ca_bundle = @caBundle, history_since = @historySince, keep_snapshots = @keepSnapshots,
           token_stored = @tokenStored,
           updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(toParams(record));
  }

  /**
   * Deletes the console and, by cascade, all its synced data; raw objects and chunks no snapshot
   * uses go too, and the space goes back to the file system.
   */
  delete(id: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM consoles WHERE id = ?').run(id);
      this.db
        .prepare('DELETE FROM raw_objects WHERE id NOT IN (SELECT raw_id FROM snapshot_members)')
        .run();
      // Its agents' sets went by cascade; the applications only they listed go now.
      pruneSoftware(this.db);
    })();
    reclaimStorage(this.db);
  }

  dataCounts(id: string): ConsoleDataCounts {
    const count = (sql: string) => (this.db.prepare(sql).get(id) as { n: number }).n;
    return {
      agents: count(
        `SELECT COUNT(*) AS n FROM snapshot_members WHERE snapshot_id = (SELECT current_snapshot_id FROM console_state WHERE console_id = ?)`,
      ),
      threats: count('SELECT COUNT(*) AS n FROM threats WHERE console_id = ?'),
      activities: count('SELECT COUNT(*) AS n FROM activities WHERE console_id = ?'),
      applications: count('SELECT COUNT(*) AS n FROM agent_software WHERE console_id = ?'),
      cveRows: count('SELECT COUNT(*) AS n FROM entity_records WHERE console_id = ?'),
    };
  }
}

/** What a console's removal would delete: its agents, records, applications read and CVE rows. */
export interface ConsoleDataCounts {
  agents: number;
  threats: number;
  activities: number;
  /** Devices whose installed applications are stored. */
  applications: number;
  /** Records of the entities stored in entity_records (the CVE rows). */
  cveRows: number;
}

function toParams(record: ConsoleRecord) {
  return {
    id: record.id,
    name: record.name,
    url: record.url,
    apis: JSON.stringify(record.apis),
    proxyUrl: record.proxyUrl ?? null,
    caBundle: record.caBundle ?? null,
    historySince: record.historySince ?? null,
    keepSnapshots: record.keepSnapshots ?? null,
    tokenStored: record.tokenStored ? 1 : 0,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
