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

/** An incremental entity's name: threats, activities, or any other the registry holds. */
export type IncrementalTable = string;

/** Where an entity's records live: its own table, or the shared one (migration 16). */
interface Table {
  /** The table, aliased `r` where it is read. */
  name: 'threats' | 'activities' | 'entity_records';
  /** The column that holds the checkpoint field's value. */
  at: string;
  /** What narrows the table to the entity (and the parameter it takes), appended to a WHERE. */
  only: string;
  params: readonly string[];
  /** The primary key's order, so a read in it needs no sort. */
  order: string;
  /** Inserts a record (console, id, at, agent, json, bytes), or updates it when it changed. */
  write: string;
}

const THREATS_TABLE: Table = {
  name: 'threats',
  at: 'updated_at',
  only: '',
  params: [],
  order: 'r.console_id, r.id',
  write: `INSERT INTO threats (console_id, id, updated_at, agent_id, json, bytes) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (console_id, id) DO UPDATE SET updated_at = excluded.updated_at, agent_id = excluded.agent_id, json = excluded.json, bytes = excluded.bytes
    WHERE excluded.json <> threats.json OR excluded.bytes IS NOT threats.bytes`,
};

// Activities never change once written: the first copy stays.
const ACTIVITIES_TABLE: Table = {
  name: 'activities',
  at: 'created_at',
  only: '',
  params: [],
  order: 'r.console_id, r.id',
  write:
    'INSERT OR IGNORE INTO activities (console_id, id, created_at, agent_id, json, bytes) VALUES (?, ?, ?, ?, ?, ?)',
};

function tableOf(entity: IncrementalTable): Table {
  if (entity === 'threats') return THREATS_TABLE;
  if (entity === 'activities') return ACTIVITIES_TABLE;
  return {
    name: 'entity_records',
    at: 'at',
    only: ' AND entity = ?',
    params: [entity],
    order: 'r.console_id, r.entity, r.id',
    write: `INSERT INTO entity_records (console_id, id, at, agent_id, json, bytes, entity) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (console_id, entity, id) DO UPDATE SET at = excluded.at, agent_id = excluded.agent_id, json = excluded.json, bytes = excluded.bytes
      WHERE excluded.json <> entity_records.json OR excluded.bytes IS NOT entity_records.bytes`,
  };
}

/**
 * The records of incremental entities: threats (upserted by id), activities (inserted once by
 * id) and any other entity's (upserted, in the shared table), each page written in one
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
    entity: IncrementalTable,
    rows: readonly EntityRow[],
    checkpoint: string | undefined,
    at: Date,
  ): number {
    const table = tableOf(entity);
    const exists = this.db.prepare(
      `SELECT 1 FROM ${table.name} WHERE console_id = ? AND id = ?${table.only}`,
    );
    const write = this.db.prepare(table.write);
    const saveCheckpoint = this.db.prepare(
      `INSERT INTO checkpoints (console_id, api, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (console_id, api) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    return this.db.transaction(() => {
      let fresh = 0;
      for (const row of rows) {
        if (!exists.get(consoleId, row.id, ...table.params)) fresh += 1;
        const stored = storedForm(row.json);
        write.run(
          consoleId,
          row.id,
          row.at ?? null,
          row.agentId ?? null,
          ...stored,
          ...table.params,
        );
      }
      if (checkpoint !== undefined)
        saveCheckpoint.run(consoleId, entity, checkpoint, at.toISOString());
      return fresh;
    })();
  }

  count(consoleId: string, entity: IncrementalTable): number {
    const table = tableOf(entity);
    return this.db
      .prepare(`SELECT COUNT(*) FROM ${table.name} WHERE console_id = ?${table.only}`)
      .pluck()
      .get(consoleId, ...table.params) as number;
  }

  /** The newest records of one agent, newest first. */
  recentOfAgent(
    entity: IncrementalTable,
    consoleId: string,
    agentId: string,
    limit: number,
  ): string[] {
    const table = tableOf(entity);
    return this.db
      .prepare(
        `SELECT json FROM ${table.name} WHERE console_id = ? AND agent_id = ?${table.only} ORDER BY ${table.at} DESC LIMIT ?`,
      )
      .pluck()
      .all(consoleId, agentId, ...table.params, limit) as string[];
  }

  /**
   * Every stored record, by console (all, or the one named), then id: as the API sent it
   * (`raw`), or as text to parse (`json`), with the agent it belongs to.
   */
  records(
    entity: IncrementalTable,
    read: 'raw' | 'json',
    consoleName?: string,
  ): Iterable<{ value: RawJson; agentId: string | null }> {
    const table = tableOf(entity);
    const column = read === 'raw' ? RAW_COLUMN : 'r.json';
    const only = table.only.replace('entity', 'r.entity');
    return consoleName === undefined
      ? (this.db
          .prepare(
            `SELECT ${column} AS value, r.agent_id AS agentId FROM ${table.name} r WHERE 1${only} ORDER BY ${table.order}`,
          )
          .iterate(...table.params) as Iterable<{ value: RawJson; agentId: string | null }>)
      : (this.db
          .prepare(
            `SELECT ${column} AS value, r.agent_id AS agentId FROM ${table.name} r JOIN consoles c ON c.id = r.console_id
             WHERE c.name = ? COLLATE NOCASE${only} ORDER BY r.id`,
          )
          .iterate(consoleName, ...table.params) as Iterable<{
          value: RawJson;
          agentId: string | null;
        }>);
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
