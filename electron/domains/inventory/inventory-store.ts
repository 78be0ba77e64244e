import type { ReadOnlyDb } from '../../adapters/db/database';
import { RAW_COLUMN, type RawJson } from '../../adapters/sentinelone/raw-json';
import { PRECOMPUTE_VERSION, precomputeAgent, withTime } from '../../../shared/devices/precomputed';

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
    `SELECT m.agent_id AS agentId, ${RAW_COLUMN} AS json FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
     WHERE m.snapshot_id = ? AND m.agent_id > ? ORDER BY m.agent_id LIMIT 1000`,
  );
  for (const { console: record, snapshotId, readAtMs } of currentSnapshots(db, consoleName)) {
    for (let after = ''; ;) {
      const rows = page.all(snapshotId, after) as { agentId: string; json: RawJson }[];
      if (rows.length === 0) break;
      for (const raw of rows) {
        yield { console: record, agentId: raw.agentId, snapshotId, readAtMs, raw: raw.json };
      }
      after = rows.at(-1)!.agentId;
    }
  }
}

/** The skip reason of a decommissioned device where the caller leaves them out (the push). */
export const DECOMMISSIONED = 'decommissioned';
const IS_DECOMMISSIONED = `instr(p.device_row, '"decommissioned":true') > 0 AS decommissioned`;

const COLUMNS: Record<InventoryOutput, string> = {
  ocsf: 'p.ocsf AS text',
  sekoia: `p.sekoia AS text, p.sekoia_skip AS skip, p.sekoia_time AS sekoiaTime, ${IS_DECOMMISSIONED}`,
  deviceRow: 'p.device_row AS text',
  // Whether Sekoia takes the device, without reading its record: '' when it does.
  sekoiaSkip: `CASE WHEN p.sekoia_skip IS NULL THEN '' END AS text, p.sekoia_skip AS skip, ${IS_DECOMMISSIONED}`,
};

interface StoredRow {
  agentId: string;
  rejected: string | null;
  text: string | null;
  skip?: string | null;
  sekoiaTime?: number | null;
  decommissioned?: number | boolean | null;
  /** Only when no current precomputed row exists. */
  json: string | null;
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
  const page = db.prepare(
    `SELECT m.agent_id AS agentId, p.rejected AS rejected, ${COLUMNS[output]},
            CASE WHEN p.raw_id IS NULL THEN (SELECT json FROM raw_objects WHERE id = m.raw_id) END AS json
     FROM snapshot_members m
     LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id AND p.version = ?
     WHERE m.snapshot_id = ? AND m.agent_id > ? ORDER BY m.agent_id LIMIT ?`,
  );
  const snapshots = currentSnapshots(db, consoleName);
  const first = from ? snapshots.findIndex((s) => s.console.id === from.consoleId) : 0;
  for (const [index, { console: record, snapshotId, readAtMs }] of snapshots.entries()) {
    if (index < first) continue;
    for (let after = index === first && from ? from.afterAgentId : ''; ;) {
      const rows = page.all(PRECOMPUTE_VERSION, snapshotId, after, pageSize) as StoredRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const entry = { console: record, agentId: row.agentId, snapshotId, readAtMs };
        const result = row.json === null ? row : fromRaw(output, row.agentId, row.json);
        if (result.rejected !== null) continue;
        if (skipDecommissioned && result.decommissioned)
          yield { ...entry, skipped: DECOMMISSIONED };
        else if (result.text === null) yield { ...entry, skipped: result.skip ?? 'not mapped' };
        else yield { ...entry, text: withReadTime(output, result, readAtMs) };
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

function fromRaw(output: InventoryOutput, agentId: string, json: string): StoredRow {
  const mapped = precomputeAgent(json);
  if (!mapped.ok) return { agentId, rejected: mapped.reason, text: null, json: null };
  const text = {
    ocsf: mapped.ocsf,
    sekoia: mapped.sekoia,
    deviceRow: mapped.deviceRow,
    sekoiaSkip: mapped.sekoia === null ? null : '',
  }[output];
  return {
    agentId,
    rejected: null,
    text,
    skip: mapped.sekoiaSkip,
    sekoiaTime: mapped.sekoiaTime,
    decommissioned: mapped.deviceRow.includes('"decommissioned":true'),
    json: null,
  };
}

function withReadTime(output: InventoryOutput, row: StoredRow, readAtMs: number): string {
  if (output === 'ocsf') return withTime(row.text!, Math.trunc(readAtMs));
  if (output === 'sekoia') return withTime(row.text!, row.sekoiaTime ?? readAtMs / 1000);
  return row.text!;
}
