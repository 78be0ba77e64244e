import { describe, expect, it } from 'vitest';
import { mapThreatToFinding, type OcsfFinding } from '../../shared/ocsf/threat-mapper';
import { errorsOf, validateDetectionFinding } from '../../shared/ocsf/validator';
import { REAL_FORMAT_AGENTS, REAL_FORMAT_THREATS } from '../fixtures/real-format/threats';
import { generateThreat } from '../support/generate/threats';

// What a finding says must be what the console says (issue 26): for every threat, generated and
// in real consoles' shape, the lifecycle, the alert, the outcome, the process and the device.

const READ_AT = Date.parse('2025-03-14T00:00:00.000Z');
const deviceUidOf = (agentId: string) =>
  agentId in REAL_FORMAT_AGENTS
    ? (REAL_FORMAT_AGENTS[agentId as keyof typeof REAL_FORMAT_AGENTS] ?? agentId)
    : undefined;

type Threat = {
  threatInfo: Record<string, unknown>;
  mitigationStatus: { action: string; status: string; lastUpdate?: string }[];
  agentRealtimeInfo: { agentId: string };
};
type Finding = OcsfFinding & {
  activity_id: number;
  action_id: number;
  disposition_id: number;
  is_alert?: boolean;
  evidences?: { process?: { name?: string; ancestry?: { name: string }[] } }[];
  device: { uid: string; uid_alt: string; agent_list: { uid: string }[] };
  unmapped?: Record<string, unknown>;
};

const map = (threat: unknown) => {
  const mapped = mapThreatToFinding(threat, { readTimeMs: READ_AT, deviceUidOf });
  if (!mapped.ok) throw new Error(mapped.error.reason);
  return mapped.value.record as Finding;
};

const generated = Array.from({ length: 600 }, (_, i) =>
  generateThreat(i, { agents: 200, updatedMs: 1.8e12 }),
);
const ALL = [...generated, ...REAL_FORMAT_THREATS] as unknown as Threat[];
const ACTIVITY: Record<string, number> = { unresolved: 1, in_progress: 2, resolved: 3 };
/** Dispositions that say the threat was stopped or removed. */
const STOPPED = [2, 3, 5, 6, 11];

describe('every finding says what the console says', () => {
  it.each(ALL.map((threat, i) => [i, threat] as const))('threat %i', (_i, threat) => {
    const finding = map(threat);
    const info = threat.threatInfo;
    expect(errorsOf(validateDetectionFinding(finding))).toEqual([]);
    // The lifecycle follows the incident, and only a new finding is an alert.
    expect(finding.activity_id).toBe(ACTIVITY[info.incidentStatus as string]);
    expect(finding.is_alert === true).toBe(finding.activity_id === 1);
    // A threat the console calls not mitigated was not stopped.
    if (info.mitigationStatus === 'not_mitigated') {
      expect(finding.action_id).not.toBe(2);
      expect(STOPPED).not.toContain(finding.disposition_id);
    }
    // A quarantine undone by a later unquarantine is not Quarantined.
    const at = (name: string) =>
      threat.mitigationStatus
        .filter((entry) => entry.action === name && entry.status === 'success')
        .map((entry) => entry.lastUpdate ?? '');
    const released = at('unquarantine');
    if (released.length > 0 && at('quarantine').every((q) => released.some((u) => u >= q))) {
      expect(finding.disposition_id).not.toBe(3);
    }
    // The process evidence is what was detected, its originator an ancestor.
    const process = finding.evidences?.[0]?.process;
    if (process) {
      const fileName = String(info.filePath).split(/[\\/]/).pop();
      expect(process.name).toBe(fileName);
      expect(process.ancestry).toEqual([{ name: info.originatorProcess }]);
    }
    // The device is the one the realtime record names, as the inventory's record has it.
    const agentId = threat.agentRealtimeInfo.agentId;
    expect(finding.device.uid_alt).toBe(agentId);
    expect(finding.device.agent_list[0]?.uid).toBe(finding.device.uid);
  });
});

describe('threats in real consoles’ shape', () => {
  const [released, fresh, killed, dismissed] = REAL_FORMAT_THREATS.map(map) as [
    Finding,
    Finding,
    Finding,
    Finding,
  ];

  it('a killed, quarantined then released threat the console calls not mitigated', () => {
    expect(released).toMatchObject({
      activity_id: 1,
      is_alert: true,
      status_id: 1,
      action_id: 3,
      action: 'Observed',
      // The kill stands; the quarantine was undone.
      disposition_id: 12,
      disposition: 'Partially Corrected',
      device: { uid: 'a1f04c7e2d9b4e31b6f0c9d83e27a511', uid_alt: '1814217000110000001' },
    });
  });

  it('a fresh detection updated a second after creation is a new alert, with the child named', () => {
    expect(fresh).toMatchObject({
      activity_id: 1,
      is_alert: true,
      disposition_id: 15,
      disposition: 'Detected',
      action_id: 3,
      evidences: [
        {
          file: { name: 'chrome_update.exe', ext: 'exe' },
          process: {
            name: 'chrome_update.exe',
            cmd_line: '"C:\\Users\\j.moreau\\AppData\\Roaming\\chrome_update.exe" -k',
            ancestry: [{ name: 'explorer.exe' }],
          },
        },
      ],
      finding_info: {
        analytic: { uid: 'sentinelone_cloud', name: 'SentinelOne Cloud', type_id: 5 },
        related_analytics: [{ uid: 'pre_execution', name: 'On-Write Static AI', type_id: 4 }],
      },
    });
    expect(fresh.unmapped).toMatchObject({
      initiatedBy: 'agent_policy',
      fileVerificationType: 'NotSigned',
      isValidCertificate: false,
    });
  });

  it('a kill on a threat in progress and still not mitigated', () => {
    expect(killed).toMatchObject({ activity_id: 2, status_id: 2, disposition_id: 12 });
    expect(killed).not.toHaveProperty('is_alert');
  });

  it('a false positive resolved on a reinstalled agent joins the agent the console names', () => {
    expect(dismissed).toMatchObject({
      activity_id: 3,
      status_id: 3,
      status: 'Suppressed',
      disposition_id: 3,
      action_id: 2,
      // The realtime agent has no uuid: its record's uid is its id, not the detection uuid.
      device: { uid: '1814217000110000002', uid_alt: '1814217000110000002' },
      unmapped: { detectionAgentUuid: '5c3e8b10f94a4d27a8e6d1c0b7f29a44' },
      // No storyline: no process, but the user stays on the evidence.
      evidences: [{ user: { name: 'ACME\\j.moreau' } }],
    });
    expect(dismissed.observables).toContainEqual({
      name: 'evidences.user.name',
      type_id: 4,
      type: 'User Name',
      value: 'ACME\\j.moreau',
    });
  });
});
