import { z } from 'zod';

/**
 * One device as the grid, the CSV export and `s1inv devices` show it: the columns an analyst
 * audits, enrichments included. Ids stay strings. The one declaration of this shape: the
 * contract carries it, and its type is inferred from it.
 */
export const DeviceRow = z.object({
  console: z.string(),
  agentId: z.string(),
  uuid: z.string().optional(),
  site: z.string().optional(),
  group: z.string().optional(),
  hostname: z.string().optional(),
  os: z.string().optional(),
  osType: z.string().optional(),
  deviceType: z.string().optional(),
  ips: z.array(z.string()),
  /** Each network card's hardware address, as the console reports it. */
  macs: z.array(z.string()),
  serialNumber: z.string().optional(),
  externalIp: z.string().optional(),
  lastSeen: z.string().optional(),
  agentVersion: z.string().optional(),
  /** Whether the agent is cut off from the network by the console (network quarantine). */
  networkStatus: z.string().optional(),
  decommissioned: z.boolean(),
  firewall: z.string().optional(),
  users: z.string().optional(),
  updateStatus: z.string().optional(),
  activeThreats: z.number().optional(),
  infectionStatus: z.string().optional(),
  /** Applications installed, as last read (absent: never read for this device). */
  applications: z.number().optional(),
  /** Open CVEs (not removed), and the worst one's severity, where the console reads them. */
  vulnerabilities: z.number().optional(),
  highestSeverity: z.string().optional(),
  /** When the oldest kept complete snapshot that holds it was taken (its console keeps N). */
  firstSeen: z.string().optional(),
  /** The analyst's own (shared/devices/device-notes.ts): local, never sent to a console. */
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
  triage: z.string().optional(),
});
export type DeviceRow = z.infer<typeof DeviceRow>;

/** How a column's values read: the grid picks its filter and renderer from this. */
export type ColumnKind = 'text' | 'list' | 'date' | 'boolean' | 'number' | 'count' | 'enrichment';

export interface DeviceColumn {
  key: keyof DeviceRow;
  label: string;
  kind: ColumnKind;
  /** The grid's starting width, in pixels. */
  width: number;
  /** Hidden in the grid until the analyst shows it; the CSV has every column. */
  hidden?: boolean;
}

/** Every column, in order: the grid's, the CSV's (every one, hidden or not) and the table's. */
export const DEVICE_COLUMNS: readonly DeviceColumn[] = [
  { key: 'console', label: 'Console', kind: 'text', width: 130 },
  { key: 'site', label: 'Site', kind: 'text', width: 150 },
  { key: 'group', label: 'Group', kind: 'text', width: 150 },
  { key: 'hostname', label: 'Hostname', kind: 'text', width: 190 },
  { key: 'os', label: 'OS', kind: 'text', width: 200 },
  { key: 'deviceType', label: 'Device type', kind: 'text', width: 130 },
  { key: 'ips', label: 'IPs', kind: 'list', width: 200 },
  { key: 'lastSeen', label: 'Last seen', kind: 'date', width: 180 },
  { key: 'firstSeen', label: 'First synced', kind: 'date', width: 180, hidden: true },
  { key: 'agentVersion', label: 'Agent version', kind: 'text', width: 140 },
  { key: 'networkStatus', label: 'Network status', kind: 'text', width: 150, hidden: true },
  { key: 'decommissioned', label: 'Decommissioned', kind: 'boolean', width: 150 },
  { key: 'firewall', label: 'Firewall', kind: 'enrichment', width: 150 },
  { key: 'users', label: 'Users', kind: 'text', width: 180 },
  { key: 'updateStatus', label: 'Update Status', kind: 'enrichment', width: 170 },
  { key: 'activeThreats', label: 'Active Threats', kind: 'number', width: 150 },
  { key: 'infectionStatus', label: 'Infection Status', kind: 'enrichment', width: 150 },
  { key: 'agentId', label: 'Agent ID', kind: 'text', width: 190, hidden: true },
  { key: 'externalIp', label: 'External IP', kind: 'text', width: 140, hidden: true },
  { key: 'serialNumber', label: 'Serial number', kind: 'text', width: 160, hidden: true },
  { key: 'macs', label: 'MACs', kind: 'list', width: 170, hidden: true },
  { key: 'applications', label: 'Applications', kind: 'count', width: 150, hidden: true },
  { key: 'vulnerabilities', label: 'Vulnerabilities', kind: 'count', width: 160, hidden: true },
  {
    key: 'highestSeverity',
    label: 'Highest severity',
    kind: 'enrichment',
    width: 170,
    hidden: true,
  },
  { key: 'triage', label: 'Triage', kind: 'text', width: 140 },
  { key: 'tags', label: 'Tags', kind: 'list', width: 170 },
  { key: 'note', label: 'Note', kind: 'text', width: 220, hidden: true },
];
