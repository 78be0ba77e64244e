import { isPlainObject } from '../lenient';
import { DEVICE_TYPE_CAPTIONS, MACHINE_TYPE_TO_DEVICE_TYPE, OTHER } from './enums';

/**
 * The device a software record or vulnerability finding is about, as the device's own Device
 * Inventory Info record names it: the same `uid` (so the records join), its names, type and OS.
 * Kept small: a fleet's software export repeats it for every application.
 */
export type DeviceReference = Record<string, unknown> & { uid: string; type_id: number };

const KEPT = ['uid', 'name', 'hostname', 'type_id', 'type'] as const;

/** The reference to the device of a Device Inventory Info record (its JSON text). */
export function deviceReferenceOf(deviceRecordText: string): DeviceReference | undefined {
  const record: unknown = JSON.parse(deviceRecordText);
  const device = isPlainObject(record) ? record.device : undefined;
  if (!isPlainObject(device) || typeof device.uid !== 'string') return undefined;
  const reference: Record<string, unknown> = {};
  for (const key of KEPT) if (device[key] !== undefined) reference[key] = device[key];
  const os = device.os;
  if (isPlainObject(os) && typeof os.name === 'string') {
    reference.os = { name: os.name, type_id: os.type_id, ...(os.type ? { type: os.type } : {}) };
  }
  return reference as DeviceReference;
}

/**
 * The reference built from what a CVE row says of its endpoint, for an agent the inventory no
 * longer holds: its id as uid (what the device record uses when the agent has no uuid).
 */
export function deviceReferenceFromRow(row: {
  endpointId: string;
  endpointName?: unknown;
  endpointType?: unknown;
}): DeviceReference {
  const machine = typeof row.endpointType === 'string' ? row.endpointType.toLowerCase() : '';
  const typeId = MACHINE_TYPE_TO_DEVICE_TYPE[machine] ?? (machine === '' ? 0 : OTHER);
  return {
    uid: row.endpointId,
    ...(typeof row.endpointName === 'string' && row.endpointName !== ''
      ? { hostname: row.endpointName, name: row.endpointName }
      : {}),
    type_id: typeId,
    type: typeId === OTHER ? String(row.endpointType) : DEVICE_TYPE_CAPTIONS[typeId],
  };
}
