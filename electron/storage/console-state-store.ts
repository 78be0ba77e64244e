import type { Db } from '../adapters/db/database';

/**
 * Per-console states: Sumo's source states, plus Idle for a manual tool.
 * - Pending: configured, never synced.
 * - Started: a sync was asked for. Initialized: its token and database are ready.
 * - Authenticated: the console accepted the token. Collecting: pages are being fetched.
 * - Idle: the last sync ended (complete or not: see the runs); nothing is running.
 * - Error: the last sync stopped on an error that needs attention (see health events).
 * - Stopping: a cancel was asked for and the sync is winding down.
 */
export const CONSOLE_STATES = [
  'Pending',
  'Started',
  'Initialized',
  'Authenticated',
  'Collecting',
  'Idle',
  'Error',
  'Stopping',
] as const;
export type ConsoleState = (typeof CONSOLE_STATES)[number];

export class ConsoleStateStore {
  constructor(private readonly db: Db) {}

  get(consoleId: string): { state: ConsoleState; currentSnapshotId?: number; updatedAt?: string } {
    const row = this.db
      .prepare(
        'SELECT state, current_snapshot_id, updated_at FROM console_state WHERE console_id = ?',
      )
      .get(consoleId) as
      { state: ConsoleState; current_snapshot_id: number | null; updated_at: string } | undefined;
    if (!row) return { state: 'Pending' };
    return {
      state: row.state,
      ...(row.current_snapshot_id === null ? {} : { currentSnapshotId: row.current_snapshot_id }),
      updatedAt: row.updated_at,
    };
  }

  set(consoleId: string, state: ConsoleState, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO console_state (console_id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (console_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      )
      .run(consoleId, state, at.toISOString());
  }

  /** A complete snapshot becomes the console's inventory (the state is left as it is). */
  setCurrentSnapshot(consoleId: string, snapshotId: number, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO console_state (console_id, state, current_snapshot_id, updated_at) VALUES (?, 'Collecting', ?, ?)
         ON CONFLICT (console_id) DO UPDATE SET current_snapshot_id = excluded.current_snapshot_id, updated_at = excluded.updated_at`,
      )
      .run(consoleId, snapshotId, at.toISOString());
  }

  /**
   * What the current inventory is made of (each console, its name and current snapshot), as one
   * string: when it changes, whoever keeps the inventory in memory reads it again. It sees a
   * sync or an edit made by another process on the same data too.
   */
  inventoryVersion(): string {
    return (
      (this.db
        .prepare(
          `SELECT group_concat(part, ';') FROM (
             SELECT c.id || '=' || c.name || '@' || IFNULL(s.current_snapshot_id, '') AS part
             FROM consoles c LEFT JOIN console_state s ON s.console_id = c.id ORDER BY c.id)`,
        )
        .pluck()
        .get() as string | null) ?? ''
    );
  }
}
