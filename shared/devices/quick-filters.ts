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
