import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapThreatToFinding } from '../../shared/ocsf/threat-mapper';
import { errorsOf, validateDetectionFinding } from '../../shared/ocsf/validator';
import { generateThreat } from '../support/generate/threats';

// Random threats, from plausible to hostile: every one with an id maps to a Detection Finding
// that validates against OCSF 1.6.0, and no input makes the mapper throw.

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.constant(null), fc.constant(''), fc.constant(undefined), fc.anything());

const s1Time = fc
  .date({ min: new Date('1969-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .chain((date) =>
    fc.constantFrom(date.toISOString(), date.toISOString().replace(/(\.\d+)Z$/, '$1123Z')),
  );

const ipList = fc
  .array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 4 })
  .map((ips) => ips.join(','));

const technique = fc.record(
  {
    name: maybe(fc.oneof(fc.stringMatching(/^T\d{4}(\.\d{3})?$/), fc.string())),
    link: maybe(
      fc.oneof(fc.webUrl(), fc.constant('https://attack.mitre.org/techniques/T1003/001/')),
    ),
  },
  { requiredKeys: [] },
);
const tactic = fc.record(
  {
    name: maybe(fc.constantFrom('Persistence', 'Impact', 'Execution', 'Sneakiness')),
    source: maybe(fc.constantFrom('MITRE', 'mitre', 'SentinelOne')),
    techniques: maybe(fc.array(maybe(technique), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

const threatInfo = fc.record(
  {
    threatId: maybe(fc.stringMatching(/^\d{19}$/)),
    threatName: maybe(fc.string({ unit: 'grapheme' })),
    classification: maybe(fc.constantFrom('Malware', 'Trojan', 'Ransomware', 'PUA', 'Worm', 'x')),
    confidenceLevel: maybe(fc.constantFrom('malicious', 'suspicious', 'n/a', 'odd')),
    analystVerdict: maybe(
      fc.constantFrom('true_positive', 'false_positive', 'suspicious', 'undefined'),
    ),
    incidentStatus: maybe(fc.constantFrom('unresolved', 'in_progress', 'resolved', 'odd')),
    mitigationStatus: maybe(
      fc.constantFrom('mitigated', 'not_mitigated', 'marked_as_benign', 'odd'),
    ),
    mitigatedPreemptively: maybe(fc.boolean()),
    sha1: maybe(fc.stringMatching(/^[0-9a-f]{40}$/)),
    sha256: maybe(fc.string()),
    md5: maybe(fc.string()),
    filePath: maybe(fc.string()),
    fileSize: maybe(fc.nat()),
    originatorProcess: maybe(fc.string()),
    processUser: maybe(fc.string()),
    storyline: maybe(fc.string()),
    engines: maybe(fc.array(fc.string(), { maxLength: 2 })),
    createdAt: maybe(s1Time),
    updatedAt: maybe(s1Time),
    identifiedAt: maybe(s1Time),
  },
  { requiredKeys: [] },
);

const threat = fc.record(
  {
    id: fc.oneof(
      fc.stringMatching(/^\d{19}$/),
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    ),
    threatInfo: maybe(threatInfo),
    agentRealtimeInfo: maybe(
      fc.record(
        {
          agentId: maybe(fc.stringMatching(/^\d{19}$/)),
          agentUuid: maybe(fc.stringMatching(/^[0-9a-f]{32}$/)),
          agentComputerName: maybe(fc.string({ unit: 'grapheme' })),
          agentOsType: maybe(fc.constantFrom('windows', 'macos', 'linux', 'beos')),
          agentOsName: maybe(fc.string()),
          agentMachineType: maybe(fc.constantFrom('laptop', 'server', 'kubernetes pod', 'x')),
          siteName: maybe(fc.string()),
          groupName: maybe(fc.string()),
          accountId: maybe(fc.string()),
          networkInterfaces: maybe(
            fc.array(
              maybe(
                fc.record(
                  {
                    name: maybe(fc.string()),
                    physical: maybe(fc.string()),
                    inet: maybe(fc.array(fc.ipV4())),
                  },
                  { requiredKeys: [] },
                ),
              ),
              { maxLength: 2 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    agentDetectionInfo: maybe(
      fc.record(
        {
          agentIpV4: maybe(ipList),
          agentIpV6: maybe(ipList),
          agentLastLoggedInUserName: maybe(fc.string()),
        },
        { requiredKeys: [] },
      ),
    ),
    mitigationStatus: maybe(
      fc.array(
        maybe(
          fc.record(
            {
              action: maybe(
                fc.constantFrom(
                  'kill',
                  'quarantine',
                  'remediate',
                  'rollback',
                  'network_quarantine',
                  'unquarantine',
                ),
              ),
              status: maybe(fc.constantFrom('success', 'failed', 'pending')),
              lastUpdate: maybe(s1Time),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 4 },
      ),
    ),
    indicators: maybe(
      fc.array(maybe(fc.record({ tactics: maybe(fc.array(maybe(tactic), { maxLength: 3 })) })), {
        maxLength: 3,
      }),
    ),
  },
  { requiredKeys: ['id'] },
);

describe('threat mapper properties', () => {
  it('every random threat maps to a Detection Finding that validates against OCSF 1.6.0', () => {
    fc.assert(
      fc.property(threat, fc.integer({ min: 1e12, max: 4e12 }), (raw, readTimeMs) => {
        const result = mapThreatToFinding(raw, { readTimeMs });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(errorsOf(validateDetectionFinding(result.value.record))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('says what the console says, whatever else the threat holds', () => {
    const activity: Record<string, number> = { unresolved: 1, in_progress: 2, resolved: 3 };
    fc.assert(
      fc.property(
        threat,
        fc.constantFrom('unresolved', 'in_progress', 'resolved'),
        fc.constantFrom('not_mitigated', 'mitigated', 'active', 'marked_as_benign'),
        (raw, incidentStatus, mitigationStatus) => {
          const info = { ...(raw.threatInfo ?? {}), incidentStatus, mitigationStatus };
          const result = mapThreatToFinding({ ...raw, threatInfo: info }, { readTimeMs: 1.8e12 });
          if (!result.ok) throw new Error(result.error.reason);
          const record = result.value.record as Record<string, unknown>;
          expect(record.activity_id).toBe(activity[incidentStatus]);
          expect(record.is_alert === true).toBe(record.activity_id === 1);
          if (mitigationStatus === 'not_mitigated' || mitigationStatus === 'active') {
            expect(record.action_id).toBe(3);
            expect([12, 13, 15]).toContain(record.disposition_id);
          }
        },
      ),
      { numRuns: 800 },
    );
  });

  it('no input at all makes the mapper throw', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        mapThreatToFinding(raw, { readTimeMs: 1.7e12 });
      }),
      { numRuns: 1000 },
    );
  });

  it('every threat the fake console generates maps to a valid finding', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const result = mapThreatToFinding(generateThreat(i, { agents: 500, updatedMs: 1.8e12 }), {
        readTimeMs: 1.8e12,
      });
      expect(result.ok).toBe(true);
      if (result.ok) expect(validateDetectionFinding(result.value.record)).toEqual([]);
    }
  });
});
