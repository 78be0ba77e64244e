import { DEVICE_COLUMNS, type DeviceRow } from '../../../shared/devices/device-row';
import { toDeviceRow } from '../../../shared/devices/to-device-row';
import { parseAgent } from '../../../shared/sentinelone/agent';

/**
 * The columns an audit compares: what the analyst sees of a device, less what moves on every
 * sync without anything happening (last seen) and what names the row (console, ids). The
 * Changes screen and a device's history say the same of the same two objects.
 */
const COMPARED = DEVICE_COLUMNS.filter(
  (column) => !['console', 'agentId', 'lastSeen'].includes(column.key),
);

/** The compared columns whose values differ, as the grid shows them. */
export function changedFields(before: DeviceRow, after: DeviceRow) {
  return COMPARED.flatMap((column) => {
    const was = shown(before[column.key]);
    const is = shown(after[column.key]);
    return was === is ? [] : [{ field: column.label, before: was, after: is }];
  });
}

/** The device row of a raw agent; an unreadable one is named by its id alone. */
export function deviceRow(json: string, agentId: string): DeviceRow {
  const bare = bareRow(agentId);
  try {
    const parsed = parseAgent(JSON.parse(json));
    return parsed.ok ? toDeviceRow(parsed.value.agent, '') : bare;
  } catch {
    return bare;
  }
}

/** A device known by its id alone (its object could not be read). */
export const bareRow = (agentId: string): DeviceRow => ({
  console: '',
  agentId,
  ips: [],
  macs: [],
  decommissioned: false,
});

/** A value as the grid shows it, for a before/after pair. */
function shown(value: DeviceRow[keyof DeviceRow]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
