import { isoMicros, pick, s1Id, seededRandom } from './random';

// A deterministic generator of realistic SentinelOne v2.1 agent objects (reference §12), with
// the quirks real consoles produce at a realistic rate: null and "" fields, missing uuid,
// EUI-64 MACs, odd groupIp values, unicode hostnames, decommissioned agents.

const AGENT_ID_BASE = 1559342436000000000n;
const SITE_ID_BASE = 475482421366727000n;
const GROUP_ID_BASE = 1559342436290084000n;
const DAY_MS = 86_400_000;

const OS = [
  { osType: 'windows', osName: 'Windows 10 Pro', osRevision: '19045', weight: 5 },
  { osType: 'windows', osName: 'Windows 11 Enterprise', osRevision: '22631', weight: 4 },
  { osType: 'windows', osName: 'Windows Server 2019 Standard', osRevision: '17763', weight: 2 },
  { osType: 'windows_legacy', osName: 'Windows 7 Professional', osRevision: '7601', weight: 1 },
  { osType: 'macos', osName: 'macOS', osRevision: '14.1.1 (23B81)', weight: 2 },
  { osType: 'linux', osName: 'Ubuntu 22.04.3 LTS', osRevision: '5.15.0-86-generic', weight: 2 },
  { osType: 'linux', osName: 'Red Hat Enterprise Linux 8.9', osRevision: '4.18.0-513', weight: 1 },
] as const;
const OS_WEIGHTED = OS.flatMap((os) => Array.from({ length: os.weight }, () => os));
const MACHINE_TYPES = ['desktop', 'laptop', 'laptop', 'server', 'kubernetes node', 'unknown'];
const SITES = ['Europe', 'North America', 'APAC', 'Datacenter'];
const GROUPS = ['Default Group', 'Laptops', 'Servers', 'Finance', 'R&D'];
const VERSIONS = ['23.4.2.14', '23.3.1.5', '22.3.4.612', '24.1.2.6'];
const MODELS = ['Dell Inc. - Latitude 7420', 'LENOVO - ThinkPad T14', 'VMware, Inc. - VMware7,1'];
const USERS = ['jdoe', 'asmith', 'mmüller', 'zhang.wei', 'o.brien'];
const HOST_PREFIXES = ['ACME-LT', 'ACME-WS', 'SRV', 'büro-pc', 'mac'];

export interface GenerateOptions {
  seed?: number;
  /** Fleet-wide "now"; lastActiveDate and friends are set relative to it. */
  nowMs?: number;
}

export function generateAgent(
  index: number,
  options: GenerateOptions = {},
): Record<string, unknown> {
  const random = seededRandom((options.seed ?? 1) * 1_000_003 + index);
  const now = options.nowMs ?? Date.UTC(2026, 10, 1);
  const os = pick(random, OS_WEIGHTED);
  const siteIndex = Math.floor(random() * SITES.length);
  const groupIndex = Math.floor(random() * GROUPS.length);
  const createdMs = now - Math.floor(random() * 900) * DAY_MS - Math.floor(random() * DAY_MS);
  const lastActiveMs = now - Math.floor(random() ** 3 * 120 * DAY_MS);
  const octet = () => Math.floor(random() * 254) + 1;
  const subnet = [10, octet(), octet()];
  const quirk = random();
  const user = pick(random, USERS);
  const infected = random() < 0.04;
  const macPairs = Array.from({ length: quirk < 0.02 ? 8 : 6 }, () =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0'),
  );

  return {
    accountId: '433241117337583618',
    accountName: 'Acme Corp',
    activeThreats: infected ? 1 + Math.floor(random() * 3) : 0,
    agentVersion: pick(random, VERSIONS),
    computerName:
      quirk > 0.985 ? '' : `${pick(random, HOST_PREFIXES)}-${String(index).padStart(5, '0')}`,
    coreCount: pick(random, [2, 4, 8, 16]),
    cpuCount: 1,
    createdAt: isoMicros(createdMs, Math.floor(random() * 1000)),
    domain: quirk < 0.05 ? null : pick(random, ['ACME', 'WORKGROUP', 'acme.local']),
    externalIp: quirk > 0.97 ? '' : `31.155.${octet()}.${octet()}`,
    firewallEnabled: quirk < 0.1 ? null : random() < 0.85,
    groupId: s1Id(GROUP_ID_BASE, groupIndex),
    groupIp: quirk > 0.96 && quirk <= 0.97 ? 'unknown' : `31.155.${subnet[2]}.x`,
    groupName: GROUPS[groupIndex],
    id: s1Id(AGENT_ID_BASE, index),
    infected,
    isActive: lastActiveMs > now - DAY_MS,
    isDecommissioned: random() < 0.03,
    isUninstalled: false,
    isUpToDate: random() < 0.8,
    lastActiveDate: isoMicros(lastActiveMs, Math.floor(random() * 1000)),
    lastIpToMgmt: `${subnet.join('.')}.${octet()}`,
    lastLoggedInUserName: quirk < 0.08 ? '' : user,
    locations:
      quirk < 0.3
        ? null
        : [{ id: s1Id(629380164464502000n, siteIndex), name: 'Office', scope: 'global' }],
    machineType: pick(random, MACHINE_TYPES),
    mitigationMode: pick(random, ['protect', 'detect']),
    modelName: pick(random, MODELS),
    networkInterfaces:
      quirk > 0.99
        ? []
        : [
            {
              id: s1Id(AGENT_ID_BASE + 500000000n, index),
              inet: [`${subnet.join('.')}.${octet()}`],
              inet6: ['fe80::1'],
              name: pick(random, ['Ethernet0', 'eth0', 'en0', 'Wi-Fi']),
              physical: macPairs.join(':'),
            },
          ],
    networkStatus: pick(random, ['connected', 'connected', 'disconnected']),
    osArch: pick(random, ['64 bit', '64 bit', 'ARM64', '32 bit']),
    osName: os.osName,
    osRevision: os.osRevision,
    osStartTime: new Date(lastActiveMs - Math.floor(random() * 20) * DAY_MS)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    osType: os.osType,
    osUsername: quirk < 0.5 ? null : user,
    registeredAt: isoMicros(createdMs, 0),
    serialNumber: quirk < 0.1 ? null : `SN${index.toString(36).toUpperCase().padStart(8, '0')}`,
    siteId: s1Id(SITE_ID_BASE, siteIndex),
    siteName: SITES[siteIndex],
    totalMemory: pick(random, [8192, 16384, 32768]),
    updatedAt: isoMicros(lastActiveMs, Math.floor(random() * 1000)),
    uuid: quirk > 0.98 && quirk <= 0.985 ? null : index.toString(16).padStart(32, '0'),
  };
}
