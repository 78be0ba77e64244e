import type { Db } from '../adapters/db/database';
import type { EntityName } from '../../shared/entities';
import type { RUN_STATES } from '../../shared/contract/views';

export type RunState = (typeof RUN_STATES)[number];

export interface SyncRun {
  id: number;
  consoleId: string;
  api: EntityName;
  startedAt: string;
  finishedAt?: string;
  state: RunState;
  fetched: number;
  expected?: number;
  errors: number;
  message?: string;
}

interface RunRow {
  id: number;
  console_id: string;
  api: EntityName;
  started_at: string;
  finished_at: string | null;
  state: RunState;
  fetched: number;
  expected: number | null;
  errors: number;
  message: string | null;
}

const fromRow = (row: RunRow): SyncRun => ({
  id: row.id,
  consoleId: row.console_id,
  api: row.api,
  startedAt: row.started_at,
  ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  state: row.state,
  fetched: row.fetched,
  ...(row.expected === null ? {} : { expected: row.expected }),
  errors: row.errors,
  ...(row.message === null ? {} : { message: row.message }),
});

/** One row per walk of one API of one console: what it fetched, expected, and how it ended. */
export class RunStore {
  constructor(private readonly db: Db) {}

  /** A run still 'running' when a new one starts was cut off by a crash or a kill. */
  start(consoleId: string, api: EntityName, at: Date): number {
    this.db
      .prepare(
        `UPDATE sync_runs SET state = 'interrupted', finished_at = ? WHERE console_id = ? AND api = ? AND state = 'running'`,
      )
      .run(at.toISOString(), consoleId, api);
    return Number(
      this.db
        .prepare(
          `INSERT INTO sync_runs (console_id, api, started_at, state) VALUES (?, ?, ?, 'running')`,
        )
        .run(consoleId, api, at.toISOString()).lastInsertRowid,
    );
  }

  addFetched(runId: number, count: number, errors: number): void {
    this.db
      .prepare('UPDATE sync_runs SET fetched = fetched + ?, errors = errors + ? WHERE id = ?')
      .run(count, errors, runId);
  }

  finish(
    runId: number,
    state: RunState,
    at: Date,
    expected: number | undefined,
    message?: string,
  ): void {
    this.db
      .prepare(
        'UPDATE sync_runs SET state = ?, finished_at = ?, expected = ?, message = ? WHERE id = ?',
      )
      .run(state, at.toISOString(), expected ?? null, message ?? null, runId);
  }

  get(runId: number): SyncRun {
    return fromRow(this.db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(runId) as RunRow);
  }

  /** The newest run of each API of a console. */
  latest(consoleId: string): SyncRun[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM sync_runs WHERE id IN (SELECT MAX(id) FROM sync_runs WHERE console_id = ? GROUP BY api) ORDER BY api`,
      )
      .all(consoleId) as RunRow[];
    return rows.map(fromRow);
  }
}
