import { describe, expect, it } from 'vitest';
import { mapAgentToOcsf } from '../../shared/ocsf/mapper';
import type { OcsfDeviceInventoryInfo } from '../../shared/ocsf/types';
import { errorsOf, validateDeviceInventoryInfo } from '../../shared/ocsf/validator';
import windowsAgent from '../fixtures/agent-windows.json';
import { parseAgent } from '../../shared/sentinelone/agent';
import { toDeviceRow } from '../../shared/devices/to-device-row';

const READ_TIME = Date.UTC(2024, 5, 1, 12, 0, 0);

/** Records are judged as they leave the process: serialised, where absent values vanish. */
const serialised = <T>(record: T): T => JSON.parse(JSON.stringify(record)) as T;

function map(raw: unknown): OcsfDeviceInventoryInfo {
  const result = mapAgentToOcsf(raw, { readTimeMs: READ_TIME });
  if (!result.ok) throw new Error(`rejected: ${result.error.reason}`);
  const record = serialised(result.value.record);
  const errors = errorsOf(validateDeviceInventoryInfo(record));
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  return record;
}

function mapWith(fields: Record<string, unknown>) {
  const result = mapAgentToOcsf(
    { id: '1559342436332027747', ...fields },
    { readTimeMs: READ_TIME },
  );
  if (!result.ok) throw new Error(result.error.reason);
  const record = serialised(result.value.record);
  expect(errorsOf(validateDeviceInventoryInfo(record))).toEqual([]);
  return { record, warnings: result.value.warnings };
}

describe('the seed mapping table, row by row (fixture agent)', () => {
  const record = map(windowsAgent);
  const device = record.device;

  it.each([
    ['computerName → device.hostname', device.hostname, 'ACME-LT-0042'],
    ['uuid → device.uid', device.uid, 'ff819e70af13be381993075eb0ce5f2f'],
    ['id → device.uid_alt (string)', device.uid_alt, '1559342436332027747'],
    ['machineType → device.type', device.type, 'Laptop'],
    ['machineType → device.type_id', device.type_id, 3],
    ['osType → device.os.type (caption)', device.os?.type, 'Windows'],
    ['osType → device.os.type_id', device.os?.type_id, 100],
    ['osName + osRevision → device.os.name', device.os?.name, 'Windows 10 Pro 19045'],
    ['osRevision → device.os.version', device.os?.version, '19045'],
    ['domain → device.domain', device.domain, 'ACME'],
    ['externalIp → device.ip', device.ip, '31.155.5.97'],
    ['groupIp A.B.C.x → device.subnet CIDR', device.subnet, '31.155.5.0/24'],
    ['networkInterfaces[].name', device.network_interfaces?.[0]?.name, 'Ethernet0'],
    [
      'networkInterfaces[].physical → mac',
      device.network_interfaces?.[0]?.mac,
      '00:50:56:a1:b2:c3',
    ],
    ['networkInterfaces[].inet[0] → ip', device.network_interfaces?.[0]?.ip, '10.20.30.40'],
    ['networkInterfaces[].id → uid', device.network_interfaces?.[0]?.uid, '1559342436340416356'],
    ['modelName → device.model', device.model, 'Dell Inc. - Latitude 7420'],
    ['osStartTime → device.boot_time (ms)', device.boot_time, Date.UTC(2024, 4, 29, 7, 0, 0)],
    ['createdAt → device.created_time (ms)', device.created_time, 1519706966257],
    ['registeredAt → device.first_seen_time (ms)', device.first_seen_time, 1519706966257],
    ['lastActiveDate → device.last_seen_time (ms)', device.last_seen_time, 1717060321123],
    ['isUpToDate → device.is_compliant', device.is_compliant, false],
    ['siteName → device.region', device.region, 'Europe'],
    ['groupName → device.groups[].name', device.groups?.[0]?.name, 'Laptops'],
    ['groupId → device.groups[].uid', device.groups?.[0]?.uid, '1559342436290084702'],
    ['locations[0].name → device.location.city', device.location?.city, 'Paris HQ'],
    ['agentVersion → metadata.product.version', record.metadata.product.version, '23.4.2.14'],
  ])('%s', (_row, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('fills the structure fields of the guide with valid OCSF values', () => {
    expect(record).toMatchObject({
      activity_id: 2,
      activity_name: 'Collect',
      category_uid: 5,
      category_name: 'Discovery',
      class_uid: 5001,
      class_name: 'Device Inventory Info',
      type_uid: 500102,
      type_name: 'Device Inventory Info: Collect',
      severity_id: 1,
      severity: 'Informational',
      time: READ_TIME,
      metadata: {
        version: '1.6.0',
        product: { name: 'SentinelOne', vendor_name: 'SentinelOne' },
      },
    });
    expect(device.vendor_name).toBe('SentinelOne');
    expect(device.is_managed).toBe(true);
  });

  it('adds org, agent_list and hw_info beside the seed fields', () => {
    expect(device.org).toEqual({
      name: 'Acme Corp',
      uid: '433241117337583618',
      ou_name: 'Europe',
      ou_uid: '475482421366727779',
    });
    expect(device.agent_list).toEqual([
      {
        name: 'SentinelOne',
        vendor_name: 'SentinelOne',
        type_id: 1,
        type: 'Endpoint Detection and Response',
        uid: 'ff819e70af13be381993075eb0ce5f2f',
        uid_alt: '1559342436332027747',
        version: '23.4.2.14',
      },
    ]);
    expect(device.hw_info).toEqual({
      serial_number: '5CG1234XYZ',
      cpu_count: 1,
      cpu_cores: 8,
      ram_size: 16384,
    });
    expect(device.os?.cpu_bits).toBe(64);
  });

  it('produces all five enrichments with name, value and a non-null data', () => {
    expect(record.enrichments).toEqual([
      { name: 'Firewall', value: 'Enabled', data: { Firewall_status: 'Enabled' } },
      { name: 'Users', value: 'jdoe, ACME\\jdoe', data: { Users: ['jdoe', 'ACME\\jdoe'] } },
      { name: 'Update Status', value: 'Update Required', data: {} },
      { name: 'Active Threats', value: '2', data: {} },
      { name: 'Infection Status', value: 'Infected', data: {} },
    ]);
  });

  it('keeps what OCSF has no place for in unmapped', () => {
    expect(record.unmapped).toEqual({
      groupIp: '31.155.5.x',
      locations: ['Paris HQ', 'VPN'],
      isDecommissioned: false,
      isActive: true,
      isUninstalled: false,
      networkStatus: 'connected',
      lastIpToMgmt: '10.20.30.40',
      mitigationMode: 'protect',
    });
  });
});

describe('enrichment values', () => {
  it.each([
    [{ firewallEnabled: false }, 'Firewall', 'Disabled', { Firewall_status: 'Disabled' }],
    [{ isUpToDate: true }, 'Update Status', 'Up to Date', {}],
    [{ activeThreats: 0 }, 'Active Threats', '0', {}],
    [{ infected: false }, 'Infection Status', 'Clean', {}],
    [{ lastLoggedInUserName: 'a', osUsername: 'a' }, 'Users', 'a', { Users: ['a'] }],
    [{ lastLoggedInUserName: '', osUsername: 'root' }, 'Users', 'root', { Users: ['root'] }],
  ])('%j gives %s = %s', (fields, name, value, data) => {
    const enrichment = mapWith(fields).record.enrichments.find((e) => e.name === name);
    expect(enrichment).toEqual({ name, value, data });
  });

  it('says Unknown for each enrichment whose source is absent, and keeps all five', () => {
    const { enrichments } = mapWith({}).record;
    expect(enrichments.map((e) => [e.name, e.value, e.data])).toEqual([
      ['Firewall', 'Unknown', {}],
      ['Users', 'Unknown', {}],
      ['Update Status', 'Unknown', {}],
      ['Active Threats', 'Unknown', {}],
      ['Infection Status', 'Unknown', {}],
    ]);
  });
});

describe('quirks from the reference', () => {
  it('treats null and "" as absent and omits them', () => {
    const { record } = mapWith({
      computerName: null,
      domain: '',
      externalIp: null,
      modelName: '',
      siteName: null,
      isUpToDate: null,
    });
    const device = record.device as unknown as Record<string, unknown>;
    for (const key of ['hostname', 'domain', 'ip', 'model', 'region', 'is_compliant']) {
      expect(device).not.toHaveProperty(key);
    }
    expect(JSON.stringify(record)).not.toContain('null');
  });

  it('uses id as device.uid when uuid is missing', () => {
    const { record } = mapWith({ uuid: null });
    expect(record.device.uid).toBe('1559342436332027747');
    expect(record.device.uid_alt).toBe('1559342436332027747');
  });

  it('omits network_interfaces when the list is empty', () => {
    expect(mapWith({ networkInterfaces: [] }).record.device).not.toHaveProperty(
      'network_interfaces',
    );
  });

  it('drops an EUI-64 MAC with a warning but keeps the interface', () => {
    const { record, warnings } = mapWith({
      networkInterfaces: [{ id: '1', name: 'eth0', physical: '00:25:96:FF:FE:12:34:56', inet: [] }],
    });
    expect(record.device.network_interfaces).toEqual([{ name: 'eth0', uid: '1' }]);
    expect(warnings).toContainEqual(
      expect.objectContaining({ path: 'networkInterfaces[0].physical' }),
    );
  });

  it('drops an interface with nothing OCSF can identify it by', () => {
    const { record } = mapWith({ networkInterfaces: [{ inet: ['not-an-ip'] }] });
    expect(record.device).not.toHaveProperty('network_interfaces');
  });

  it.each([
    ['desktop', 2, 'Desktop'],
    ['server', 1, 'Server'],
    ['Laptop', 3, 'Laptop'],
    ['unknown', 0, 'Unknown'],
    [null, 0, 'Unknown'],
    ['kubernetes node', 99, 'kubernetes node'],
    ['kubernetes pod', 99, 'kubernetes pod'],
    ['ecs task', 99, 'ecs task'],
    ['storage', 99, 'storage'],
    ['toString', 99, 'toString'],
  ])('machineType %j → type_id %i "%s"', (machineType, typeId, type) => {
    const { device } = mapWith({ machineType }).record;
    expect([device.type_id, device.type]).toEqual([typeId, type]);
  });

  it.each([
    ['windows', 100, 'Windows'],
    ['windows_legacy', 100, 'Windows'],
    ['macos', 300, 'macOS'],
    ['linux', 200, 'Linux'],
    [null, 0, 'Unknown'],
    // The literal "unknown" is OCSF's Unknown, as for machineType (not 99 "unknown").
    ['unknown', 0, 'Unknown'],
    ['Unknown', 0, 'Unknown'],
    ['solaris-ish', 99, 'solaris-ish'],
  ])('osType %j → os.type_id %i "%s"', (osType, typeId, type) => {
    const { os } = mapWith({ osType }).record.device;
    expect([os?.type_id, os?.type]).toEqual([typeId, type]);
  });

  it('names the OS from the type caption, or Unknown, when osName is missing', () => {
    expect(mapWith({ osType: 'linux' }).record.device.os?.name).toBe('Linux');
    expect(mapWith({}).record.device.os?.name).toBe('Unknown');
    expect(mapWith({ osType: 'linux', osRevision: '5.15' }).record.device.os?.name).toBe(
      'Linux 5.15',
    );
  });

  it.each([
    ['31.155.5.x', '31.155.5.0/24', undefined],
    ['3.122.240.X', '3.122.240.0/24', undefined],
    ['10.1.2.3/16', '10.1.0.0/16', undefined],
    ['256.1.1.x', undefined, '256.1.1.x'],
    ['31.155.x.x', undefined, '31.155.x.x'],
    ['unknown', undefined, 'unknown'],
  ])('groupIp %j → subnet %j (unmapped %j)', (groupIp, subnet, raw) => {
    const { record } = mapWith({ groupIp });
    expect(record.device.subnet).toBe(subnet);
    if (raw !== undefined) expect(record.unmapped?.groupIp).toBe(raw);
  });

  it('omits an invalid externalIp and keeps it in unmapped', () => {
    const { record, warnings } = mapWith({ externalIp: '999.1.1.1' });
    expect(record.device).not.toHaveProperty('ip');
    expect(record.unmapped?.externalIp).toBe('999.1.1.1');
    expect(warnings.map((w) => w.path)).toContain('externalIp');
  });

  it('keeps unicode text intact', () => {
    const { device } = mapWith({ computerName: 'büro-pc-Ω-東京', siteName: 'Zürich' }).record;
    expect(device.hostname).toBe('büro-pc-Ω-東京');
    expect(device.region).toBe('Zürich');
  });

  it('reads zone-less timestamps as UTC and rejects placeholder dates', () => {
    const { record, warnings } = mapWith({
      createdAt: '2022-04-07T08:31:47.481227',
      registeredAt: '1970-01-01T00:00:00Z',
      lastActiveDate: 'yesterday',
    });
    expect(record.device.created_time).toBe(Date.UTC(2022, 3, 7, 8, 31, 47, 481));
    expect(record.device).not.toHaveProperty('first_seen_time');
    expect(record.device).not.toHaveProperty('last_seen_time');
    expect(record.unmapped).toMatchObject({
      registeredAt: '1970-01-01T00:00:00Z',
      lastActiveDate: 'yesterday',
    });
    expect(warnings.map((w) => w.path).sort()).toEqual(['lastActiveDate', 'registeredAt']);
  });

  it('drops a wrong-typed field with a warning and keeps the agent', () => {
    const { record, warnings } = mapWith({
      computerName: 42,
      activeThreats: 'many',
      networkInterfaces: 'eth0',
      locations: [null, { name: 'Lyon' }],
      isUpToDate: 'yes',
    });
    expect(record.device).not.toHaveProperty('hostname');
    expect(record.device.location).toEqual({ city: 'Lyon' });
    expect(warnings.map((w) => w.path).sort()).toEqual([
      'activeThreats',
      'computerName',
      'isUpToDate',
      'locations[0]',
      'networkInterfaces',
    ]);
  });

  it.each([
    [{}, 'missing'],
    [{ id: '' }, 'non-empty'],
    [{ id: 2 ** 60 }, 'got number'],
    [null, 'JSON object'],
    [['id'], 'got array'],
  ])('rejects %j with a reason (%s)', (raw, reason) => {
    const result = mapAgentToOcsf(raw, { readTimeMs: READ_TIME });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toContain(reason);
  });

  it('emits integer millisecond time even from a fractional read time', () => {
    const result = mapAgentToOcsf({ id: '1' }, { readTimeMs: READ_TIME + 0.75 });
    expect(result.ok && result.value.record.time).toBe(READ_TIME);
  });
});

describe('loosely typed values, as real consoles and exports carry them', () => {
  it('coerces "true"/"True"/"false" and decimal counts, with a warning naming each path', () => {
    const raw = {
      id: '1559342436332027747',
      computerName: 'ws-42',
      isDecommissioned: 'True',
      firewallEnabled: 'false',
      isUpToDate: 'true',
      activeThreats: '2',
    };
    const result = parseAgent(raw);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.agent).toMatchObject({
      isDecommissioned: true,
      firewallEnabled: false,
      isUpToDate: true,
      activeThreats: 2,
    });
    expect(result.value.warnings.map((w) => w.path).sort()).toEqual([
      'activeThreats',
      'firewallEnabled',
      'isDecommissioned',
      'isUpToDate',
    ]);
    expect(result.value.warnings[0]?.message).toMatch(/coerced from the string/);
    const row = toDeviceRow(result.value.agent, 'prod');
    expect(row).toMatchObject({
      decommissioned: true,
      firewall: 'Disabled',
      updateStatus: 'Up to Date',
      activeThreats: 2,
    });
  });

  it('still drops what is not one of those forms', () => {
    const result = parseAgent({
      id: '1',
      isUpToDate: 'yes',
      activeThreats: '2.5',
      firewallEnabled: 1,
    });
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.agent.isUpToDate).toBeUndefined();
    expect(result.value.agent.activeThreats).toBeUndefined();
    expect(result.value.agent.firewallEnabled).toBeUndefined();
    expect(result.value.warnings).toHaveLength(3);
  });
});
