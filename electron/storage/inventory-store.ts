import type { ReadOnlyDb } from '../adapters/db/database';
import type { RawJson } from '../adapters/sentinelone/raw-json';
import {
  PRECOMPUTE_VERSION,
  precomputeAgent,
  sekoiaText,
  withTime,
} from '../../shared/devices/precomputed';
import { ChunkReader } from './chunk-store';
import { rawOf, storedRawColumns, textOf, type StoredRaw } from './stored-raw';

/** What the current inventory can be read as; see shared/devices/precomputed.ts. */
export type InventoryOutput = 'ocsf' | 'sekoia' | 'deviceRow' | 'sekoiaSkip';

/** The console a device came from, as the inventory names it. */
export interface InventoryConsole {
  id: string;
  name: string;
}

// The current inventory, read-only: every query here goes through a ReadOnlyDb.

export interface InventoryEntry {
  console: InventoryConsole;
  agentId: string;
  snapshotId: number;
  /** When the snapshot holding it was taken: the time S1 Inventory read the agent. */
  readAtMs: number;
}

export type InventoryRecord = InventoryEntry & ({ text: string } | { skipped: string });
export type InventoryText = InventoryEntry & { text: string };

interface Snapshot {
  console: InventoryConsole;
  snapshotId: number;
  readAtMs: number;
}

/** How many devices the current inventory holds (agents the reader rejected included). */
export function currentDeviceCount(db: ReadOnlyDb, consoleName?: string): number {
  return currentSnapshots(db, consoleName).reduce(
    (sum, { snapshotId }) =>
      sum +
      (db
        .prepare('SELECT COUNT(*) FROM snapshot_members WHERE snapshot_id = ?')
        .pluck()
        .get(snapshotId) as number),
    0,
  );
}

/** For each console (or the one named), its newest complete snapshot, by console name. */
function currentSnapshots(db: ReadOnlyDb, consoleName?: string): Snapshot[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, s.id AS snapshotId, s.taken_at AS takenAt
       FROM consoles c
       JOIN console_state cs ON cs.console_id = c.id
       JOIN agent_snapshots s ON s.id = cs.current_snapshot_id
       WHERE ? IS NULL OR c.name = ? COLLATE NOCASE
       ORDER BY c.name COLLATE NOCASE`,
    )
    .all(consoleName ?? null, consoleName ?? null) as {
    id: string;
    name: string;
    snapshotId: number;
    takenAt: string;
  }[];
  return rows.map((row) => ({
    console: { id: row.id, name: row.name },
    snapshotId: row.snapshotId,
    readAtMs: Date.parse(row.takenAt),
  }));
}

/** The agents of the current inventory exactly as the API sent them. */
export function* currentRawAgents(
  db: ReadOnlyDb,
  consoleName?: string,
): Generator<InventoryEntry & { raw: RawJson }> {
  const page = db.prepare(
    `SELECT m.agent_id AS agentId, ${storedRawColumns('r')}
     FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
     WHERE m.snapshot_id = ? AND m.agent_id > ? ORDER BY m.agent_id LIMIT 1000`,
  );
  const chunks = new ChunkReader(db);
  for (const { console: record, snapshotId, readAtMs } of currentSnapshots(db, consoleName)) {
    for (let after = ''; ;) {
      const rows = page.all(snapshotId, after) as (StoredRaw & { agentId: string })[];
      if (rows.length === 0) break;
      for (const row of rows) {
        yield {
          console: record,
          agentId: row.agentId,
          snapshotId,
          readAtMs,
          raw: rawOf(row, chunks),
        };
      }
      after = rows.at(-1)!.agentId;
    }
  }
}

/** The skip reason of a decommissioned device where the caller leaves them out (the push). */
export const DECOMMISSIONED = 'decommissioned';
const IS_DECOMMISSIONED = 'p.decommissioned AS decommissioned';

const COLUMNS: Record<InventoryOutput, string> = {
  ocsf: 'p.ocsf_chunk_id AS chunk, p.ocsf_at AS at, p.ocsf_len AS len',
  // The push's records are mapped as they are read (precomputing them would cost more disk
  // than the raw agents); whether the device is decommissioned comes from its own column.
  sekoia: IS_DECOMMISSIONED,
  deviceRow: 'p.row_chunk_id AS chunk, p.row_at AS at, p.row_len AS len',
  // Whether Sekoia takes the device, without reading its record: '' when it does.
  sekoiaSkip: `CASE WHEN p.sekoia_skip IS NULL THEN '' END AS text, p.sekoia_skip AS skip, ${IS_DECOMMISSIONED}`,
};

/** A row of the inventory query: the raw object's columns only where it is joined (Sekoia). */
interface StoredRow extends Partial<StoredRaw> {
  agentId: string;
  rawId: number;
  rejected: string | null;
  text?: string | null;
  skip?: string | null;
  decommissioned?: number | boolean | null;
  /** Where the stored OCSF record or device row lies in its chunk. */
  chunk?: number | null;
  at?: number | null;
  len?: number | null;
  /** 1 when the record is mapped from the raw agent here: no precomputed row, or Sekoia. */
  fromRaw: number;
}

interface Outcome {
  rejected: string | null;
  text: string | null;
  skip?: string | null;
  decommissioned?: number | boolean | null;
}

/**
 * The current inventory as stored records, streamed a keyset page at a time so memory stays
 * flat. Records come from the outputs precomputed after the sync; an agent without them (an
 * older mapper version, a sync just finished) is mapped here instead, so the result is the same
 * either way. Agents the reader rejects are left out, as the sync reported them; devices Sekoia
 * refuses come as `skipped`.
 */
/** Where a read resumes: after this agent of this console (consoles come in name order). */
export interface InventoryCursor {
  consoleId: string;
  afterAgentId: string;
}

export function* currentInventory(
  db: ReadOnlyDb,
  output: InventoryOutput,
  consoleName?: string,
  pageSize = 1000,
  from?: InventoryCursor,
  /** Sekoia outputs: decommissioned devices come as skipped (DECOMMISSIONED). */
  skipDecommissioned = false,
): Generator<InventoryRecord> {
  // Sekoia records are always mapped from the raw agent, so its row is joined. Other outputs
  // read it only for an agent without precomputed outputs (rare): a join would look up every
  // agent's raw row, a third of the query's time, to use almost none of them.
  const joinRaw = output === 'sekoia';
  const page = db.prepare(
    `SELECT m.agent_id AS agentId, m.raw_id AS rawId, p.rejected AS rejected, ${COLUMNS[output]},
            ${joinRaw ? `1 AS fromRaw, ${storedRawColumns('r')}` : '(p.raw_id IS NULL) AS fromRaw'}
     FROM snapshot_members m
     LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id AND p.version = ?
     ${joinRaw ? 'JOIN raw_objects r ON r.id = m.raw_id' : ''}
     WHERE m.snapshot_id = ? AND m.agent_id > ? ORDER BY m.agent_id LIMIT ?`,
  );
  const rawRow = db.prepare(`SELECT ${storedRawColumns('r')} FROM raw_objects r WHERE r.id = ?`);
  const rawChunks = new ChunkReader(db);
  const outputChunks = new ChunkReader(db);
  const snapshots = currentSnapshots(db, consoleName);
  const first = from ? snapshots.findIndex((s) => s.console.id === from.consoleId) : 0;
  for (const [index, { console: record, snapshotId, readAtMs }] of snapshots.entries()) {
    if (index < first) continue;
    for (let after = index === first && from ? from.afterAgentId : ''; ;) {
      const rows = page.all(PRECOMPUTE_VERSION, snapshotId, after, pageSize) as StoredRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        // Literals, not spreads of the row or the entry: this runs for every device an export
        // writes, and copying an object by spreading it costs more than reading its record.
        const result: Outcome = row.fromRaw
          ? mapRaw(
              output,
              textOf(
                joinRaw ? (row as StoredRaw) : (rawRow.get(row.rawId) as StoredRaw),
                rawChunks,
              ),
              readAtMs,
              row.decommissioned,
            )
          : {
              rejected: row.rejected,
              text: storedText(output, row, outputChunks, readAtMs),
              skip: row.skip,
              decommissioned: row.decommissioned,
            };
        if (result.rejected !== null) continue;
        const { agentId } = row;
        if (skipDecommissioned && result.decommissioned) {
          yield { console: record, agentId, snapshotId, readAtMs, skipped: DECOMMISSIONED };
        } else if (result.text === null) {
          const skipped = result.skip ?? 'not mapped';
          yield { console: record, agentId, snapshotId, readAtMs, skipped };
        } else {
          yield { console: record, agentId, snapshotId, readAtMs, text: result.text };
        }
      }
      after = rows.at(-1)!.agentId;
    }
  }
}

/** Devices only: the grid, CSV and `s1inv devices`. */
export function* currentDeviceRows(
  db: ReadOnlyDb,
  consoleName?: string,
  from?: InventoryCursor,
): Generator<InventoryText> {
  for (const record of currentInventory(db, 'deviceRow', consoleName, 1000, from)) {
    if ('text' in record) yield record;
  }
}

/**
 * The device rows (JSON text) of some agents of one snapshot, in the order given (those not in
 * it, or rejected, left out): from the rows precomputed at sync, so a comparison reads small
 * row chunks, each once for the agents in id order it holds, and maps nothing again; an agent
 * without a current precomputed row is mapped from its raw object.
 */
export function* snapshotDeviceRows(
  db: ReadOnlyDb,
  snapshotId: number,
  agentIds: Iterable<string>,
): Generator<{ agentId: string; text: string }> {
  const select = db.prepare(
    `SELECT m.agent_id AS agentId, m.raw_id AS rawId, p.rejected AS rejected, ${COLUMNS.deviceRow},
            (p.raw_id IS NULL) AS fromRaw
     FROM snapshot_members m
     LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id AND p.version = ?
     WHERE m.snapshot_id = ? AND m.agent_id = ?`,
  );
  const rawRow = db.prepare(`SELECT ${storedRawColumns('r')} FROM raw_objects r WHERE r.id = ?`);
  const rawChunks = new ChunkReader(db);
  const rowChunks = new ChunkReader(db);
  for (const agentId of agentIds) {
    const row = select.get(PRECOMPUTE_VERSION, snapshotId, agentId) as StoredRow | undefined;
    if (row === undefined) continue;
    const text = row.fromRaw
      ? mapRaw('deviceRow', textOf(rawRow.get(row.rawId) as StoredRaw, rawChunks), 0, null).text
      : row.rejected === null
        ? storedText('deviceRow', row, rowChunks, 0)
        : null;
    if (text !== null) yield { agentId, text };
  }
}

/** A record mapped from its raw agent, as the precomputed outputs would give it. */
function mapRaw(
  output: InventoryOutput,
  json: string,
  readAtMs: number,
  storedDecommissioned: number | boolean | null | undefined,
): Outcome {
  if (output === 'sekoia') {
    const sekoia = sekoiaText(json, readAtMs);
    const decommissioned = storedDecommissioned ?? sekoia.decommissioned;
    if (sekoia.ok) return { rejected: null, text: sekoia.text, decommissioned };
    if (sekoia.rejected) return { rejected: sekoia.reason, text: null };
    return { rejected: null, text: null, skip: sekoia.reason, decommissioned };
  }
  const mapped = precomputeAgent(json);
  if (!mapped.ok) return { rejected: mapped.reason, text: null };
  const { decommissioned } = mapped;
  const text = {
    ocsf: withTime(mapped.ocsf, Math.trunc(readAtMs)),
    deviceRow: mapped.deviceRow,
    sekoiaSkip: mapped.sekoiaSkip === null ? '' : null,
  }[output];
  return { rejected: null, text, skip: mapped.sekoiaSkip, decommissioned };
}

/**
 * A precomputed output as the reader wants it: an OCSF record or a device row out of its
 * chunk (the record with the snapshot's read time put back), or the Sekoia skip's text.
 */
function storedText(
  output: InventoryOutput,
  row: StoredRow,
  chunks: ChunkReader,
  readAtMs: number,
): string | null {
  if (output === 'sekoiaSkip') return row.text ?? null;
  if (row.chunk === null || row.chunk === undefined) return null;
  const text = chunks.slice(row.chunk, row.at!, row.len!).toString('utf8');
  return output === 'ocsf' ? withTime(text, Math.trunc(readAtMs)) : text;
}

/** The current inventory as the domains read it: the functions above, bound to one database. */
export class InventoryReader {
  constructor(private readonly db: ReadOnlyDb) {}

  deviceCount(consoleName?: string): number {
    return currentDeviceCount(this.db, consoleName);
  }

  records(
    output: InventoryOutput,
    consoleName?: string,
    options: { from?: InventoryCursor; skipDecommissioned?: boolean } = {},
  ): Generator<InventoryRecord> {
    return currentInventory(
      this.db,
      output,
      consoleName,
      1000,
      options.from,
      options.skipDecommissioned,
    );
  }

  deviceRows(consoleName?: string, from?: InventoryCursor): Generator<InventoryText> {
    return currentDeviceRows(this.db, consoleName, from);
  }

  /** Some agents' device rows in one snapshot, current or not (see snapshotDeviceRows). */
  deviceRowsIn(snapshotId: number, agentIds: Iterable<string>) {
    return snapshotDeviceRows(this.db, snapshotId, agentIds);
  }

  rawAgents(consoleName?: string): ReturnType<typeof currentRawAgents> {
    return currentRawAgents(this.db, consoleName);
  }
}
