import type { Db } from '../../adapters/db/database';
import { RAW_COLUMN, storedForm, type RawJson } from '../../adapters/sentinelone/raw-json';

export interface EntityRow {
  id: string;
  /** The checkpoint field's raw value (threatInfo.updatedAt, or createdAt). */
  at: string | undefined;
  agentId: string | undefined;
  json: RawJson;
}

export type IncrementalTable = 'threats' | 'activities';

/**
 * Threats (upserted by id) and activities (inserted once by id), each page written in one
 * transaction together with the checkpoint it advances: a crash can neither skip records
 * (checkpoint ahead of data) nor duplicate them (the primary key absorbs re-reads).
 */
export class EntityStore {
  constructor(private readonly db: Db) {}

  checkpoint(consoleId: string, api: IncrementalTable): string | undefined {
    const row = this.db
      .prepare('SELECT value FROM checkpoints WHERE console_id = ? AND api = ?')
      .get(consoleId, api) as { value: string } | undefined;
    return row?.value;
  }

  /** Writes a page and its checkpoint; returns how many rows were new. */
  writePage(
    consoleId: string,
    table: IncrementalTable,
    rows: readonly EntityRow[],
    checkpoint: string | undefined,
    at: Date,
  ): number {
    const column = table === 'threats' ? 'updated_at' : 'created_at';
    const statement =
      table === 'threats'
        ? `INSERT INTO threats (console_id, id, ${column}, agent_id, json, bytes) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (console_id, id) DO UPDATE SET ${column} = excluded.${column}, agent_id = excluded.agent_id, json = excluded.json, bytes = excluded.bytes
           WHERE excluded.json <> threats.json OR excluded.bytes IS NOT threats.bytes`
        : `INSERT OR IGNORE INTO activities (console_id, id, ${column}, agent_id, json, bytes) VALUES (?, ?, ?, ?, ?, ?)`;
    const exists = this.db.prepare(`SELECT 1 FROM ${table} WHERE console_id = ? AND id = ?`);
    const write = this.db.prepare(statement);
    const saveCheckpoint = this.db.prepare(
      `INSERT INTO checkpoints (console_id, api, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (console_id, api) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    return this.db.transaction(() => {
      let fresh = 0;
      for (const row of rows) {
        if (!exists.get(consoleId, row.id)) fresh += 1;
        write.run(consoleId, row.id, row.at ?? null, row.agentId ?? null, ...storedForm(row.json));
      }
      if (checkpoint !== undefined)
        saveCheckpoint.run(consoleId, table, checkpoint, at.toISOString());
      return fresh;
    })();
  }

  count(consoleId: string, table: IncrementalTable): number {
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE console_id = ?`).get(consoleId) as {
        n: number;
      }
    ).n;
  }

  /** The newest records of one agent, newest first. */
  recentOfAgent(
    table: IncrementalTable,
    consoleId: string,
    agentId: string,
    limit: number,
  ): string[] {
    const order = table === 'threats' ? 'updated_at' : 'created_at';
    return this.db
      .prepare(
        `SELECT json FROM ${table} WHERE console_id = ? AND agent_id = ? ORDER BY ${order} DESC LIMIT ?`,
      )
      .pluck()
      .all(consoleId, agentId, limit) as string[];
  }

  /** Every stored record as the API sent it, by console (all, or the one named), then id. */
  rawRecords(table: IncrementalTable, consoleName?: string): Iterable<RawJson> {
    return consoleName === undefined
      ? (this.db
          .prepare(`SELECT ${RAW_COLUMN} FROM ${table} r ORDER BY r.console_id, r.id`)
          .pluck()
          .iterate() as Iterable<RawJson>)
      : (this.db
          .prepare(
            `SELECT ${RAW_COLUMN} FROM ${table} r JOIN consoles c ON c.id = r.console_id WHERE c.name = ? COLLATE NOCASE ORDER BY r.id`,
          )
          .pluck()
          .iterate(consoleName) as Iterable<RawJson>);
  }

  /** A record the sync could not use, kept raw. */
  keepMalformed(
    consoleId: string,
    api: string,
    runId: number,
    reason: string,
    json: RawJson,
    at: Date,
  ): void {
    this.db
      .prepare(
        'INSERT INTO malformed_records (console_id, api, run_id, reason, json, bytes, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(consoleId, api, runId, reason, ...storedForm(json), at.toISOString());
  }
}
