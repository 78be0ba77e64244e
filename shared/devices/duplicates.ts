import type { GridRow } from './grid-row';
import type { DeviceRow } from './device-row';

// The same machine enrolled twice (re-imaged, cloned, or in two consoles) shows as two devices
// that share a hostname, a hardware serial number or a network card. Each is a group; a
// device's group size is how many devices share that identity with it, itself included.
// Decommissioned devices are in no group: a machine re-enrolled after its old agent was
// decommissioned is the normal life of a fleet, not a finding (as in `deviceFlags`).

export const DUPLICATE_KINDS = ['hostname', 'serial', 'mac'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/**
 * Per kind: the grid row's field that holds a device's group size, the field the group shares
 * (sorted by size, a group's devices sit together by it), and what the column is called.
 */
export const DUPLICATE_FIELDS = {
  hostname: { size: 'sameHostname', shares: 'hostname', label: 'Same hostname', noun: 'hostname' },
  serial: {
    size: 'sameSerial',
    shares: 'serialNumber',
    label: 'Same serial',
    noun: 'serial number',
  },
  mac: { size: 'sameMac', shares: 'macs', label: 'Same MAC', noun: 'MAC address' },
} as const satisfies Record<
  DuplicateKind,
  { size: keyof GridRow; shares: keyof GridRow; label: string; noun: string }
>;

/** Per kind, each row's group size by the row's index (0 when no other device shares it). */
export type DuplicateSizes = Record<DuplicateKind, Uint32Array>;

/**
 * Serial numbers firmware fills in when it has none: virtual machines and white-box boards
 * share them by the thousand, so they identify nothing (any run of zeros is one too).
 */
const PLACEHOLDER_SERIALS = new Set([
  '0123456789',
  '1234567890',
  'none',
  'n/a',
  'na',
  'null',
  'unknown',
  'default string',
  'not specified',
  'not applicable',
  'system serial number',
  'to be filled by o.e.m.',
  'chassis serial number',
  'invalid',
]);

/** A serial number that identifies hardware, normalised (trimmed, lower case); else undefined. */
export function identifyingSerial(serial: string | undefined): string | undefined {
  const key = serial?.trim().toLowerCase();
  if (!key || PLACEHOLDER_SERIALS.has(key) || /^0+$/.test(key)) return undefined;
  return key;
}

/**
 * A MAC address that identifies a network card, normalised (lower case, colons); else
 * undefined. All-zero and broadcast addresses identify nothing, and neither do locally
 * administered ones (second bit of the first octet): VPN, loopback and container adapters and
 * randomised Wi-Fi addresses, which many machines share or change at will.
 */
export function identifyingMac(mac: string | undefined): string | undefined {
  const hex = mac?.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex?.length !== 12) return undefined;
  if (/^0+$/.test(hex) || /^f+$/.test(hex)) return undefined;
  if ((parseInt(hex.slice(0, 2), 16) & 0x02) !== 0) return undefined;
  return hex.match(/../g)!.join(':');
}

/** What a device is recognised by. */
type Identity = Partial<Pick<DeviceRow, 'hostname' | 'serialNumber' | 'macs' | 'decommissioned'>>;

/** The identities of one kind a device holds (a device may have several network cards). */
function keysOf(row: Identity, kind: DuplicateKind): string[] {
  if (row.decommissioned === true) return [];
  switch (kind) {
    case 'hostname': {
      const key = row.hostname?.trim().toLowerCase();
      return key ? [key] : [];
    }
    case 'serial': {
      const key = identifyingSerial(row.serialNumber);
      return key ? [key] : [];
    }
    case 'mac':
      return [...new Set((row.macs ?? []).flatMap((mac) => identifyingMac(mac) ?? []))];
  }
}

/**
 * Every device's group size by hostname, serial number and MAC, across all consoles. A device
 * with several network cards takes the largest group among them.
 */
export function duplicateSizes(rows: readonly Identity[]): DuplicateSizes {
  return duplicateSizesOf(rows.length, (i) => rows[i]!);
}

/** The same, each device's identity read by its index (the grid reads it from its columns). */
export function duplicateSizesOf(
  count: number,
  identityAt: (i: number) => Identity,
): DuplicateSizes {
  const sizes = {} as DuplicateSizes;
  for (const kind of DUPLICATE_KINDS) {
    const counts = new Map<string, number>();
    for (let i = 0; i < count; i += 1) {
      for (const key of keysOf(identityAt(i), kind)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const size = new Uint32Array(count);
    for (let i = 0; i < count; i += 1) {
      let largest = 0;
      for (const key of keysOf(identityAt(i), kind)) largest = Math.max(largest, counts.get(key)!);
      size[i] = largest > 1 ? largest : 0;
    }
    sizes[kind] = size;
  }
  return sizes;
}
