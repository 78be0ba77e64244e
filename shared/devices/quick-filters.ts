import type { GridRow } from './grid-row';

export const QUICK_FILTERS = [
  { id: 'stale', label: 'Stale' },
  { id: 'infected', label: 'Infected' },
  { id: 'outOfDate', label: 'Out of date' },
  { id: 'firewallOff', label: 'Firewall off' },
  { id: 'decommissioned', label: 'Decommissioned' },
  // Duplicates: the same machine enrolled more than once. The toolbar offers them in one menu.
  // ('duplicates' was the only one once, and saved views and links still name it.)
  { id: 'duplicates', label: 'Same hostname', duplicates: 'hostname' },
  { id: 'duplicateSerial', label: 'Same serial number', duplicates: 'serial' },
  { id: 'duplicateMac', label: 'Same MAC', duplicates: 'mac' },
] as const;
export type QuickFilterId = (typeof QUICK_FILTERS)[number]['id'];

const SEARCHED: (keyof GridRow)[] = [
  'console',
  'site',
  'group',
  'hostname',
  'os',
  'deviceType',
  'ips',
  'externalIp',
  'lastSeen',
  'agentVersion',
  'networkStatus',
  'firewall',
  'users',
  'updateStatus',
  'infectionStatus',
  'agentId',
  'serialNumber',
  'macs',
];

/** Lower-cased text of a row's searchable columns, built once per row when rows arrive. */
export function searchIndex(rows: readonly GridRow[]): WeakMap<GridRow, string> {
  const index = new WeakMap<GridRow, string>();
  for (const row of rows) {
    index.set(
      row,
      SEARCHED.map((key) => {
        const value = row[key];
        return Array.isArray(value) ? value.join(' ') : (value ?? '');
      })
        .join('\u0000')
        .toLowerCase(),
    );
  }
  return index;
}
