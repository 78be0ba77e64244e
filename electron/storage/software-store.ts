import type { Db } from '../adapters/db/database';
import { CHUNK_CODEC, compressChunk, decompressChunk, type ChunkCodec } from './chunk-store';
import { splitBody } from '../adapters/sentinelone/page-splitter';
import type { RawJson } from '../adapters/sentinelone/raw-json';
import { packIds, unpackIds } from './packed-ids';
import { OPEN_RISK, SEVERITY_RANK_SQL } from './vulnerability-store';
import { severityOfRank } from '../../shared/cve-severity';
import { deltaOf, isEmptyDelta, pruneSoftwareChanges, SoftwareChanges } from './software-changes';

/** One installed application as the console lists it: what makes it distinct. */
export interface SoftwareKey {
  name: string;
  vendor: string;
  version: string;
}

/** Where a console's walk over its agents stands: a new one, or one a crash or cancel left. */
export interface SoftwareWalk {
  startedAt: string;
  /** The last agent done, in id order; null before the first. */
  afterAgentId: string | null;
  resumed: boolean;
}

/** One agent's stored set: its applications' ids in the console's order, and the raw answer. */
export interface AgentSoftware {
  consoleId: string;
  agentId: string;
  readAt: string;
  softwareIds: Uint32Array;
  /** The "data" array as the console sent it (each element byte-exact). */
  raw: Buffer;
  /** Each application as the console sent it. */
  elements(): RawJson[];
  /** Each application parsed (one parse for the whole set: what the OCSF export reads). */
  parsed(): unknown[];
}

/**
 * Installed applications (migration 18): each distinct application once, each agent's set as one
 * row (ids packed, the raw answer compressed), replaced whole in the transaction that moves the
 * console's walk past the agent, so a crash leaves every agent either before or after.
 */
export class SoftwareStore {
  readonly changes: SoftwareChanges;

  constructor(private readonly db: Db) {
    this.changes = new SoftwareChanges(db);
  }

  /** The walk under way for a console, or a new one begun at `at`. */
  walk(consoleId: string, at: Date): SoftwareWalk {
    const open = this.db
      .prepare(
        'SELECT started_at AS startedAt, after_agent_id AS afterAgentId FROM software_walks WHERE console_id = ? AND finished_at IS NULL',
      )
      .get(consoleId) as { startedAt: string; afterAgentId: string | null } | undefined;
    if (open) return { ...open, resumed: true };
    const startedAt = at.toISOString();
    this.db
      .prepare(
        `INSERT INTO software_walks (console_id, started_at, after_agent_id, finished_at) VALUES (?, ?, NULL, NULL)
         ON CONFLICT (console_id) DO UPDATE SET started_at = excluded.started_at, after_agent_id = NULL, finished_at = NULL`,
      )
      .run(consoleId, startedAt);
    return { startedAt, afterAgentId: null, resumed: false };
  }

  /** Stores one agent's applications (its set replaced whole) and moves the walk past it. */
  storeAgent(
    consoleId: string,
    agentId: string,
    applications: readonly SoftwareKey[],
    raw: Buffer,
    at: Date,
    /** The snapshot walked: a change to the agent's set is recorded under it. */
    snapshotId: number,
  ): void {
    const insert = this.db.prepare(
      'INSERT INTO software (name, vendor, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const find = this.db
      .prepare('SELECT id FROM software WHERE name = ? AND vendor = ? AND version = ?')
      .pluck();
    this.db.transaction(() => {
      const ids = new Uint32Array(applications.length);
      applications.forEach((app, i) => {
        const inserted = insert.run(app.name, app.vendor, app.version);
        ids[i] = Number(
          inserted.changes > 0
            ? inserted.lastInsertRowid
            : find.get(app.name, app.vendor, app.version),
        );
      });
      const before = this.db
        .prepare('SELECT software_ids FROM agent_software WHERE console_id = ? AND agent_id = ?')
        .pluck()
        .get(consoleId, agentId) as Buffer | undefined;
      // An agent's first set is what it had, not what it installed; most sets do not change.
      const delta = before && deltaOf(unpackIds(before), ids);
      if (delta && !isEmptyDelta(delta)) this.changes.record(consoleId, agentId, snapshotId, delta);
      this.db
        .prepare(
          `INSERT INTO agent_software (console_id, agent_id, read_at, software_ids, raw, codec) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (console_id, agent_id) DO UPDATE SET read_at = excluded.read_at,
             software_ids = excluded.software_ids, raw = excluded.raw, codec = excluded.codec`,
        )
        .run(
          consoleId,
          agentId,
          at.toISOString(),
          packIds(ids),
          compressChunk(raw),
          CHUNK_CODEC.brotli,
        );
      this.db
        .prepare('UPDATE software_walks SET after_agent_id = ? WHERE console_id = ?')
        .run(agentId, consoleId);
    })();
  }

  /** Ends the console's walk: the next sync begins a new one. */
  finishWalk(consoleId: string, at: Date): void {
    this.db
      .prepare('UPDATE software_walks SET finished_at = ? WHERE console_id = ?')
      .run(at.toISOString(), consoleId);
  }

  /** How many agents of a console have a stored set. */
  agentCount(consoleId: string): number {
    return this.db
      .prepare('SELECT COUNT(*) FROM agent_software WHERE console_id = ?')
      .pluck()
      .get(consoleId) as number;
  }

  /** One agent's stored set, if any. */
  ofAgent(consoleId: string, agentId: string): AgentSoftware | undefined {
    const row = this.db
      .prepare(
        'SELECT console_id, agent_id, read_at, software_ids, raw, codec FROM agent_software WHERE console_id = ? AND agent_id = ?',
      )
      .get(consoleId, agentId) as StoredSet | undefined;
    return row && setOf(row);
  }

  /** Every stored set, by console (all, or the one named) then agent, one at a time. */
  *sets(consoleName?: string): Generator<AgentSoftware> {
    const rows =
      consoleName === undefined
        ? this.db
            .prepare(
              `SELECT s.console_id, s.agent_id, s.read_at, s.software_ids, s.raw, s.codec
               FROM agent_software s JOIN consoles c ON c.id = s.console_id
               ORDER BY c.name COLLATE NOCASE, s.agent_id`,
            )
            .iterate()
        : this.db
            .prepare(
              `SELECT s.console_id, s.agent_id, s.read_at, s.software_ids, s.raw, s.codec
               FROM agent_software s JOIN consoles c ON c.id = s.console_id
               WHERE c.name = ? COLLATE NOCASE ORDER BY s.agent_id`,
            )
            .iterate(consoleName);
    for (const row of rows as Iterable<StoredSet>) yield setOf(row);
  }

  /**
   * What the device grid and its CSV add to each device: applications installed, open CVEs and
   * the worst one's severity, by console and agent (`enrichmentKey`).
   */
  enrichments(): Map<string, DeviceEnrichment> {
    const found = new Map<string, DeviceEnrichment>();
    const entry = (consoleId: string, agentId: string) => {
      const key = enrichmentKey(consoleId, agentId);
      let value = found.get(key);
      if (!value) found.set(key, (value = {}));
      return value;
    };
    const sets = this.db
      .prepare('SELECT console_id, agent_id, length(software_ids) / 4 AS n FROM agent_software')
      .iterate() as Iterable<{ console_id: string; agent_id: string; n: number }>;
    for (const row of sets) entry(row.console_id, row.agent_id).applications = row.n;
    const cves = this.db
      .prepare(
        `SELECT console_id, agent_id, COUNT(*) AS n, MAX(${SEVERITY_RANK_SQL}) AS worst
         FROM entity_records WHERE ${OPEN_RISK}
         GROUP BY console_id, agent_id`,
      )
      .iterate() as Iterable<{ console_id: string; agent_id: string; n: number; worst: number }>;
    for (const row of cves) {
      const value = entry(row.console_id, row.agent_id);
      value.vulnerabilities = row.n;
      value.highestSeverity = severityOfRank(row.worst);
    }
    return found;
  }

  /**
   * What each device gains, as a lookup: a device of a console whose CVEs were read but that has
   * none open gains "0, None" (the grid, its CSV and the Overview say the same).
   */
  enrichmentLookup(): (consoleId: string, agentId: string) => DeviceEnrichment | undefined {
    const enrichments = this.enrichments();
    const cvesRead = new Set(
      this.db
        .prepare(`SELECT console_id FROM checkpoints WHERE api = 'vulnerabilities'`)
        .pluck()
        .all() as string[],
    );
    return (consoleId, agentId) => {
      const found = enrichments.get(enrichmentKey(consoleId, agentId));
      if (found?.vulnerabilities !== undefined || !cvesRead.has(consoleId)) return found;
      return { ...found, vulnerabilities: 0, highestSeverity: 'None' };
    };
  }

  /** Changes when what `enrichments` reads may have: a walk begun or ended, a CVE walk done. */
  enrichmentVersion(): string {
    return (
      (this.db
        .prepare(
          `SELECT IFNULL((SELECT group_concat(console_id || started_at || IFNULL(finished_at, ''), ';') FROM software_walks), '')
             || '|' || IFNULL((SELECT group_concat(console_id || value, ';') FROM checkpoints WHERE api = 'vulnerabilities'), '')`,
        )
        .pluck()
        .get() as string | null) ?? ''
    );
  }

  /** Each distinct application, by id. */
  catalogue(ids: Iterable<number>): Map<number, SoftwareKey> {
    const get = this.db.prepare('SELECT name, vendor, version FROM software WHERE id = ?');
    const found = new Map<number, SoftwareKey>();
    for (const id of ids) {
      if (found.has(id)) continue;
      const row = get.get(id) as SoftwareKey | undefined;
      if (row) found.set(id, row);
    }
    return found;
  }
}

/**
 * Deletes the sets of a console's agents that no snapshot it keeps holds any more (retention
 * follows the snapshots), then the applications no set lists. Call inside the transaction
 * that prunes the snapshots, or removes a console (then with no console: every set stays
 * whose console does).
 */
export function pruneSoftware(db: Db, consoleId?: string): void {
  if (consoleId !== undefined) {
    const dropped =
      db
        .prepare(
          `DELETE FROM agent_software WHERE console_id = ? AND agent_id NOT IN (
             SELECT m.agent_id FROM snapshot_members m JOIN agent_snapshots s ON s.id = m.snapshot_id
             WHERE s.console_id = ?)`,
        )
        .run(consoleId, consoleId).changes + pruneSoftwareChanges(db, consoleId);
    // Most prunes drop no set (the same agents stay): no scan of every set for them.
    if (dropped === 0) return;
  }
  // Ids live in packed blobs, out of SQL's sight: gathered by one scan of the sets and changes.
  const listed = new Set<number>();
  const blobs = db.prepare(
    `SELECT software_ids FROM agent_software
     UNION ALL SELECT installed FROM software_changes UNION ALL SELECT removed FROM software_changes`,
  );
  for (const blob of blobs.pluck().iterate()) {
    for (const id of unpackIds(blob as Buffer)) listed.add(id);
  }
  const remove = db.prepare('DELETE FROM software WHERE id = ?');
  for (const id of db.prepare('SELECT id FROM software').pluck().all() as number[]) {
    if (!listed.has(id)) remove.run(id);
  }
}

/** What a device gains from its applications and CVEs. */
export interface DeviceEnrichment {
  applications?: number;
  vulnerabilities?: number;
  highestSeverity?: string;
}

export const enrichmentKey = (consoleId: string, agentId: string) => `${consoleId}\u0000${agentId}`;

interface StoredSet {
  console_id: string;
  agent_id: string;
  read_at: string;
  software_ids: Buffer;
  raw: Buffer;
  codec: ChunkCodec;
}

function setOf(row: StoredSet): AgentSoftware {
  const ids = row.software_ids;
  const raw = decompressChunk(row.raw, row.codec);
  return {
    consoleId: row.console_id,
    agentId: row.agent_id,
    readAt: row.read_at,
    softwareIds: unpackIds(ids),
    raw,
    parsed: () => {
      const value: unknown = JSON.parse(raw.toString('utf8'));
      return Array.isArray(value) ? value : [];
    },
    elements: () =>
      splitBody(Buffer.concat([Buffer.from('{"data":'), raw, Buffer.from('}')]), 'stored').elements,
  };
}
