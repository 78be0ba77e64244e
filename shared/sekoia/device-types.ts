// Sekoia's DeviceTypeId enum lost Laptop (3) and Tablet (4) in SDK 1.22.4; an agent sent with
// them is dropped. The compatible default maps them as Sekoia's newer connectors do; a target
// may opt into the legacy values (sekoia-asset-api.md §6).

export interface SekoiaDeviceType {
  type: string;
  type_id: number;
}

const COMPATIBLE = new Map<string, SekoiaDeviceType>([
  ['desktop', { type: 'Desktop', type_id: 2 }],
  ['laptop', { type: 'Desktop', type_id: 2 }],
  ['server', { type: 'Server', type_id: 1 }],
  ['tablet', { type: 'Mobile', type_id: 5 }],
  ['mobile', { type: 'Mobile', type_id: 5 }],
  ['virtual', { type: 'Virtual', type_id: 6 }],
]);

const LEGACY = new Map<string, SekoiaDeviceType>([
  ...COMPATIBLE,
  ['laptop', { type: 'Laptop', type_id: 3 }],
  ['tablet', { type: 'Tablet', type_id: 4 }],
]);

const OTHER: SekoiaDeviceType = { type: 'Other', type_id: 99 };

export function sekoiaDeviceType(
  machineType: string | undefined,
  legacyDeviceTypes: boolean,
): SekoiaDeviceType {
  if (machineType === undefined) return OTHER;
  const table = legacyDeviceTypes ? LEGACY : COMPATIBLE;
  return table.get(machineType.trim().toLowerCase()) ?? OTHER;
}
