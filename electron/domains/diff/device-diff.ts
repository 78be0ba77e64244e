import type { DeviceRow } from '../../../shared/devices/device-row';
import { changedFields, deviceRow } from './compared-columns';
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
  { snapshots, software }: { snapshots: SnapshotStore; software: SoftwareStore },
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
  const namedIn = (snapshotId: number, agentIds: string[]) =>
    [...snapshots.agentTexts(snapshotId, agentIds.sort())].map(({ agentId, json }) =>
      named(deviceRow(json, agentId)),
    );
  const added = namedIn(to.id, snapshots.agentsOnlyIn(to.id, from.id));
  const removed = namedIn(from.id, snapshots.agentsOnlyIn(from.id, to.id));
  const changed: DeviceChange[] = [];
  for (const pair of snapshots.changedAgents(from.id, to.id)) {
    const before = deviceRow(pair.before, pair.agentId);
    const after = deviceRow(pair.after, pair.agentId);
    const fields = changedFields(before, after);
    if (fields.length > 0) changed.push({ ...named(after), fields });
  }
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
