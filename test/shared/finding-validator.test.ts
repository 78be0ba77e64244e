import { describe, expect, it } from 'vitest';
import { mapThreatToFinding, type OcsfFinding } from '../../shared/ocsf/threat-mapper';
import { errorsOf, validateDetectionFinding } from '../../shared/ocsf/validator';
import { generateThreat } from '../support/generate/threats';

// The validator on Detection Finding: a valid record passes, and each rule fires on a record
// broken in exactly the way the rule is about.

function valid(): OcsfFinding {
  const threat = generateThreat(3, { agents: 10, updatedMs: 1.8e12 });
  const mapped = mapThreatToFinding(threat, { readTimeMs: 1.8e12 });
  if (!mapped.ok) throw new Error(mapped.error.reason);
  return structuredClone(mapped.value.record);
}

const rulesOf = (record: unknown) =>
  errorsOf(validateDetectionFinding(record)).map((issue) => `${issue.rule} ${issue.path}`);

describe('validateDetectionFinding', () => {
  it('accepts a mapped finding with no issue', () => {
    expect(validateDetectionFinding(valid())).toEqual([]);
  });

  it.each<[string, (record: Record<string, any>) => void, string]>([
    ['a required attribute', (r) => delete r.severity_id, 'required severity_id'],
    ['a required nested attribute', (r) => delete r.finding_info.uid, 'required finding_info.uid'],
    ['an unknown attribute', (r) => (r.colour = 'red'), 'unknown_attribute colour'],
    [
      'a profile attribute without its profile',
      (r) => (r.metadata.profiles = ['incident']),
      'unknown_attribute action_id',
    ],
    [
      'a profile not of this class',
      (r) => r.metadata.profiles.push('sneaky'),
      'profile_unknown metadata.profiles[2]',
    ],
    ['an enum value not defined', (r) => (r.status_id = 42), 'enum status_id'],
    [
      'an observable naming no attribute',
      (r) => (r.observables = [{ name: 'device.colour', type_id: 1, value: 'x' }]),
      'observable_name_invalid_reference observables[0].name',
    ],
    [
      'an observable path with an array index',
      (r) => (r.observables = [{ name: 'evidences[0].file.name', type_id: 7, value: 'x' }]),
      'observable_name_invalid_reference observables[0].name',
    ],
    [
      'an observable path through a scalar',
      (r) => (r.observables = [{ name: 'device.hostname.length', type_id: 1, value: 'x' }]),
      'observable_name_invalid_reference observables[0].name',
    ],
    ["a caption that is not the id's", (r) => (r.status = 'Open'), 'sibling status'],
    [
      'an enum array caption out of step',
      (r) => (r.malware[0].classifications = ['Worm']),
      'sibling_array malware[0].classifications[0]',
    ],
    [
      'an enum array element not defined',
      (r) => (r.malware[0].classification_ids = [12]),
      'enum malware[0].classification_ids[0]',
    ],
    [
      'type_uid not class_uid * 100 + activity_id',
      (r) => (r.type_uid = 200409),
      'type_uid type_uid',
    ],
    [
      'a constraint (at least one of name, uid)',
      (r) => delete r.malware[0].name,
      'at_least_one malware[0]',
    ],
    ['a wrong JSON type', (r) => (r.time = '2026-11-30T10:00:00Z'), 'type time'],
    [
      'a timestamp in seconds',
      (r) => (r.finding_info.created_time = 1_700_000_000),
      'timestamp_ms finding_info.created_time',
    ],
    ['an IP list in one ip_t', (r) => (r.device.ip = '10.0.0.1,10.0.0.2'), 'ip device.ip'],
    [
      'a fingerprint without its algorithm',
      (r) => delete r.evidences[0].file.hashes[0].algorithm_id,
      'required evidences[0].file.hashes[0].algorithm_id',
    ],
    ['another class', (r) => (r.class_uid = 5001), 'class_uid class_uid'],
  ])('fires on %s', (_what, breakIt, expected) => {
    const record = valid();
    breakIt(record);
    expect(rulesOf(record)).toContain(expected);
  });
});
