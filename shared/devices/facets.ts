import type { DeviceRow } from './device-row';
import { deviceTypeCaption, osCaption } from './os-caption';

/** Columns the analyst narrows the grid by, value by value, with counts. */
export const FACETS = [
  { key: 'console', label: 'Console' },
  { key: 'site', label: 'Site' },
  { key: 'group', label: 'Group' },
  { key: 'osType', label: 'OS' },
  { key: 'os', label: 'OS version' },
  { key: 'deviceType', label: 'Device type' },
  { key: 'agentVersion', label: 'Agent version' },
  { key: 'networkStatus', label: 'Network status' },
  { key: 'firewall', label: 'Firewall' },
  { key: 'updateStatus', label: 'Update Status' },
  { key: 'infectionStatus', label: 'Infection Status' },
  { key: 'highestSeverity', label: 'Highest severity' },
  { key: 'triage', label: 'Triage' },
] as const satisfies readonly { key: keyof DeviceRow; label: string }[];
export type FacetKey = (typeof FACETS)[number]['key'];

/** How a device with no value in a column is named (and filtered). */
export const NO_VALUE = 'Unknown';

/** A row's value in a facet's column, as the facet lists it (OS and device type as OCSF names them). */
export function facetValue(row: DeviceRow, key: FacetKey): string {
  return facetName(key, row[key]);
}

/** A value of a facet's column (undefined: none), as the facet lists it. */
export function facetName(key: FacetKey, raw: string | undefined): string {
  const value =
    key === 'osType' ? osCaption(raw) : key === 'deviceType' ? deviceTypeCaption(raw) : raw;
  return value === undefined || value === '' ? NO_VALUE : String(value);
}
