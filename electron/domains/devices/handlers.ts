import type { Db } from '../../adapters/db/database';
import {
  currentDeviceCount,
  currentDeviceRows,
  type InventoryCursor,
} from '../inventory/inventory';
import { SnapshotStore } from '../sync/snapshot-store';
import { deviceRowOf, precomputeAgent, withTime } from '../../../shared/devices/precomputed';
import type { GridRow } from '../../../shared/contract/views';
import { indentJson } from '../../../shared/json-indent';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import type { HandlerGroup } from '../../backend/handler-types';

const RECENT = 50;
const DEFAULT_PAGE = 50_000;

export const deviceHandlers: HandlerGroup<'devices.list' | 'devices.detail'> = {
  'devices.list': ({ cursor, limit = DEFAULT_PAGE, console: consoleName }, backend) => {
    if (consoleName !== undefined) backend.consoles.get(consoleName);
    const rows: GridRow[] = [];
    let last: InventoryCursor | undefined;
    const total = () => currentDeviceCount(backend.db, consoleName);
    for (const record of currentDeviceRows(backend.db, consoleName, cursorFrom(cursor))) {
      if (rows.length === limit) return { rows, next: JSON.stringify(last), total: total() };
      rows.push(deviceRowOf(record.text, record.console.name));
      last = { consoleId: record.console.id, afterAgentId: record.agentId };
    }
    return { rows, total: total() };
  },
  'devices.detail': ({ console: consoleName, agentId }, backend) => {
    const record = backend.consoles.get(consoleName);
    const snapshot = new SnapshotStore(backend.db).current(record.id);
    const raw = snapshot
      ? (backend.db
          .prepare(
            `SELECT r.json FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
               WHERE m.snapshot_id = ? AND m.agent_id = ?`,
          )
          .pluck()
          .get(snapshot.id, agentId) as string | undefined)
      : undefined;
    const mapped = raw === undefined ? undefined : precomputeAgent(raw);
    if (raw === undefined || !mapped?.ok) {
      throw new InvalidArgumentError(
        `Console "${record.name}" has no device ${agentId} in its current inventory. Sync it again, then reopen the device.`,
      );
    }
    const recent = (table: 'threats' | 'activities', order: string) =>
      (
        backend.db
          .prepare(
            `SELECT json FROM ${table} WHERE console_id = ? AND agent_id = ? ORDER BY ${order} DESC LIMIT ${RECENT}`,
          )
          .pluck()
          .all(record.id, agentId) as string[]
      ).map((json) => JSON.parse(json) as Record<string, unknown>);
    return {
      console: record.name,
      agentId,
      ocsf: indentJson(withTime(mapped.ocsf, Math.trunc(Date.parse(snapshot!.takenAt)))),
      raw: indentJson(raw),
      threats: recent('threats', 'updated_at'),
      activities: recent('activities', 'created_at'),
    };
  },
};

/** Every device of the current inventory, as the grid shows it. */
export function gridRows(db: Db): GridRow[] {
  const rows: GridRow[] = [];
  for (const record of currentDeviceRows(db)) {
    rows.push(deviceRowOf(record.text, record.console.name));
  }
  return rows;
}

function cursorFrom(cursor: string | undefined): InventoryCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(cursor) as Partial<InventoryCursor>;
    if (typeof parsed.consoleId === 'string' && typeof parsed.afterAgentId === 'string') {
      return { consoleId: parsed.consoleId, afterAgentId: parsed.afterAgentId };
    }
  } catch {
    // reported below
  }
  throw new InvalidArgumentError(
    'The devices cursor is not one this backend handed out. Reload the Devices screen.',
  );
}
