import type { S1Agent } from '../sentinelone/agent';
import { enrichmentFacts, type EnrichmentName } from '../sentinelone/enrichments';
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
 * a row without one key (an object rest) cost it as much as building the row. One literal with
 * every key, absent values undefined (JSON.stringify leaves them out, and the stored row's JSON
 * follows this order): every row has one shape, which builds and stringifies in half the time
 * rows of a shape per combination of present fields took.
 */
export function toStoredDeviceRow(agent: S1Agent): StoredDeviceRow {
  const facts = enrichmentFacts(agent);
  const fact = (name: EnrichmentName) => facts.find((f) => f.name === name)?.value;
  const ips: string[] = [];
  const macs: string[] = [];
  for (const nic of agent.networkInterfaces ?? []) {
    // One by one, not spread: a console's list may be longer than a call takes arguments.
    for (const ip of nic.inet ?? []) ips.push(ip);
    if (nic.physical) macs.push(nic.physical);
  }
  const { osName, osRevision } = agent;
  return {
    agentId: agent.id,
    ips,
    macs,
    decommissioned: agent.isDecommissioned === true,
    uuid: agent.uuid,
    site: agent.siteName,
    group: agent.groupName,
    hostname: agent.computerName,
    os: osName && osRevision ? `${osName} ${osRevision}` : osName || osRevision || undefined,
    osType: agent.osType,
    deviceType: agent.machineType,
    externalIp: agent.externalIp,
    serialNumber: agent.serialNumber,
    lastSeen: agent.lastActiveDate,
    agentVersion: agent.agentVersion,
    networkStatus: agent.networkStatus,
    firewall: fact('Firewall'),
    users: fact('Users'),
    updateStatus: fact('Update Status'),
    activeThreats: agent.activeThreats,
    infectionStatus: fact('Infection Status'),
  };
}
