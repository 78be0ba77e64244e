import { withoutUndefined } from '../objects';
import { err, ok, type Result } from '../result';
import { parseAgent, type AgentRejected, type S1Agent } from '../sentinelone/agent';
import { enrichmentFacts, type EnrichmentRecord } from '../sentinelone/enrichments';
import { epochSecondsOf, parseS1Time } from '../sentinelone/time';
import type { FieldWarning } from '../warnings';
import { DeviceInventoryInfo, OCSF_VERSION } from '../ocsf/enums';
import type { CollectEnvelope } from '../ocsf/types';
import { sekoiaDeviceType } from './device-types';

// SentinelOne agent → the record Sekoia's own SentinelOne asset connector sends
// (sekoia-asset-api.md §5). Not strict OCSF: float-second times, lower-case os.type, the raw
// groupIp. Used only for the push and the `sekoia-json` export.

export interface SekoiaDialectOptions {
  /** When S1 Inventory read the agent; `time` falls back to it when `createdAt` is unusable. */
  readTimeMs: number;
  /** Send Laptop/3 and Tablet/4 as the SentinelOne connector does (rejected by SDK ≥ 1.22.4). */
  legacyDeviceTypes?: boolean;
  /** Fields only Sekoia's docs describe (name, eid, org, risk, Domain enrichment); unconfirmed. */
  documentedAdditions?: boolean;
}

export type SekoiaDeviceRecord = CollectEnvelope & {
  device: Record<string, unknown>;
  enrichments?: EnrichmentRecord[];
  metadata: {
    version: string;
    product: { name: string; vendor_name: string; version: string };
  };
  time: number;
};

const VENDOR = 'SentinelOne';

const SEKOIA_OS_TYPES = new Map<string, { type: string; type_id: number }>([
  ['windows', { type: 'windows', type_id: 100 }],
  ['macos', { type: 'macos', type_id: 300 }],
  ['linux', { type: 'linux', type_id: 200 }],
  ['ios', { type: 'ios', type_id: 301 }],
  ['android', { type: 'android', type_id: 201 }],
]);
const SEKOIA_OS_OTHER = { type: 'other', type_id: 99 };

export function mapAgentToSekoia(
  raw: unknown,
  options: SekoiaDialectOptions,
): Result<{ record: SekoiaDeviceRecord; warnings: FieldWarning[] }, AgentRejected> {
  const parsed = parseAgent(raw);
  if (!parsed.ok) return err(parsed.error);
  return agentToSekoia(parsed.value.agent, options, parsed.value.warnings);
}

/** Why Sekoia refuses an agent: its record schema requires a hostname. Undefined: it takes it. */
export function sekoiaRefusal(agent: S1Agent): string | undefined {
  return agent.computerName === undefined || agent.computerName.trim() === ''
    ? 'Sekoia requires device.hostname and this agent has no computerName'
    : undefined;
}

/** Sekoia's record schema requires a hostname: an agent without one is skipped, with a reason. */
export function agentToSekoia(
  agent: S1Agent,
  options: SekoiaDialectOptions,
  warnings: FieldWarning[] = [],
): Result<{ record: SekoiaDeviceRecord; warnings: FieldWarning[] }, AgentRejected> {
  const refusal = sekoiaRefusal(agent);
  if (refusal !== undefined) return err({ reason: refusal });
  const seconds = (text: string | undefined) => {
    const instant = text === undefined ? undefined : parseS1Time(text);
    return instant === undefined ? undefined : epochSecondsOf(instant);
  };
  const additions = options.documentedAdditions === true;
  const facts = enrichmentFacts(agent);

  const enrichments: EnrichmentRecord[] = facts.flatMap((fact) =>
    fact.value === undefined ? [] : [{ name: fact.name, value: fact.value, data: fact.data }],
  );
  if (additions && agent.domain !== undefined) {
    enrichments.push({
      name: 'Domain',
      value: agent.domain,
      data: { Full_qualified_domain_name: agent.domain },
    });
  }

  const firstLocation = agent.locations?.[0]?.name;
  const device = withoutUndefined({
    hostname: agent.computerName,
    name: additions ? agent.computerName : undefined,
    eid: additions ? agent.externalId : undefined,
    uid: agent.uuid ?? agent.id,
    uid_alt: agent.uuid !== undefined ? agent.id : undefined,
    ...sekoiaDeviceType(agent.machineType, options.legacyDeviceTypes === true),
    os: {
      name: sekoiaOsName(agent),
      ...(SEKOIA_OS_TYPES.get(agent.osType?.trim().toLowerCase() ?? '') ?? SEKOIA_OS_OTHER),
    },
    domain: agent.domain,
    ip: agent.externalIp,
    subnet: agent.groupIp,
    // An empty list is left out, as Sekoia's connector does.
    network_interfaces: agent.networkInterfaces?.length
      ? agent.networkInterfaces.map((nic) =>
          withoutUndefined({ name: nic.name, mac: nic.physical, ip: nic.inet?.[0], uid: nic.id }),
        )
      : undefined,
    model: agent.modelName,
    vendor_name: VENDOR,
    boot_time: seconds(agent.osStartTime),
    created_time: seconds(agent.createdAt),
    first_seen_time: seconds(agent.registeredAt),
    last_seen_time: seconds(agent.lastActiveDate),
    is_managed: true,
    is_compliant: agent.isUpToDate,
    region: agent.siteName,
    groups: groupsOf(agent),
    location: firstLocation === undefined ? undefined : { city: firstLocation },
    org:
      additions && agent.accountId !== undefined
        ? { name: agent.accountName ?? agent.accountId, uid: agent.accountId }
        : undefined,
    ...(additions ? risk(agent) : {}),
  });

  const record: SekoiaDeviceRecord = {
    ...DeviceInventoryInfo,
    device,
    metadata: {
      version: OCSF_VERSION,
      product: { name: VENDOR, vendor_name: VENDOR, version: agent.agentVersion ?? 'N/A' },
    },
    time: seconds(agent.createdAt) ?? options.readTimeMs / 1000,
  };
  if (enrichments.length > 0) record.enrichments = enrichments;
  return ok({ record, warnings });
}

/**
 * Sekoia's connector sends `groups` only when the agent names a group (a non-empty groupName
 * or groupId); its test test_map_fields_no_groups asserts none otherwise.
 */
function groupsOf(agent: S1Agent): { name: string; uid: string }[] | undefined {
  const name = agent.groupName?.trim() ? agent.groupName : undefined;
  const id = agent.groupId?.trim() ? agent.groupId : undefined;
  if (name === undefined && id === undefined) return undefined;
  return [{ name: name ?? 'Unknown', uid: id ?? name ?? 'unknown' }];
}

function sekoiaOsName(agent: S1Agent): string {
  if (agent.osName !== undefined && agent.osRevision !== undefined) {
    return `${agent.osName} ${agent.osRevision}`;
  }
  return agent.osName ?? agent.osType ?? 'Unknown';
}

function risk(agent: S1Agent): Record<string, unknown> {
  const score = agent.activeThreats === undefined ? {} : { risk_score: agent.activeThreats };
  if (agent.infected === true) return { risk_level: 'Critical', risk_level_id: 4, ...score };
  if ((agent.activeThreats ?? 0) > 0) return { risk_level: 'High', risk_level_id: 3, ...score };
  return { risk_level: 'Info', risk_level_id: 0, ...score };
}
