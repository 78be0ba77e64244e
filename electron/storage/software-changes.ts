import type { Db } from '../adapters/db/database';
import { packIds, unpackIds } from './packed-ids';

/** The applications (by id) an agent gained and lost between two of its sets. */
export interface SoftwareDelta {
  installed: Uint32Array;
  removed: Uint32Array;
}

/** What changed from one set of an agent's applications to the next. */
export function deltaOf(before: Uint32Array, after: Uint32Array): SoftwareDelta {
  const had = new Set(before);
  const has = new Set(after);
  return {
    installed: Uint32Array.from([...has].filter((id) => !had.has(id))),
    removed: Uint32Array.from([...had].filter((id) => !has.has(id))),
  };
}

/** Two deltas, the first earlier, as one: an application installed then removed is neither. */
export function composeDeltas(first: SoftwareDelta, then: SoftwareDelta): SoftwareDelta {
  const installed = new Set(first.installed);
  const removed = new Set(first.removed);
  for (const id of then.installed) {
    if (!removed.delete(id)) installed.add(id);
  }
  for (const id of then.removed) {
    if (!installed.delete(id)) removed.add(id);
  }
  return { installed: Uint32Array.from(installed), removed: Uint32Array.from(removed) };
}

export const isEmptyDelta = (delta: SoftwareDelta) =>
  delta.installed.length === 0 && delta.removed.length === 0;

/**
 * The applications each agent installed and removed, recorded under the snapshot whose walk
 * found them (migration 19). Between two snapshots, an agent's changes are those recorded after
 * the first up to the second, composed in order.
 */
export class SoftwareChanges {
  constructor(private readonly db: Db) {}

  /** Records a change found while walking `snapshotId`, composed with one already recorded there. */
  record(consoleId: string, agentId: string, snapshotId: number, delta: SoftwareDelta): void {
    const key = [consoleId, snapshotId, agentId] as const;
    const earlier = this.db
      .prepare(
        'SELECT installed, removed FROM software_changes WHERE console_id = ? AND snapshot_id = ? AND agent_id = ?',
      )
      .get(...key) as StoredDelta | undefined;
    const total = earlier ? composeDeltas(deltaFrom(earlier), delta) : delta;
    if (isEmptyDelta(total)) {
      this.db
        .prepare(
          'DELETE FROM software_changes WHERE console_id = ? AND snapshot_id = ? AND agent_id = ?',
        )
        .run(...key);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO software_changes (console_id, snapshot_id, agent_id, installed, removed) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (console_id, snapshot_id, agent_id) DO UPDATE SET installed = excluded.installed, removed = excluded.removed`,
      )
      .run(...key, packIds(total.installed), packIds(total.removed));
  }

  /** Each agent's changes after snapshot `fromId` up to `toId`, by agent id in order. */
  between(consoleId: string, fromId: number, toId: number): Map<string, SoftwareDelta> {
    const rows = this.db
      .prepare(
        `SELECT agent_id, installed, removed FROM software_changes
         WHERE console_id = ? AND snapshot_id > ? AND snapshot_id <= ?
         ORDER BY agent_id, snapshot_id`,
      )
      .iterate(consoleId, fromId, toId) as Iterable<StoredDelta & { agent_id: string }>;
    const found = new Map<string, SoftwareDelta>();
    for (const row of rows) {
      const before = found.get(row.agent_id);
      const delta = deltaFrom(row);
      found.set(row.agent_id, before ? composeDeltas(before, delta) : delta);
    }
    for (const [agentId, delta] of found) if (isEmptyDelta(delta)) found.delete(agentId);
    return found;
  }
}

/**
 * Drops the changes no comparison of the snapshots a console keeps can reach (those recorded
 * at or before its oldest). Returns how many went.
 */
export function pruneSoftwareChanges(db: Db, consoleId: string): number {
  return db
    .prepare(
      `DELETE FROM software_changes WHERE console_id = ? AND snapshot_id <= IFNULL(
         (SELECT MIN(id) FROM agent_snapshots WHERE console_id = ?), -1)`,
    )
    .run(consoleId, consoleId).changes;
}

interface StoredDelta {
  installed: Buffer;
  removed: Buffer;
}

const deltaFrom = (row: StoredDelta): SoftwareDelta => ({
  installed: unpackIds(row.installed),
  removed: unpackIds(row.removed),
});
