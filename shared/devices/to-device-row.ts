import type { S1Agent } from '../sentinelone/agent';
import { enrichmentFacts } from '../sentinelone/enrichments';
import type { DeviceRow } from './device-row';

// Apart from the row's schema (device-row.ts), whose validation library the precompute worker,
// which maps every agent of a sync, would otherwise load and never use.

/** A device row as stored beside its raw agent: the console it came from is the reader's. */
export type StoredDeviceRow = Omit<DeviceRow, 'console'>;

export function toDeviceRow(agent: S1Agent, consoleName: string): DeviceRow {
  return { console: consoleName, ...toStoredDeviceRow(agent) };
}

/**
 * The row without its console, built as such: the sync maps every agent it stores, and copying
 * a row without one key (an object rest) cost it as much as building the row.
 */
export function toStoredDeviceRow(agent: S1Agent): StoredDeviceRow {
  const facts = enrichmentFacts(agent);
  const fact = (name: string) => facts.find((f) => f.name === name)?.value;
  const nics = agent.networkInterfaces ?? [];
  const os = [agent.osName, agent.osRevision].filter(Boolean).join(' ');
  const row: StoredDeviceRow = {
    agentId: agent.id,
    ips: nics.flatMap((nic) => nic.inet ?? []),
    macs: nics.flatMap((nic) => nic.physical || []),
    decommissioned: agent.isDecommissioned === true,
  };
  // Each field set only when present, in this order (the stored row's JSON follows it); one
  // assignment per field, not a loop over Object.entries: the sync maps every agent it stores.
  const set = <K extends keyof StoredDeviceRow>(key: K, value: StoredDeviceRow[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  set('uuid', agent.uuid);
  set('site', agent.siteName);
  set('group', agent.groupName);
  set('hostname', agent.computerName);
  set('os', os === '' ? undefined : os);
  set('osType', agent.osType);
  set('deviceType', agent.machineType);
  set('externalIp', agent.externalIp);
  set('serialNumber', agent.serialNumber);
  set('lastSeen', agent.lastActiveDate);
  set('agentVersion', agent.agentVersion);
  set('networkStatus', agent.networkStatus);
  set('firewall', fact('Firewall'));
  set('users', fact('Users'));
  set('updateStatus', fact('Update Status'));
  set('activeThreats', agent.activeThreats);
  set('infectionStatus', fact('Infection Status'));
  return row;
}
