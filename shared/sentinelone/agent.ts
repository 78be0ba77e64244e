import { err, ok, type Result } from '../result';
import type { FieldWarning } from '../warnings';
import { describeType, FieldReader, isPlainObject } from '../lenient';

// The fields of a v2.1 agent object that S1 Inventory reads (reference §12). Every field but
// `id` is optional: consoles differ by version and leave unset values as null or "". The raw
// object is stored as received, so fields not read here are never lost.

/** One of `networkInterfaces[]`, as agents and threats' `agentRealtimeInfo` carry them. */
export function readNetworkInterface(r: FieldReader) {
  return {
    id: r.text('id'),
    name: r.text('name'),
    physical: r.text('physical'),
    inet: r.textList('inet'),
    inet6: r.textList('inet6'),
  };
}

function readLocation(r: FieldReader) {
  return { id: r.text('id'), name: r.text('name'), scope: r.text('scope') };
}

function readAgent(id: string, r: FieldReader) {
  return {
    id,
    uuid: r.text('uuid'),
    computerName: r.text('computerName'),
    domain: r.text('domain'),
    externalId: r.text('externalId'),
    serialNumber: r.text('serialNumber'),
    accountId: r.text('accountId'),
    accountName: r.text('accountName'),
    siteId: r.text('siteId'),
    siteName: r.text('siteName'),
    groupId: r.text('groupId'),
    groupName: r.text('groupName'),
    groupIp: r.text('groupIp'),
    osType: r.text('osType'),
    osName: r.text('osName'),
    osRevision: r.text('osRevision'),
    osArch: r.text('osArch'),
    osStartTime: r.text('osStartTime'),
    osUsername: r.text('osUsername'),
    machineType: r.text('machineType'),
    modelName: r.text('modelName'),
    cpuCount: r.count('cpuCount'),
    coreCount: r.count('coreCount'),
    totalMemory: r.count('totalMemory'),
    externalIp: r.text('externalIp'),
    lastIpToMgmt: r.text('lastIpToMgmt'),
    networkStatus: r.text('networkStatus'),
    isActive: r.flag('isActive'),
    isDecommissioned: r.flag('isDecommissioned'),
    isUninstalled: r.flag('isUninstalled'),
    infected: r.flag('infected'),
    isUpToDate: r.flag('isUpToDate'),
    firewallEnabled: r.flag('firewallEnabled'),
    agentVersion: r.text('agentVersion'),
    activeThreats: r.count('activeThreats'),
    mitigationMode: r.text('mitigationMode'),
    lastLoggedInUserName: r.text('lastLoggedInUserName'),
    createdAt: r.text('createdAt'),
    updatedAt: r.text('updatedAt'),
    registeredAt: r.text('registeredAt'),
    lastActiveDate: r.text('lastActiveDate'),
    networkInterfaces: r.objects('networkInterfaces', readNetworkInterface),
    locations: r.objects('locations', readLocation),
  };
}

export type S1NetworkInterface = ReturnType<typeof readNetworkInterface>;
export type S1Location = ReturnType<typeof readLocation>;
/** An agent as read: every field may be undefined (absent, or dropped as wrong-typed). */
export type S1Agent = ReturnType<typeof readAgent>;

export interface ParsedAgent {
  agent: S1Agent;
  warnings: FieldWarning[];
}

export interface AgentRejected {
  reason: string;
}

/**
 * Reads one agent object leniently. Only a missing or unusable `id` rejects the agent: without
 * it the record cannot be identified, stored or diffed. Any other bad field is dropped with a
 * warning.
 */
export function parseAgent(raw: unknown): Result<ParsedAgent, AgentRejected> {
  if (!isPlainObject(raw)) {
    return err({ reason: `an agent must be a JSON object, got ${describeType(raw)}` });
  }
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '') {
    const got = id === undefined ? 'it is missing' : `got ${describeType(id)}`;
    return err({ reason: `an agent needs a non-empty string "id"; ${got}` });
  }
  const warnings: FieldWarning[] = [];
  return ok({ agent: readAgent(id, new FieldReader(raw, '', warnings)), warnings });
}
