import type { Db } from '../adapters/db/database';
import type { HistoryWindows } from '../../shared/contract/views';
import { RAW_COLUMN, storedForm, type RawJson } from '../adapters/sentinelone/raw-json';

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

  /**
   * How far back this console's stored records reach: `null` for the start of its history,
   * undefined when it has none yet.
   */
  windowSince(consoleId: string, api: IncrementalTable): string | null | undefined {
    const row = this.db
      .prepare('SELECT since FROM history_windows WHERE console_id = ? AND api = ?')
      .get(consoleId, api) as { since: string | null } | undefined;
    return row === undefined ? undefined : row.since;
  }

  /** Both windows of a console, as the contract shows them. */
  windows(consoleId: string): HistoryWindows {
    const rows = this.db
      .prepare('SELECT api, since FROM history_windows WHERE console_id = ?')
      .all(consoleId) as { api: string; since: string | null }[];
    const windows: HistoryWindows = {};
    for (const row of rows) {
      if (row.api === 'threats' || row.api === 'activities')
        windows[row.api] = { since: row.since };
    }
    return windows;
  }

  /**
   * Records that the stored records now reach back to `since`. Only ever called once every
   * record from `since` up to the checkpoint is stored: ascending walks store oldest first.
   */
  setWindowSince(consoleId: string, api: IncrementalTable, since: string | null): void {
    this.db
      .prepare(
        `INSERT INTO history_windows (console_id, api, since) VALUES (?, ?, ?)
         ON CONFLICT (console_id, api) DO UPDATE SET since = excluded.since`,
      )
      .run(consoleId, api, since);
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

  /**
   * Every stored record, by console (all, or the one named), then id: as the API sent it
   * (`raw`), or as text to parse (`json`), with the agent it belongs to.
   */
  records(
    table: IncrementalTable,
    read: 'raw' | 'json',
    consoleName?: string,
  ): Iterable<{ value: RawJson; agentId: string | null }> {
    const column = read === 'raw' ? RAW_COLUMN : 'r.json';
    return consoleName === undefined
      ? (this.db
          .prepare(
            `SELECT ${column} AS value, r.agent_id AS agentId FROM ${table} r ORDER BY r.console_id, r.id`,
          )
          .iterate() as Iterable<{ value: RawJson; agentId: string | null }>)
      : (this.db
          .prepare(
            `SELECT ${column} AS value, r.agent_id AS agentId FROM ${table} r JOIN consoles c ON c.id = r.console_id
             WHERE c.name = ? COLLATE NOCASE ORDER BY r.id`,
          )
          .iterate(consoleName) as Iterable<{ value: RawJson; agentId: string | null }>);
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
