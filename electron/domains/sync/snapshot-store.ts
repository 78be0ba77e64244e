import { ConsoleStateStore } from './console-state-store';
import { createHash } from 'node:crypto';
import type { Db } from '../../adapters/db/database';
import { storedForm, type RawJson } from '../../adapters/sentinelone/raw-json';

export interface RawAgent {
  agentId: string;
  /** The agent object exactly as the API sent it. */
  json: RawJson;
  /** A newer copy of an id already in this snapshot: it takes that copy's place. */
  replace?: boolean;
}

export interface SnapshotInfo {
  id: number;
  consoleId: string;
  takenAt: string;
  complete: boolean;
  agentCount: number;
  expected?: number;
}

export const hashOf = (json: RawJson) => createHash('sha256').update(json).digest();

/**
 * Agent snapshots, content-addressed: each distinct raw agent is stored once (by id and sha256), and a
 * snapshot is the set of (agent id, hash) it saw. The current inventory of a console is its
 * newest complete snapshot; an incomplete one never replaces it.
 */
export class SnapshotStore {
  constructor(private readonly db: Db) {}

  begin(consoleId: string, runId: number, at: Date): number {
    // Members of snapshots cut off by a crash are dead weight; their rows stay as history.
    this.db
      .prepare(
        `DELETE FROM snapshot_members WHERE snapshot_id IN (
           SELECT s.id FROM agent_snapshots s JOIN sync_runs r ON r.id = s.run_id
           WHERE s.console_id = ? AND s.complete = 0 AND r.state <> 'running')`,
      )
      .run(consoleId);
    return Number(
      this.db
        .prepare('INSERT INTO agent_snapshots (console_id, run_id, taken_at) VALUES (?, ?, ?)')
        .run(consoleId, runId, at.toISOString()).lastInsertRowid,
    );
  }

  /**
   * Adds one page of agents; call inside the page's transaction. An agent already in the
   * snapshot is kept as it is, unless the entry says `replace` (a newer copy of a repeated id).
   */
  addPage(snapshotId: number, agents: readonly RawAgent[]): number {
    // Insert first: on a first sync every agent is new; on later ones the conflict is cheap.
    const putRaw = this.db
      .prepare(
        'INSERT INTO raw_objects (agent_id, hash, json, bytes) VALUES (?, ?, ?, ?) ON CONFLICT (agent_id, hash) DO NOTHING RETURNING id',
      )
      .pluck();
    const findRaw = this.db
      .prepare('SELECT id FROM raw_objects WHERE agent_id = ? AND hash = ?')
      .pluck();
    const putMember = this.db.prepare(
      'INSERT OR IGNORE INTO snapshot_members (snapshot_id, agent_id, raw_id) VALUES (?, ?, ?)',
    );
    const replaceMember = this.db.prepare(
      `INSERT INTO snapshot_members (snapshot_id, agent_id, raw_id) VALUES (?, ?, ?)
       ON CONFLICT (snapshot_id, agent_id) DO UPDATE SET raw_id = excluded.raw_id`,
    );
    let added = 0;
    for (const agent of agents) {
      const hash = hashOf(agent.json);
      const rawId =
        (putRaw.get(agent.agentId, hash, ...storedForm(agent.json)) as number | undefined) ??
        (findRaw.get(agent.agentId, hash) as number);
      if (agent.replace) replaceMember.run(snapshotId, agent.agentId, rawId);
      else added += putMember.run(snapshotId, agent.agentId, rawId).changes;
    }
    return added;
  }

  memberCount(snapshotId: number): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM snapshot_members WHERE snapshot_id = ?')
        .get(snapshotId) as { n: number }
    ).n;
  }

  /** Seals a snapshot; a complete one becomes the console's current inventory, atomically. */
  finish(
    consoleId: string,
    snapshotId: number,
    complete: boolean,
    expected: number | undefined,
    at: Date,
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE agent_snapshots SET complete = ?, agent_count = ?, expected = ? WHERE id = ?',
        )
        .run(complete ? 1 : 0, this.memberCount(snapshotId), expected ?? null, snapshotId);
      if (complete) new ConsoleStateStore(this.db).setCurrentSnapshot(consoleId, snapshotId, at);
    })();
  }

  current(consoleId: string): SnapshotInfo | undefined {
    const row = this.db
      .prepare(
        `SELECT s.* FROM agent_snapshots s JOIN console_state c ON c.current_snapshot_id = s.id WHERE c.console_id = ?`,
      )
      .get(consoleId) as
      | {
          id: number;
          console_id: string;
          taken_at: string;
          complete: number;
          agent_count: number;
          expected: number | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      consoleId: row.console_id,
      takenAt: row.taken_at,
      complete: row.complete === 1,
      agentCount: row.agent_count,
      ...(row.expected === null ? {} : { expected: row.expected }),
    };
  }

  /**
   * The raw agents of a snapshot in agent id order, read a page at a time by keyset: memory
   * stays flat, and no statement stays open between pages, so callers may write as they go.
   */
  *agents(snapshotId: number, pageSize = 1000): Generator<RawAgent> {
    const page = this.db.prepare(
      `SELECT m.agent_id AS agentId, r.json AS json FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
       WHERE m.snapshot_id = ? AND m.agent_id > ? ORDER BY m.agent_id LIMIT ?`,
    );
    for (let after = ''; ;) {
      const rows = page.all(snapshotId, after, pageSize) as RawAgent[];
      if (rows.length === 0) return;
      yield* rows;
      after = rows.at(-1)!.agentId;
    }
  }

  /** The raw object of one agent of a snapshot, exactly as the API sent it. */
  agentJson(snapshotId: number, agentId: string): string | undefined {
    return this.db
      .prepare(
        `SELECT r.json FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
           WHERE m.snapshot_id = ? AND m.agent_id = ?`,
      )
      .pluck()
      .get(snapshotId, agentId) as string | undefined;
  }

  /** Agents in one snapshot and not in the other. */
  agentsOnlyIn(snapshotId: number, otherId: number): string[] {
    return this.db
      .prepare(
        `SELECT agent_id FROM snapshot_members WHERE snapshot_id = ?
         EXCEPT SELECT agent_id FROM snapshot_members WHERE snapshot_id = ?`,
      )
      .pluck()
      .all(snapshotId, otherId) as string[];
  }

  /** Agents in both snapshots whose raw object differs, with both versions. */
  changedAgents(
    fromId: number,
    toId: number,
  ): Iterable<{ agentId: string; before: string; after: string }> {
    return this.db
      .prepare(
        `SELECT a.agent_id AS agentId, ra.json AS before, rb.json AS after
         FROM snapshot_members a JOIN snapshot_members b ON b.agent_id = a.agent_id AND b.snapshot_id = ?
         JOIN raw_objects ra ON ra.id = a.raw_id JOIN raw_objects rb ON rb.id = b.raw_id
         WHERE a.snapshot_id = ? AND a.raw_id <> b.raw_id ORDER BY a.agent_id`,
      )
      .iterate(toId, fromId) as Iterable<{ agentId: string; before: string; after: string }>;
  }
}
