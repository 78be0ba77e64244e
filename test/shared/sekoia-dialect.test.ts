import { describe, expect, it } from 'vitest';
import { mapAgentToSekoia, type SekoiaDialectOptions } from '../../shared/sekoia/dialect';
import windowsAgent from '../fixtures/agent-windows.json';
import { mapAgentToOcsf } from '../../shared/ocsf/mapper';

const READ_TIME = Date.UTC(2024, 5, 1, 12, 0, 0);

function sekoia(raw: unknown, options: Partial<SekoiaDialectOptions> = {}) {
  const result = mapAgentToSekoia(raw, { readTimeMs: READ_TIME, ...options });
  if (!result.ok) throw new Error(result.error.reason);
  return result.value.record;
}

describe("Sekoia's dialect (what its SentinelOne connector sends)", () => {
  it('maps the fixture agent exactly', () => {
    expect(sekoia(windowsAgent)).toEqual({
      activity_id: 2,
      activity_name: 'Collect',
      category_name: 'Discovery',
      category_uid: 5,
      class_name: 'Device Inventory Info',
      class_uid: 5001,
      device: {
        hostname: 'ACME-LT-0042',
        uid: 'ff819e70af13be381993075eb0ce5f2f',
        uid_alt: '1559342436332027747',
        type: 'Desktop',
        type_id: 2,
        os: { name: 'Windows 10 Pro 19045', type: 'windows', type_id: 100 },
        domain: 'ACME',
        ip: '31.155.5.97',
        subnet: '31.155.5.x',
        network_interfaces: [
          {
            name: 'Ethernet0',
            mac: '00:50:56:a1:b2:c3',
            ip: '10.20.30.40',
            uid: '1559342436340416356',
          },
        ],
        model: 'Dell Inc. - Latitude 7420',
        vendor_name: 'SentinelOne',
        boot_time: 1716966000,
        created_time: 1519706966.257525,
        first_seen_time: 1519706966.257525,
        last_seen_time: 1717060321.123456,
        is_managed: true,
        is_compliant: false,
        region: 'Europe',
        groups: [{ name: 'Laptops', uid: '1559342436290084702' }],
        location: { city: 'Paris HQ' },
      },
      enrichments: [
        { name: 'Firewall', value: 'Enabled', data: { Firewall_status: 'Enabled' } },
        { name: 'Users', value: 'jdoe, ACME\\jdoe', data: { Users: ['jdoe', 'ACME\\jdoe'] } },
        { name: 'Update Status', value: 'Update Required', data: {} },
        { name: 'Active Threats', value: '2', data: {} },
        { name: 'Infection Status', value: 'Infected', data: {} },
      ],
      metadata: {
        version: '1.6.0',
        product: { name: 'SentinelOne', vendor_name: 'SentinelOne', version: '23.4.2.14' },
      },
      severity: 'Informational',
      severity_id: 1,
      time: 1519706966.257525,
      type_name: 'Device Inventory Info: Collect',
      type_uid: 500102,
    });
  });

  it('skips an agent without a hostname, with a reason', () => {
    const result = mapAgentToSekoia({ id: '1', computerName: '' }, { readTimeMs: READ_TIME });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toMatch(/hostname/);
  });

  it('never sends null, omits empty enrichments and defaults the product version', () => {
    const record = sekoia({ id: '7', computerName: 'h', uuid: null, domain: null });
    expect(JSON.stringify(record)).not.toContain('null');
    expect(record).not.toHaveProperty('enrichments');
    expect(record.metadata.product.version).toBe('N/A');
    expect(record.device.uid).toBe('7');
    expect(record.device).not.toHaveProperty('uid_alt');
    // Sekoia's connector sends no groups for an agent without one (test_map_fields_no_groups).
    expect(record.device).not.toHaveProperty('groups');
    expect(record.time).toBe(READ_TIME / 1000);
  });

  it.each([
    ['desktop', false, 'Desktop', 2],
    ['laptop', false, 'Desktop', 2],
    ['server', false, 'Server', 1],
    ['kubernetes pod', false, 'Other', 99],
    [undefined, false, 'Other', 99],
    ['laptop', true, 'Laptop', 3],
    ['tablet', true, 'Tablet', 4],
    ['tablet', false, 'Mobile', 5],
  ])('machineType %j (legacy %s) → %s/%i', (machineType, legacyDeviceTypes, type, typeId) => {
    const { device } = sekoia({ id: '1', computerName: 'h', machineType }, { legacyDeviceTypes });
    expect([device.type, device.type_id]).toEqual([type, typeId]);
  });

  it.each([
    [
      { osType: 'windows_legacy', osName: 'Windows 7' },
      { name: 'Windows 7', type: 'other', type_id: 99 },
    ],
    [{ osType: 'macos' }, { name: 'macos', type: 'macos', type_id: 300 }],
    [{}, { name: 'Unknown', type: 'other', type_id: 99 }],
  ])('os %j → %j', (fields, os) => {
    expect(sekoia({ id: '1', computerName: 'h', ...fields }).device.os).toEqual(os);
  });

  it('adds the documented-only fields when asked', () => {
    const record = sekoia(windowsAgent, { documentedAdditions: true });
    expect(record.device).toMatchObject({
      name: 'ACME-LT-0042',
      org: { name: 'Acme Corp', uid: '433241117337583618' },
      risk_level: 'Critical',
      risk_level_id: 4,
      risk_score: 2,
    });
    expect(record.enrichments?.at(-1)).toEqual({
      name: 'Domain',
      value: 'ACME',
      data: { Full_qualified_domain_name: 'ACME' },
    });
  });

  it.each([
    [{ groupName: '', groupId: '' }, undefined],
    [{ groupName: '  ' }, undefined],
    [{ groupId: '42' }, [{ name: 'Unknown', uid: '42' }]],
    [{ groupName: 'Servers' }, [{ name: 'Servers', uid: 'Servers' }]],
  ])('sends groups only for an agent that names one: %j', (fields, groups) => {
    const record = sekoia({ id: '8', computerName: 'h', ...fields });
    expect(record.device.groups).toEqual(groups);
  });

  it('leaves out an empty list of network interfaces, in both outputs', () => {
    const agent = { id: '9', computerName: 'h', networkInterfaces: [] };
    expect(sekoia(agent).device).not.toHaveProperty('network_interfaces');
    const ocsf = mapAgentToOcsf(agent, { readTimeMs: READ_TIME });
    expect(ocsf.ok && JSON.stringify(ocsf.value.record)).not.toContain('network_interfaces');
  });
});
