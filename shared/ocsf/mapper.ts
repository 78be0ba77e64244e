import { isIpAddress, isMacAddress, toCidr } from '../net';
import { err, ok, type Result } from '../result';
import { parseAgent, type AgentRejected, type S1Agent } from '../sentinelone/agent';
import { enrichmentFacts } from '../sentinelone/enrichments';
import { parseS1Time } from '../sentinelone/time';
import type { FieldWarning } from '../warnings';
import {
  AGENT_TYPE_EDR,
  DEVICE_TYPE_CAPTIONS,
  DeviceInventoryInfo,
  MACHINE_TYPE_TO_DEVICE_TYPE,
  OCSF_VERSION,
  OS_TYPE_CAPTIONS,
  OS_TYPE_TO_OCSF,
  OTHER,
} from './enums';
import type {
  OcsfDevice,
  OcsfDeviceHwInfo,
  OcsfDeviceInventoryInfo,
  OcsfNetworkInterface,
  OcsfOs,
} from './types';

// SentinelOne agent → strict OCSF 1.6.0 Device Inventory Info. docs/mapping.md explains every
// row and each place this departs from the Sekoia guide to stay valid OCSF.

export interface OcsfMapContext {
  /** When S1 Inventory read the agent (its sync run): the record's `time`, integer ms. */
  readTimeMs: number;
}

/**
 * A mapped record. Absent values of its objects may be present as `undefined` keys: each
 * object is one literal with every key, so that all records share their shapes (building them
 * without, or copying them without those keys, costs more than all the rest of the mapping).
 * JSON.stringify, structured clone to JSON and the validator all treat them as absent.
 */
export interface Mapped<T> {
  record: T;
  warnings: FieldWarning[];
}

const VENDOR = 'SentinelOne';
/** 2001-09-09: OCSF timestamps are ms, and anything earlier is a placeholder, not a real date. */
const EARLIEST_PLAUSIBLE_MS = 1e12;

const machineTypes = new Map(Object.entries(MACHINE_TYPE_TO_DEVICE_TYPE));
const osTypes = new Map(Object.entries(OS_TYPE_TO_OCSF));

/** Agent statuses an auditor needs that OCSF's device object has no attribute for. */
const UNMAPPED_STATUS_FIELDS = [
  'isDecommissioned',
  'isActive',
  'isUninstalled',
  'networkStatus',
  'lastIpToMgmt',
  'mitigationMode',
  'externalId',
] as const;

export function mapAgentToOcsf(
  raw: unknown,
  context: OcsfMapContext,
): Result<Mapped<OcsfDeviceInventoryInfo>, AgentRejected> {
  const parsed = parseAgent(raw);
  if (!parsed.ok) return err(parsed.error);
  return ok(agentToOcsf(parsed.value.agent, context, parsed.value.warnings));
}

export function agentToOcsf(
  agent: S1Agent,
  context: OcsfMapContext,
  warnings: FieldWarning[] = [],
): Mapped<OcsfDeviceInventoryInfo> {
  const unmapped: Record<string, unknown> = {};
  const timestamp = (field: 'osStartTime' | 'createdAt' | 'registeredAt' | 'lastActiveDate') =>
    timestampMs(agent, field, warnings, unmapped);

  // No spreads in these literals and no key added afterwards: either puts the record on V8's slow
  // paths, which made mapping cost twice as much (npm run bench:mapper).
  const deviceType = ocsfDeviceType(agent.machineType);
  const device: OcsfDevice = {
    hostname: agent.computerName,
    uid: agent.uuid ?? agent.id,
    uid_alt: agent.id,
    type: deviceType.type,
    type_id: deviceType.type_id,
    os: ocsfOs(agent),
    domain: agent.domain,
    ip: checked(agent, 'externalIp', isIpAddress, 'not an IP address', warnings, unmapped),
    subnet: subnet(agent, warnings, unmapped),
    network_interfaces: networkInterfaces(agent, warnings),
    model: agent.modelName,
    vendor_name: VENDOR,
    boot_time: timestamp('osStartTime'),
    created_time: timestamp('createdAt'),
    first_seen_time: timestamp('registeredAt'),
    last_seen_time: timestamp('lastActiveDate'),
    is_managed: true,
    is_compliant: agent.isUpToDate,
    region: agent.siteName,
    groups:
      agent.groupName !== undefined || agent.groupId !== undefined
        ? [{ name: agent.groupName, uid: agent.groupId }]
        : undefined,
    location: location(agent, unmapped),
    org:
      agent.accountName !== undefined || agent.accountId !== undefined
        ? {
            name: agent.accountName,
            uid: agent.accountId,
            ou_name: agent.siteName,
            ou_uid: agent.siteId,
          }
        : undefined,
    agent_list: [
      {
        name: VENDOR,
        vendor_name: VENDOR,
        type_id: AGENT_TYPE_EDR.type_id,
        type: AGENT_TYPE_EDR.type,
        uid: agent.uuid ?? agent.id,
        uid_alt: agent.uuid !== undefined ? agent.id : undefined,
        version: agent.agentVersion,
      },
    ],
    hw_info: hardware(agent),
  };

  for (const field of UNMAPPED_STATUS_FIELDS) {
    if (agent[field] !== undefined) unmapped[field] = agent[field];
  }

  const envelope = DeviceInventoryInfo;
  const record: OcsfDeviceInventoryInfo = {
    class_uid: envelope.class_uid,
    class_name: envelope.class_name,
    category_uid: envelope.category_uid,
    category_name: envelope.category_name,
    activity_id: envelope.activity_id,
    activity_name: envelope.activity_name,
    type_uid: envelope.type_uid,
    type_name: envelope.type_name,
    severity_id: envelope.severity_id,
    severity: envelope.severity,
    time: Math.trunc(context.readTimeMs),
    device,
    enrichments: enrichmentFacts(agent).map((fact) => ({
      name: fact.name,
      value: fact.value ?? 'Unknown',
      data: fact.data,
    })),
    metadata: {
      version: OCSF_VERSION,
      product: { name: VENDOR, vendor_name: VENDOR, version: agent.agentVersion },
      tenant_uid: agent.accountId,
    },
    unmapped: Object.keys(unmapped).length > 0 ? unmapped : undefined,
  };
  return { record, warnings };
}

/** SentinelOne `machineType` as OCSF's device type (shared with the Detection Finding mapper). */
export function ocsfDeviceType(machineType: string | undefined): { type: string; type_id: number } {
  if (machineType === undefined) return { type: DEVICE_TYPE_CAPTIONS[0], type_id: 0 };
  const id = machineTypes.get(machineType.trim().toLowerCase());
  if (id === undefined) return { type: machineType, type_id: OTHER };
  return { type: DEVICE_TYPE_CAPTIONS[id], type_id: id };
}

/** SentinelOne's OS fields as OCSF's os object (shared with the Detection Finding mapper). */
export function ocsfOs(
  agent: Pick<S1Agent, 'osType' | 'osName' | 'osRevision' | 'osArch'>,
): OcsfOs {
  const known = agent.osType === undefined ? 0 : osTypes.get(agent.osType.trim().toLowerCase());
  const typeId = known ?? OTHER;
  const type = known === undefined ? (agent.osType as string) : OS_TYPE_CAPTIONS[known];
  const base = agent.osName ?? (typeId === 0 ? 'Unknown' : type);
  const revision = agent.osRevision;
  const name = revision === undefined || base.endsWith(revision) ? base : `${base} ${revision}`;
  return { name, type, type_id: typeId, version: revision, cpu_bits: cpuBits(agent.osArch) };
}

function cpuBits(osArch: string | undefined): number | undefined {
  if (osArch === undefined) return undefined;
  if (/64/.test(osArch)) return 64;
  if (/32/.test(osArch)) return 32;
  return undefined;
}

function checked(
  agent: S1Agent,
  field: 'externalIp',
  isValid: (text: string) => boolean,
  problem: string,
  warnings: FieldWarning[],
  unmapped: Record<string, unknown>,
): string | undefined {
  const value = agent[field];
  if (value === undefined) return undefined;
  if (isValid(value)) return value;
  warnings.push({ path: field, message: `${problem}; kept in unmapped.${field}` });
  unmapped[field] = value;
  return undefined;
}

function subnet(
  agent: S1Agent,
  warnings: FieldWarning[],
  unmapped: Record<string, unknown>,
): string | undefined {
  if (agent.groupIp === undefined) return undefined;
  const cidr = toCidr(agent.groupIp);
  if (cidr !== undefined) {
    // The seed's "31.155.5.x" becomes a CIDR; the raw text stays beside it for the auditor.
    if (cidr !== agent.groupIp) unmapped.groupIp = agent.groupIp;
    return cidr;
  }
  warnings.push({ path: 'groupIp', message: 'not A.B.C.x or CIDR; kept in unmapped.groupIp' });
  unmapped.groupIp = agent.groupIp;
  return undefined;
}

function networkInterfaces(
  agent: S1Agent,
  warnings: FieldWarning[],
): OcsfNetworkInterface[] | undefined {
  const out: OcsfNetworkInterface[] = [];
  agent.networkInterfaces?.forEach((nic, index) => {
    let mac = nic.physical;
    if (mac !== undefined && !isMacAddress(mac)) {
      warnings.push({
        path: `networkInterfaces[${index}].physical`,
        message: 'not a six-octet MAC address; omitted',
      });
      mac = undefined;
    }
    let ip = nic.inet?.[0];
    if (ip !== undefined && !isIpAddress(ip)) {
      warnings.push({
        path: `networkInterfaces[${index}].inet[0]`,
        message: 'not an IP address; omitted',
      });
      ip = undefined;
    }
    // OCSF requires at least one of ip, mac, name, hostname, uid on an interface.
    if (nic.name !== undefined || mac !== undefined || ip !== undefined || nic.id !== undefined) {
      out.push({ name: nic.name, mac, ip, uid: nic.id });
    }
  });
  return out.length > 0 ? out : undefined;
}

function location(agent: S1Agent, unmapped: Record<string, unknown>): { city: string } | undefined {
  const locations = agent.locations ?? [];
  const names = locations.map((entry) => entry.name).filter((name) => name !== undefined);
  if (names.length > 1) unmapped.locations = names;
  const first = locations[0]?.name;
  return first === undefined ? undefined : { city: first };
}

function hardware(agent: S1Agent): OcsfDeviceHwInfo | undefined {
  const hw = {
    serial_number: agent.serialNumber,
    cpu_count: agent.cpuCount,
    cpu_cores: agent.coreCount,
    ram_size: agent.totalMemory,
  };
  return Object.values(hw).some((value) => value !== undefined) ? hw : undefined;
}

function timestampMs(
  agent: S1Agent,
  field: 'osStartTime' | 'createdAt' | 'registeredAt' | 'lastActiveDate',
  warnings: FieldWarning[],
  unmapped: Record<string, unknown>,
): number | undefined {
  const text = agent[field];
  if (text === undefined) return undefined;
  const instant = parseS1Time(text);
  if (instant !== undefined && instant.epochMs >= EARLIEST_PLAUSIBLE_MS) return instant.epochMs;
  warnings.push({
    path: field,
    message: `${instant ? 'before 2001, not a real date' : 'not a timestamp'}; kept in unmapped.${field}`,
  });
  unmapped[field] = text;
  return undefined;
}
