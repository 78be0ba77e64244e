import type { GridRow } from '../../../shared/contract/views';
import { deviceFlags, duplicateHostnames } from '../../../shared/devices/device-flags';

export const QUICK_FILTERS = [
  { id: 'stale', label: 'Stale' },
  { id: 'infected', label: 'Infected' },
  { id: 'outOfDate', label: 'Out of date' },
  { id: 'firewallOff', label: 'Firewall off' },
  { id: 'decommissioned', label: 'Decommissioned' },
  { id: 'duplicates', label: 'Duplicate hostnames' },
] as const;
export type QuickFilterId = (typeof QUICK_FILTERS)[number]['id'];

/** One predicate for the active one-click filters (all must hold). */
export function quickFilterPredicate(
  active: ReadonlySet<QuickFilterId>,
  rows: readonly GridRow[],
  staleDays: number,
  nowMs: number,
): ((row: GridRow) => boolean) | undefined {
  if (active.size === 0) return undefined;
  const duplicates = active.has('duplicates') ? duplicateHostnames(rows) : undefined;
  return (row) => {
    const flags = deviceFlags(row, staleDays, nowMs);
    for (const id of active) {
      if (id === 'decommissioned' && !row.decommissioned) return false;
      if (id === 'duplicates' && !duplicates?.has((row.hostname ?? '').toLowerCase())) return false;
      if (
        (id === 'stale' || id === 'infected' || id === 'outOfDate' || id === 'firewallOff') &&
        !flags[id]
      )
        return false;
    }
    return true;
  };
}

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
  'firewall',
  'users',
  'updateStatus',
  'infectionStatus',
  'agentId',
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

/** Quick search: every word must appear in some column of the row. */
export function searchPredicate(
  search: string,
  index: WeakMap<GridRow, string>,
): ((row: GridRow) => boolean) | undefined {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return (row) => {
    const text = index.get(row) ?? '';
    return words.every((word) => text.includes(word));
  };
}
