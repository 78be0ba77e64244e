import type { S1Agent } from '../sentinelone/agent';
import { enrichmentFacts } from '../sentinelone/enrichments';

/**
 * One device as the grid, the CSV export and `s1inv devices` show it: the columns an analyst
 * audits, enrichments included. Ids stay strings.
 */
export interface DeviceRow {
  console: string;
  agentId: string;
  uuid?: string;
  site?: string;
  group?: string;
  hostname?: string;
  os?: string;
  osType?: string;
  deviceType?: string;
  ips: string[];
  externalIp?: string;
  lastSeen?: string;
  agentVersion?: string;
  decommissioned: boolean;
  firewall?: string;
  users?: string;
  updateStatus?: string;
  activeThreats?: number;
  infectionStatus?: string;
}

export const DEVICE_COLUMNS: { key: keyof DeviceRow; label: string }[] = [
  { key: 'console', label: 'Console' },
  { key: 'site', label: 'Site' },
  { key: 'group', label: 'Group' },
  { key: 'hostname', label: 'Hostname' },
  { key: 'os', label: 'OS' },
  { key: 'deviceType', label: 'Device type' },
  { key: 'ips', label: 'IPs' },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'agentVersion', label: 'Agent version' },
  { key: 'decommissioned', label: 'Decommissioned' },
  { key: 'firewall', label: 'Firewall' },
  { key: 'users', label: 'Users' },
  { key: 'updateStatus', label: 'Update Status' },
  { key: 'activeThreats', label: 'Active Threats' },
  { key: 'infectionStatus', label: 'Infection Status' },
  { key: 'agentId', label: 'Agent ID' },
];

export function toDeviceRow(agent: S1Agent, consoleName: string): DeviceRow {
  const facts = new Map(enrichmentFacts(agent).map((fact) => [fact.name, fact.value]));
  const ips = (agent.networkInterfaces ?? []).flatMap((nic) => nic.inet ?? []);
  const os = [agent.osName, agent.osRevision].filter(Boolean).join(' ');
  const row: DeviceRow = {
    console: consoleName,
    agentId: agent.id,
    ips,
    decommissioned: agent.isDecommissioned === true,
  };
  const optional: Partial<DeviceRow> = {
    uuid: agent.uuid,
    site: agent.siteName,
    group: agent.groupName,
    hostname: agent.computerName,
    os: os === '' ? undefined : os,
    osType: agent.osType,
    deviceType: agent.machineType,
    externalIp: agent.externalIp,
    lastSeen: agent.lastActiveDate,
    agentVersion: agent.agentVersion,
    firewall: facts.get('Firewall'),
    users: facts.get('Users'),
    updateStatus: facts.get('Update Status'),
    activeThreats: agent.activeThreats,
    infectionStatus: facts.get('Infection Status'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (row as unknown as Record<string, unknown>)[key] = value;
  }
  return row;
}
