import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapAgentToOcsf } from '../../shared/ocsf/mapper';
import { mapAgentToSekoia } from '../../shared/sekoia/dialect';
import { toStoredDeviceRow } from '../../shared/devices/to-device-row';
import { parseAgent, type S1Agent } from '../../shared/sentinelone/agent';
import { enrichmentFacts } from '../../shared/sentinelone/enrichments';
import { errorsOf, validateDeviceInventoryInfo } from '../../shared/ocsf/validator';
import { generateAgent } from '../support/generate/agents';

// Random agents, from plausible to hostile: every one that has an id maps to a record that
// validates against OCSF 1.6.0, and no input makes the mapper throw.

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.constant(null), fc.constant(''), fc.constant(undefined), fc.anything());

const s1Time = fc
  .date({ min: new Date('1969-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .chain((date) =>
    fc.constantFrom(
      date.toISOString(),
      date.toISOString().replace('Z', ''),
      date.toISOString().replace(/\.\d+Z$/, 'Z'),
      date.toISOString().replace(/(\.\d+)Z$/, '$1123Z'),
    ),
  );

const mac = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 })
  .map((octets) => octets.map((o) => o.toString(16).padStart(2, '0')).join(':'));

const nic = fc.record(
  {
    id: maybe(fc.string()),
    name: maybe(fc.string()),
    physical: maybe(fc.oneof(mac, fc.string(), fc.constant('00:25:96:FF:FE:12:34:56'))),
    inet: maybe(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()))),
  },
  { requiredKeys: [] },
);

const agent = fc.record(
  {
    id: fc.oneof(
      fc.stringMatching(/^\d{18,19}$/),
      fc.string({ minLength: 1 }).filter((id) => id.trim() !== ''),
    ),
    uuid: maybe(fc.stringMatching(/^[0-9a-f]{32}$/)),
    computerName: maybe(fc.string({ unit: 'grapheme' })),
    machineType: maybe(
      fc.constantFrom('unknown', 'desktop', 'laptop', 'server', 'kubernetes node', 'storage', 'x'),
    ),
    osType: maybe(fc.constantFrom('windows', 'macos', 'linux', 'windows_legacy', 'beos')),
    osName: maybe(fc.string()),
    osRevision: maybe(fc.string()),
    osArch: maybe(fc.constantFrom('32 bit', '64 bit', 'ARM64')),
    domain: maybe(fc.string()),
    externalIp: maybe(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())),
    groupIp: maybe(
      fc.oneof(
        fc.ipV4().map((ip) => ip.replace(/\.\d+$/, '.x')),
        fc.string(),
        fc.ipV4(),
      ),
    ),
    networkInterfaces: maybe(fc.array(maybe(nic), { maxLength: 4 })),
    modelName: maybe(fc.string()),
    osStartTime: maybe(s1Time),
    createdAt: maybe(s1Time),
    registeredAt: maybe(s1Time),
    lastActiveDate: maybe(s1Time),
    isUpToDate: maybe(fc.boolean()),
    firewallEnabled: maybe(fc.boolean()),
    infected: maybe(fc.boolean()),
    activeThreats: maybe(fc.nat()),
    cpuCount: maybe(fc.nat()),
    totalMemory: maybe(fc.nat()),
    siteName: maybe(fc.string()),
    accountId: maybe(fc.string()),
    groupName: maybe(fc.string()),
    groupId: maybe(fc.string()),
    lastLoggedInUserName: maybe(fc.string()),
    osUsername: maybe(fc.string()),
    locations: maybe(fc.array(maybe(fc.record({ name: maybe(fc.string()) })), { maxLength: 3 })),
    agentVersion: maybe(fc.string()),
  },
  { requiredKeys: ['id'] },
);

const readTimeMs = fc.integer({ min: 1e12, max: 4e12 });

describe('mapper properties', () => {
  it('every random agent maps to a record that validates against OCSF 1.6.0', () => {
    fc.assert(
      fc.property(agent, readTimeMs, (raw, time) => {
        const result = mapAgentToOcsf(raw, { readTimeMs: time });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const errors = errorsOf(validateDeviceInventoryInfo(result.value.record));
        expect(errors).toEqual([]);
        expect(result.value.record.enrichments).toHaveLength(5);
      }),
      { numRuns: 1500 },
    );
  });

  it('no input at all makes either mapper throw', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        mapAgentToOcsf(raw, { readTimeMs: 1.7e12 });
        mapAgentToSekoia(raw, { readTimeMs: 1.7e12 });
      }),
      { numRuns: 1000 },
    );
  });

  it('every generated realistic agent validates, and the Sekoia dialect never carries null', () => {
    for (let index = 0; index < 3000; index += 1) {
      const raw = generateAgent(index);
      const result = mapAgentToOcsf(raw, { readTimeMs: 1.7e12 });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(errorsOf(validateDeviceInventoryInfo(result.value.record))).toEqual([]);
      const sekoia = mapAgentToSekoia(raw, { readTimeMs: 1.7e12 });
      if (sekoia.ok) expect(JSON.stringify(sekoia.value.record)).not.toContain('null');
    }
  });
});

/**
 * The device row as its columns read, field by field, each set only when present: the readable
 * statement of what toStoredDeviceRow builds in one literal, kept here to hold it to the same
 * bytes.
 */
function rowByColumns(agent: S1Agent): Record<string, unknown> {
  const facts = enrichmentFacts(agent);
  const fact = (name: string) => facts.find((f) => f.name === name)?.value;
  const nics = agent.networkInterfaces ?? [];
  const os = [agent.osName, agent.osRevision].filter(Boolean).join(' ');
  const row: Record<string, unknown> = {
    agentId: agent.id,
    ips: nics.flatMap((nic) => nic.inet ?? []),
    macs: nics.flatMap((nic) => nic.physical || []),
    decommissioned: agent.isDecommissioned === true,
  };
  const fields: [string, unknown][] = [
    ['uuid', agent.uuid],
    ['site', agent.siteName],
    ['group', agent.groupName],
    ['hostname', agent.computerName],
    ['os', os === '' ? undefined : os],
    ['osType', agent.osType],
    ['deviceType', agent.machineType],
    ['externalIp', agent.externalIp],
    ['serialNumber', agent.serialNumber],
    ['lastSeen', agent.lastActiveDate],
    ['agentVersion', agent.agentVersion],
    ['networkStatus', agent.networkStatus],
    ['firewall', fact('Firewall')],
    ['users', fact('Users')],
    ['updateStatus', fact('Update Status')],
    ['activeThreats', agent.activeThreats],
    ['infectionStatus', fact('Infection Status')],
  ];
  for (const [key, value] of fields) if (value !== undefined) row[key] = value;
  return row;
}

describe('the stored device row', () => {
  it('has the bytes of the row read column by column, for any agent', () => {
    fc.assert(
      fc.property(agent, (raw) => {
        const parsed = parseAgent(raw);
        if (!parsed.ok) return;
        const { agent: read } = parsed.value;
        expect(JSON.stringify(toStoredDeviceRow(read))).toBe(JSON.stringify(rowByColumns(read)));
      }),
      { numRuns: 1500 },
    );
  });
});
