import type { DeviceHistory } from '../../../shared/contract/views';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { SnapshotStore } from '../../storage/snapshot-store';
import { AppError } from '../../../shared/errors/app-error';
import { changedFields, deviceRow } from './compared-columns';
import type { DeviceRow } from '../../../shared/devices/device-row';

/** No kept snapshot of the console holds this agent. */
export class DeviceNotKeptError extends AppError {
  override readonly name = 'DeviceNotKeptError';
  readonly code = 'not_found';
}

/**
 * One device across the snapshots its console keeps, oldest first: when it was first and last
 * in one, and each time it came, went, came back, or changed in the columns the Changes screen
 * compares (agent version, IPs, site and group, infection, decommissioned …).
 */
export function deviceHistory(
  record: ConsoleRecord,
  snapshots: SnapshotStore,
  agentId: string,
): DeviceHistory {
  const events: DeviceHistory['events'] = [];
  let last: DeviceRow | undefined;
  let firstSeen: string | undefined;
  let lastSeen: string | undefined;
  let present = 0;
  let kept = 0;
  let wasIn = false;
  for (const snapshot of snapshots.agentAcross(record.id, agentId)) {
    kept += 1;
    const at = { snapshotId: snapshot.snapshotId, takenAt: snapshot.takenAt };
    const isIn = snapshot.json !== undefined || snapshot.same === true;
    if (!isIn) {
      if (wasIn) events.push({ ...at, kind: 'gone', fields: [] });
      wasIn = false;
      continue;
    }
    present += 1;
    firstSeen ??= snapshot.takenAt;
    lastSeen = snapshot.takenAt;
    const row = snapshot.json === undefined ? last! : deviceRow(snapshot.json, agentId);
    if (last === undefined) events.push({ ...at, kind: 'first', fields: [] });
    else if (!wasIn) events.push({ ...at, kind: 'back', fields: changedFields(last, row) });
    else if (snapshot.json !== undefined) {
      const fields = changedFields(last, row);
      if (fields.length > 0) events.push({ ...at, kind: 'changed', fields });
    }
    last = row;
    wasIn = true;
  }
  if (last === undefined) {
    throw new DeviceNotKeptError(
      `"${record.name}" keeps no snapshot with agent ${agentId}. Check the id (s1inv devices lists them), or sync the console.`,
    );
  }
  return {
    console: record.name,
    agentId,
    ...(last.hostname === undefined ? {} : { hostname: last.hostname }),
    ...(firstSeen === undefined ? {} : { firstSeen }),
    ...(lastSeen === undefined ? {} : { lastSeen }),
    snapshots: kept,
    present,
    events,
  };
}
