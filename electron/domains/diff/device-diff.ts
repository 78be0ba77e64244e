import type { DeviceRow } from '../../../shared/devices/device-row';
import { bareRow, changedFields } from './compared-columns';
import { deviceRowOf } from '../../../shared/devices/precomputed';
import type { InventoryReader } from '../../storage/inventory-store';
import type { ConsoleDiff, DeviceChange } from '../../../shared/contract/views';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { SnapshotInfo, SnapshotStore } from '../../storage/snapshot-store';
import type { SoftwareStore } from '../../storage/software-store';
import { softwareDiff } from './software-diff';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import { MAX_KEEP_SNAPSHOTS } from '../consoles/console-settings';

/**
 * What changed between two complete snapshots of a console, in the analyst's columns: the last
 * two, or the pair chosen among those kept (`to` defaults to the newest, `from` to the one
 * before `to`; given the wrong way round, they are put in time order).
 */
export function diffConsole(
  record: ConsoleRecord,
  {
    snapshots,
    software,
    inventory,
  }: { snapshots: SnapshotStore; software: SoftwareStore; inventory: InventoryReader },
  chosen?: { from?: number | undefined; to?: number | undefined },
): ConsoleDiff {
  const kept = snapshots.lastComplete(record.id, MAX_KEEP_SNAPSHOTS);
  const listed = kept.map(brief);
  const [to, from] = chosen ? pick(record, kept, chosen) : kept;
  if (!to || !from) {
    return {
      console: record.name,
      snapshots: listed,
      ...(to ? { to: brief(to) } : {}),
      added: [],
      removed: [],
      changed: [],
      software: [],
      note: to
        ? 'Only one complete snapshot so far: sync again to see what changed.'
        : 'Not synced yet: sync it twice to see what changed.',
    };
  }
  const addedIds = snapshots.agentsOnlyIn(to.id, from.id).sort();
  const removedIds = snapshots.agentsOnlyIn(from.id, to.id).sort();
  const changedIds = snapshots.changedAgentIds(from.id, to.id);
  // Each snapshot read once, its agents in id order: a row chunk is inflated once for all the
  // agents it holds (most of a comparison's time at 100,000 devices).
  const inFrom = rowsIn(inventory, from.id, [...removedIds, ...changedIds]);
  const inTo = rowsIn(inventory, to.id, [...addedIds, ...changedIds]);
  const rowOf = (rows: Map<string, DeviceRow>, agentId: string) =>
    rows.get(agentId) ?? bareRow(agentId);
  const added = addedIds.map((agentId) => named(rowOf(inTo, agentId)));
  const removed = removedIds.map((agentId) => named(rowOf(inFrom, agentId)));
  const changed: DeviceChange[] = [];
  for (const agentId of changedIds) {
    const after = rowOf(inTo, agentId);
    const fields = changedFields(rowOf(inFrom, agentId), after);
    if (fields.length > 0) changed.push({ ...named(after), fields });
  }
  const namedIn = (snapshotId: number, agentIds: string[]) => {
    const rows = rowsIn(inventory, snapshotId, agentIds);
    return agentIds.map((agentId) => named(rowOf(rows, agentId)));
  };
  const hostnamesOf = (agentIds: string[]) =>
    new Map(
      namedIn(to.id, agentIds).flatMap((device) =>
        device.hostname === undefined ? [] : [[device.agentId, device.hostname] as const],
      ),
    );
  return {
    console: record.name,
    from: brief(from),
    to: brief(to),
    snapshots: listed,
    added,
    removed,
    changed,
    software: softwareDiff(software, record.id, from.id, to.id, hostnamesOf),
  };
}

/**
 * The rows precomputed at sync of some agents of a snapshot, by agent id (read in id order, so
 * one chunk serves the agents it holds). An agent the sync could not read is absent.
 */
function rowsIn(
  inventory: InventoryReader,
  snapshotId: number,
  agentIds: string[],
): Map<string, DeviceRow> {
  const rows = new Map<string, DeviceRow>();
  for (const { agentId, text } of inventory.deviceRowsIn(snapshotId, [...agentIds].sort())) {
    rows.set(agentId, deviceRowOf(text, ''));
  }
  return rows;
}

/** The chosen pair, newest first, or a named error listing what can be chosen. */
function pick(
  record: ConsoleRecord,
  kept: SnapshotInfo[],
  chosen: { from?: number | undefined; to?: number | undefined },
): [SnapshotInfo | undefined, SnapshotInfo | undefined] {
  const find = (id: number) => {
    const found = kept.find((snapshot) => snapshot.id === id);
    if (found) return found;
    throw new InvalidArgumentError(
      `Snapshot ${id} is not a complete snapshot that "${record.name}" keeps (older ones are pruned). ` +
        (kept.length === 0
          ? 'It has none yet: sync it.'
          : `Choose among ${kept.map((snapshot) => snapshot.id).join(', ')}, or leave the choice out to compare its last two.`),
    );
  };
  const to = chosen.to === undefined ? kept[0] : find(chosen.to);
  const from =
    chosen.from === undefined
      ? kept.find((snapshot) => to !== undefined && snapshot.id < to.id)
      : find(chosen.from);
  if (to && from && from.id === to.id)
    throw new InvalidArgumentError(
      'Choose two different snapshots: a snapshot compared with itself has no changes.',
    );
  return to && from && from.id > to.id ? [from, to] : [to, from];
}

function named(row: DeviceRow) {
  return {
    agentId: row.agentId,
    ...(row.hostname === undefined ? {} : { hostname: row.hostname }),
    ...(row.site === undefined ? {} : { site: row.site }),
  };
}

function brief(snapshot: SnapshotInfo) {
  return { id: snapshot.id, takenAt: snapshot.takenAt, devices: snapshot.agentCount };
}
