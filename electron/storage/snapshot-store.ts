import { pruneSoftware } from './software-store';
import { ConsoleStateStore } from './console-state-store';
import type { Db } from '../adapters/db/database';
import type { RawJson } from '../adapters/sentinelone/raw-json';
import { ChunkReader, ChunkWriter, keepParts, reclaimStorage } from './chunk-store';
import { rawOf, storedRawColumns, textOf, type StoredRaw } from './stored-raw';
import { AppError } from '../../shared/errors/app-error';

export interface RawAgent {
  agentId: string;
  /** The agent object exactly as the API sent it. */
  json: RawJson;
}

/** One agent of a walked page: its content hash, and where its bytes lie in the page's chunk. */
export interface PageAgent {
  agentId: string;
  /** sha256 of the object's exact bytes. */
  hash: Buffer;
  at: number;
  length: number;
  /** A newer copy of an id already in this snapshot: it takes that copy's place. */
  replace?: boolean;
  /** Stored already (its hash was among the walk's known ones): its bytes are not in the chunk. */
  known?: boolean;
}

/** A page's raw objects compressed as one chunk, and how many objects it holds. */
export interface PageChunk {
  bytes: Buffer;
  parts: number;
}

/** Agents of one console whose ids lie between `from` and `to`, both included. */
export interface AgentRange {
  consoleId: string;
  from: string;
  to: string;
}

export interface SnapshotInfo {
  id: number;
  consoleId: string;
  takenAt: string;
  complete: boolean;
  agentCount: number;
  expected?: number;
}

/**
 * A walk was told an agent's raw object was stored (its hash was in the snapshot the walk started
 * from), and it is gone: its console was deleted meanwhile. Only a new sync can store it.
 */
export class KnownAgentGoneError extends AppError {
  override readonly name = 'KnownAgentGoneError';
  readonly code = 'conflict';
  constructor(readonly agentId: string) {
    super(
      `Agent ${agentId} was stored when the sync started and is gone from the database (was its console deleted during the sync?). Sync again.`,
    );
  }
}

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
   * Raw objects not stored before are stored from the page's chunk (cut down to them when it
   * holds others too). Returns, per agent, the id of the raw object stored for it now, if any.
   */
  addPage(
    snapshotId: number,
    agents: readonly PageAgent[],
    chunk: PageChunk | null,
  ): (number | undefined)[] {
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
    const rawIds = agents.map((agent) => {
      const id = findRaw.get(agent.agentId, agent.hash) as number | undefined;
      if (id === undefined && agent.known) throw new KnownAgentGoneError(agent.agentId);
      return id;
    });
    const storedNow: (number | undefined)[] = agents.map(() => undefined);
    // The same object twice in one page is stored once.
    const keyOf = (agent: PageAgent) => `${agent.agentId}\u0000${agent.hash.toString('hex')}`;
    const firstOfKey = new Map<string, number>();
    const fresh: number[] = [];
    agents.forEach((agent, i) => {
      if (rawIds[i] !== undefined) return;
      const key = keyOf(agent);
      if (!firstOfKey.has(key)) {
        firstOfKey.set(key, i);
        fresh.push(i);
      }
    });
    if (fresh.length > 0) {
      if (!chunk) throw new Error('a page with new raw objects came without its chunk');
      const spans = fresh.map((i) => [agents[i]!.at, agents[i]!.length] as const);
      const kept =
        fresh.length === chunk.parts
          ? { bytes: chunk.bytes, spans }
          : keepParts(chunk.bytes, spans);
      const chunkId = new ChunkWriter(this.db).put(kept.bytes);
      const insert = this.db.prepare(
        `INSERT INTO raw_objects (agent_id, hash, json, chunk_id, chunk_at, chunk_len)
         VALUES (?, ?, '', ?, ?, ?)`,
      );
      fresh.forEach((i, k) => {
        const [at, length] = kept.spans[k]!;
        const agent = agents[i]!;
        rawIds[i] = Number(
          insert.run(agent.agentId, agent.hash, chunkId, at, length).lastInsertRowid,
        );
        storedNow[i] = rawIds[i];
      });
      agents.forEach((agent, i) => {
        if (rawIds[i] === undefined) rawIds[i] = rawIds[firstOfKey.get(keyOf(agent))!];
      });
    }
    agents.forEach((agent, i) => {
      if (agent.replace) replaceMember.run(snapshotId, agent.agentId, rawIds[i]);
      else putMember.run(snapshotId, agent.agentId, rawIds[i]);
    });
    return storedNow;
  }

  memberCount(snapshotId: number): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM snapshot_members WHERE snapshot_id = ?')
        .get(snapshotId) as { n: number }
    ).n;
  }

  /**
   * A snapshot's agents that are not decommissioned, in id order, after `afterAgentId`: the
   * agents a per-agent walk asks about. An agent not mapped yet counts as active.
   */
  activeAgents(snapshotId: number, afterAgentId: string | null, limit: number): string[] {
    return this.db
      .prepare(
        `SELECT m.agent_id FROM snapshot_members m LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id
         WHERE m.snapshot_id = ? AND m.agent_id > ? AND COALESCE(p.decommissioned, 0) = 0
         ORDER BY m.agent_id LIMIT ?`,
      )
      .pluck()
      .all(snapshotId, afterAgentId ?? '', limit) as string[];
  }

  /** How many of those there are in all, and up to `upTo` included (none when null). */
  activeAgentCounts(snapshotId: number, upTo: string | null): { total: number; done: number } {
    return this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(m.agent_id <= ?), 0) AS done
         FROM snapshot_members m LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id
         WHERE m.snapshot_id = ? AND COALESCE(p.decommissioned, 0) = 0`,
      )
      .get(upTo ?? '', snapshotId) as { total: number; done: number };
  }

  /** The content hashes of a snapshot's agents, one by one (see KnownHashes). */
  memberHashes(snapshotId: number): Iterable<Buffer> {
    return this.db
      .prepare(
        `SELECT r.hash FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
         WHERE m.snapshot_id = ?`,
      )
      .pluck()
      .iterate(snapshotId) as Iterable<Buffer>;
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
      `SELECT m.agent_id AS agentId, ${storedRawColumns('r')}
       FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
       WHERE m.snapshot_id = ? AND m.agent_id > ? ORDER BY m.agent_id LIMIT ?`,
    );
    const chunks = new ChunkReader(this.db);
    for (let after = ''; ;) {
      const rows = page.all(snapshotId, after, pageSize) as (StoredRaw & { agentId: string })[];
      if (rows.length === 0) return;
      for (const row of rows) yield { agentId: row.agentId, json: rawOf(row, chunks) };
      after = rows.at(-1)!.agentId;
    }
  }

  /** The raw object of one agent of a snapshot, as text (invalid UTF-8 reads as U+FFFD). */
  agentJson(snapshotId: number, agentId: string): string | undefined {
    for (const { json } of this.agentTexts(snapshotId, [agentId])) return json;
    return undefined;
  }

  /**
   * The raw objects of some agents of a snapshot, as text, in the order given (those not in it
   * left out). One chunk reader serves them all: agents in id order share their chunks.
   */
  *agentTexts(
    snapshotId: number,
    agentIds: Iterable<string>,
  ): Generator<{ agentId: string; json: string }> {
    const select = this.db.prepare(
      `SELECT ${storedRawColumns('r')} FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
         WHERE m.snapshot_id = ? AND m.agent_id = ?`,
    );
    const chunks = new ChunkReader(this.db);
    for (const agentId of agentIds) {
      const row = select.get(snapshotId, agentId) as StoredRaw | undefined;
      if (row) yield { agentId, json: textOf(row, chunks) };
    }
  }

  /**
   * Prunes a console's replaced snapshots: keeps its newest `keep` complete ones (the current
   * among them), any a push still has batches to send from, and a walk still running; then frees
   * what no snapshot refers to any more (raw objects, their precomputed outputs, chunks) and
   * gives the space back to the file system. Returns how many snapshots went.
   */
  prune(consoleId: string, keep: number): number {
    const pruned = this.db.transaction(() => {
      const doomed = this.db
        .prepare(
          `SELECT s.id FROM agent_snapshots s JOIN sync_runs r ON r.id = s.run_id
           WHERE s.console_id = ? AND r.state <> 'running'
             AND s.id NOT IN (SELECT id FROM agent_snapshots
                              WHERE console_id = ? AND complete = 1 ORDER BY id DESC LIMIT ?)
             AND s.id IS NOT (SELECT current_snapshot_id FROM console_state WHERE console_id = ?)
             AND s.id NOT IN (SELECT snapshot_id FROM push_batches
                              WHERE snapshot_id IS NOT NULL AND state IN ('pending', 'failed'))`,
        )
        .pluck()
        .all(consoleId, consoleId, Math.max(1, keep), consoleId) as number[];
      if (doomed.length === 0) return 0;
      const remove = this.db.prepare('DELETE FROM agent_snapshots WHERE id = ?');
      for (const id of doomed) remove.run(id);
      this.dropUnreferencedRaw();
      // Installed applications are kept for the agents of the snapshots kept.
      pruneSoftware(this.db, consoleId);
      return doomed.length;
    })();
    if (pruned > 0) reclaimStorage(this.db);
    return pruned;
  }

  /**
   * Seals a walk that must leave nothing behind (a console that sent more than it could): the
   * snapshot stays as an incomplete row of history, its members and the raw objects only it held
   * go, and their bytes are given back to the file system.
   */
  discard(snapshotId: number, expected: number | undefined): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM snapshot_members WHERE snapshot_id = ?').run(snapshotId);
      this.db
        .prepare(
          'UPDATE agent_snapshots SET complete = 0, agent_count = 0, expected = ? WHERE id = ?',
        )
        .run(expected ?? null, snapshotId);
      this.dropUnreferencedRaw();
    })();
    reclaimStorage(this.db);
  }

  /** Raw objects no snapshot refers to any more (their precomputed outputs cascade). */
  private dropUnreferencedRaw(): void {
    this.db
      .prepare(
        `DELETE FROM raw_objects WHERE NOT EXISTS
           (SELECT 1 FROM snapshot_members m WHERE m.raw_id = raw_objects.id)`,
      )
      .run();
  }

  /** A console's newest complete snapshots, newest first. */
  lastComplete(consoleId: string, count: number): SnapshotInfo[] {
    const rows = this.db
      .prepare(
        `SELECT id, taken_at AS takenAt, agent_count AS agentCount FROM agent_snapshots
         WHERE console_id = ? AND complete = 1 ORDER BY id DESC LIMIT ?`,
      )
      .all(consoleId, count) as { id: number; takenAt: string; agentCount: number }[];
    return rows.map((row) => ({ ...row, consoleId, complete: true }));
  }

  /**
   * When each agent was first in one of the kept complete snapshots of its console, as a lookup
   * by console id and agent id: the grid's "First seen" (a device new since the oldest kept
   * snapshot has the time of the one that first held it).
   */
  firstSeenLookup(
    /** Only these agents (a page of a listing), by console and agent id range; absent, all. */
    ranges?: readonly AgentRange[],
  ): (consoleId: string, agentId: string) => string | undefined {
    const select = this.db.prepare(
      `SELECT s.console_id AS consoleId, m.agent_id AS agentId, min(s.taken_at) AS takenAt
       FROM agent_snapshots s JOIN snapshot_members m ON m.snapshot_id = s.id
       WHERE s.complete = 1
         ${ranges === undefined ? '' : 'AND s.console_id = ? AND m.agent_id BETWEEN ? AND ?'}
       GROUP BY s.console_id, m.agent_id`,
    );
    type FirstSeen = { consoleId: string; agentId: string; takenAt: string };
    // A page reads its own range by the members' key: ~300 ms for the whole inventory of
    // 100,000 devices, once per page, made listing every page take seconds.
    const rows =
      ranges === undefined
        ? (select.all() as FirstSeen[])
        : ranges.flatMap(
            (range) => select.all(range.consoleId, range.from, range.to) as FirstSeen[],
          );
    const byDevice = new Map(
      rows.map((row) => [`${row.consoleId}\u0000${row.agentId}`, row.takenAt]),
    );
    return (consoleId, agentId) => byDevice.get(`${consoleId}\u0000${agentId}`);
  }

  /**
   * One agent across a console's kept complete snapshots, oldest first: each snapshot's time,
   * and the agent's raw object there as text (absent when the snapshot did not hold it). A raw
   * object the previous snapshot held already is not read again (`same`).
   */
  *agentAcross(
    consoleId: string,
    agentId: string,
  ): Generator<{ snapshotId: number; takenAt: string; json?: string; same?: boolean }> {
    const rows = this.db
      .prepare(
        `SELECT s.id AS snapshotId, s.taken_at AS takenAt, m.raw_id AS rawId, ${storedRawColumns('r')}
         FROM agent_snapshots s
         LEFT JOIN snapshot_members m ON m.snapshot_id = s.id AND m.agent_id = ?
         LEFT JOIN raw_objects r ON r.id = m.raw_id
         WHERE s.console_id = ? AND s.complete = 1 ORDER BY s.id`,
      )
      .all(agentId, consoleId) as (StoredRaw & {
      snapshotId: number;
      takenAt: string;
      rawId: number | null;
    })[];
    const chunks = new ChunkReader(this.db);
    let previous: number | null = null;
    for (const row of rows) {
      const { snapshotId, takenAt, rawId } = row;
      if (rawId === null) yield { snapshotId, takenAt };
      else if (rawId === previous) yield { snapshotId, takenAt, same: true };
      else yield { snapshotId, takenAt, json: textOf(row, chunks) };
      previous = rawId;
    }
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

  /** Agents in both snapshots whose raw object differs, in id order. */
  changedAgentIds(fromId: number, toId: number): string[] {
    return this.db
      .prepare(
        `SELECT a.agent_id FROM snapshot_members a
         JOIN snapshot_members b ON b.agent_id = a.agent_id AND b.snapshot_id = ?
         WHERE a.snapshot_id = ? AND a.raw_id <> b.raw_id ORDER BY a.agent_id`,
      )
      .pluck()
      .all(toId, fromId) as string[];
  }

  /** Agents in both snapshots whose raw object differs, with both versions. */
  *changedAgents(
    fromId: number,
    toId: number,
  ): Generator<{ agentId: string; before: string; after: string }> {
    const rows = this.db
      .prepare(
        `SELECT a.agent_id AS agentId, ${storedRawColumns('ra', 'a_')}, ${storedRawColumns('rb', 'b_')}
         FROM snapshot_members a JOIN snapshot_members b ON b.agent_id = a.agent_id AND b.snapshot_id = ?
         JOIN raw_objects ra ON ra.id = a.raw_id JOIN raw_objects rb ON rb.id = b.raw_id
         WHERE a.snapshot_id = ? AND a.raw_id <> b.raw_id ORDER BY a.agent_id`,
      )
      .iterate(toId, fromId) as Iterable<Record<string, unknown> & { agentId: string }>;
    const before = new ChunkReader(this.db);
    const after = new ChunkReader(this.db);
    for (const row of rows) {
      yield {
        agentId: row.agentId,
        before: textOf(prefixed(row, 'a_'), before),
        after: textOf(prefixed(row, 'b_'), after),
      };
    }
  }
}

function prefixed(row: Record<string, unknown>, prefix: string): StoredRaw {
  return {
    json: row[`${prefix}json`] as string,
    bytes: row[`${prefix}bytes`] as Buffer | null,
    chunkId: row[`${prefix}chunkId`] as number | null,
    chunkAt: row[`${prefix}chunkAt`] as number | null,
    chunkLen: row[`${prefix}chunkLen`] as number | null,
  };
}
