import { describe, expect, it } from 'vitest';
import { mapAgentToOcsf } from '../../shared/ocsf/mapper';
import {
  errorsOf,
  validateDeviceInventoryInfo,
  type ValidationIssue,
} from '../../shared/ocsf/validator';
import windowsAgent from '../fixtures/agent-windows.json';

// The validator is what makes "every record validates" mean something, so each rule is proven
// to fire on a record broken in exactly that way.

function validRecord(): Record<string, unknown> {
  const result = mapAgentToOcsf(windowsAgent, { readTimeMs: Date.UTC(2024, 5, 1) });
  if (!result.ok) throw new Error(result.error.reason);
  return structuredClone(result.value.record) as unknown as Record<string, unknown>;
}

function breakWith(mutate: (record: Record<string, any>) => void): ValidationIssue[] {
  const record = validRecord();
  mutate(record);
  return validateDeviceInventoryInfo(record);
}

const rulePaths = (issues: ValidationIssue[]) =>
  errorsOf(issues).map((issue) => `${issue.rule}@${issue.path}`);

describe('validateDeviceInventoryInfo', () => {
  it('accepts the mapped fixture with no issue at all', () => {
    expect(validateDeviceInventoryInfo(validRecord())).toEqual([]);
  });

  it.each([
    ['unknown class_uid', (r: any) => (r.class_uid = 5002), 'class_uid@class_uid'],
    ['missing required time', (r: any) => delete r.time, 'required@time'],
    ['null required device', (r: any) => (r.device = null), 'required@device'],
    ['missing device.type_id', (r: any) => delete r.device.type_id, 'required@device.type_id'],
    ['missing os.name', (r: any) => delete r.device.os.name, 'required@device.os.name'],
    [
      'enrichment without data',
      (r: any) => delete r.enrichments[0].data,
      'required@enrichments[0].data',
    ],
    [
      'enrichment with null data',
      (r: any) => (r.enrichments[1].data = null),
      'required@enrichments[1].data',
    ],
    ['type_id as a string', (r: any) => (r.device.type_id = '3'), 'type@device.type_id'],
    ['fractional time', (r: any) => (r.time = 1717243200000.5), 'type@time'],
    [
      'ISO string time',
      (r: any) => (r.device.created_time = '2018-02-27T04:49:26Z'),
      'type@device.created_time',
    ],
    [
      'seconds instead of ms',
      (r: any) => (r.device.last_seen_time = 1717060321),
      'timestamp_ms@device.last_seen_time',
    ],
    [
      'string is_compliant',
      (r: any) => (r.device.is_compliant = 'false'),
      'type@device.is_compliant',
    ],
    ['groups not an array', (r: any) => (r.device.groups = { name: 'x' }), 'type@device.groups'],
    ['undefined enum value', (r: any) => (r.device.os.type_id = 150), 'enum@device.os.type_id'],
    ['os range string', (r: any) => (r.device.os.type_id = '100-499'), 'type@device.os.type_id'],
    [
      'over max_len',
      (r: any) => (r.device.subnet = `10.0.0.0/${'1'.repeat(40)}`),
      'max_len@device.subnet',
    ],
    ['non-CIDR subnet', (r: any) => (r.device.subnet = '31.155.5.x'), 'subnet@device.subnet'],
    ['bad IP', (r: any) => (r.device.ip = '300.1.1.1'), 'ip@device.ip'],
    [
      'EUI-64 MAC',
      (r: any) => (r.device.network_interfaces[0].mac = '00:25:96:FF:FE:12:34:56'),
      'mac@device.network_interfaces[0].mac',
    ],
    ['empty group', (r: any) => (r.device.groups = [{}]), 'at_least_one@device.groups[0]'],
    [
      'device without any identifier',
      (r: any) => {
        delete r.device.uid;
        delete r.device.hostname;
        delete r.device.ip;
      },
      'at_least_one@device',
    ],
    ['wrong type_uid', (r: any) => (r.type_uid = 500101), 'type_uid@type_uid'],
    ['unknown top-level key', (r: any) => (r.foo = 1), 'unknown_attribute@foo'],
    [
      'unknown nested key',
      (r: any) => (r.device.os.kernel = 'x'),
      'unknown_attribute@device.os.kernel',
    ],
    [
      'profile key without its profile',
      (r: any) => (r.device.created_time_dt = '2018-02-27T04:49:26Z'),
      'unknown_attribute@device.created_time_dt',
    ],
    [
      'object type outside the schema data',
      (r: any) => (r.observables = [{ name: 'x' }]),
      'object_type@observables[0]',
    ],
    [
      'newer metadata.version',
      (r: any) => (r.metadata.version = '1.7.0'),
      'version@metadata.version',
    ],
    [
      'lower-case os.type caption',
      (r: any) => (r.device.os.type = 'windows'),
      'sibling@device.os.type',
    ],
    ['wrong class_name caption', (r: any) => (r.class_name = 'Inventory'), 'sibling@class_name'],
  ])('reports %s', (_case, mutate, expected) => {
    expect(rulePaths(breakWith(mutate))).toContain(expected);
  });

  it('allows a profile attribute once the profile is named', () => {
    const issues = breakWith((r) => {
      r.device.created_time_dt = '2018-02-27T04:49:26Z';
      r.metadata.profiles = ['datetime'];
    });
    expect(errorsOf(issues)).toEqual([]);
  });

  it('leaves unmapped and enrichment data open', () => {
    const issues = breakWith((r) => {
      r.unmapped = { anything: { goes: [1, null, 'x'] } };
      r.enrichments[0].data = { nested: { deep: true } };
    });
    expect(errorsOf(issues)).toEqual([]);
  });

  it('accepts a caption that carries source text when the enum is Other (99)', () => {
    const issues = breakWith((r) => {
      r.device.type_id = 99;
      r.device.type = 'kubernetes node';
    });
    expect(issues).toEqual([]);
  });

  it('warns (without failing) on a deprecated attribute and an older version', () => {
    const issues = validateDeviceInventoryInfo(
      (() => {
        const r = validRecord() as any;
        r.device.imei = '490154203237518';
        r.metadata.version = '1.5.0';
        return r;
      })(),
      { strict: false },
    );
    expect(errorsOf(issues)).toEqual([]);
    expect(issues.map((i) => `${i.severity}:${i.rule}`)).toEqual(
      expect.arrayContaining(['warning:deprecated', 'warning:version', 'warning:version_exact']),
    );
  });

  it('reports missing recommended attributes only when asked', () => {
    const record = validRecord() as any;
    delete record.device.region;
    expect(validateDeviceInventoryInfo(record)).toEqual([]);
    const asked = validateDeviceInventoryInfo(record, { warnOnMissingRecommended: true });
    expect(asked).toContainEqual(
      expect.objectContaining({ severity: 'warning', rule: 'recommended', path: 'device.region' }),
    );
  });

  it('rejects what is not an object', () => {
    expect(rulePaths(validateDeviceInventoryInfo('[]'))).toEqual(['type@']);
    expect(rulePaths(validateDeviceInventoryInfo(null))).toEqual(['type@']);
  });
});
