import { isoMicros, pick, s1Id, seededRandom } from './random';

// Deterministic threats and activities in the v2.1 shapes (reference §13).

const THREAT_ID_BASE = 1700000000000000000n;
const ACTIVITY_ID_BASE = 1800000000000000000n;
const AGENT_ID_BASE = 1559342436000000000n;

export function generateThreat(
  index: number,
  options: { agents: number; updatedMs: number; seed?: number },
) {
  const random = seededRandom((options.seed ?? 2) * 7_919 + index);
  const agentIndex = Math.floor(random() * Math.max(1, options.agents));
  const id = s1Id(THREAT_ID_BASE, index);
  return {
    id,
    threatInfo: {
      threatId: id,
      threatName: pick(random, [
        'Mimikatz.exe',
        'invoice.pdf.exe',
        'EICAR-Test-File',
        'powershell.ps1',
      ]),
      classification: pick(random, ['Malware', 'Trojan', 'Ransomware', 'PUA']),
      confidenceLevel: pick(random, ['malicious', 'suspicious']),
      incidentStatus: pick(random, ['unresolved', 'in_progress', 'resolved']),
      mitigationStatus: pick(random, ['mitigated', 'not_mitigated']),
      sha1: random().toString(16).slice(2).padEnd(40, '0').slice(0, 40),
      createdAt: isoMicros(options.updatedMs - 3_600_000, 0),
      updatedAt: isoMicros(options.updatedMs, Math.floor(random() * 1000)),
    },
    agentRealtimeInfo: {
      agentId: s1Id(AGENT_ID_BASE, agentIndex),
      agentComputerName: `host-${agentIndex}`,
    },
    agentDetectionInfo: null,
    mitigationStatus: [],
    indicators: [],
  };
}

export function generateActivity(
  index: number,
  options: { agents: number; createdMs: number; seed?: number },
) {
  const random = seededRandom((options.seed ?? 3) * 104_729 + index);
  const agentIndex = Math.floor(random() * Math.max(1, options.agents));
  return {
    id: s1Id(ACTIVITY_ID_BASE, index),
    activityUuid: `a${index.toString(16).padStart(31, '0')}`,
    activityType: pick(random, [19, 2001, 27, 31]),
    createdAt: isoMicros(options.createdMs, Math.floor(random() * 1000)),
    updatedAt: isoMicros(options.createdMs, 0),
    primaryDescription: `Activity ${index}`,
    secondaryDescription: null,
    accountId: '433241117337583618',
    siteId: '475482421366727779',
    agentId: s1Id(AGENT_ID_BASE, agentIndex),
    userId: null,
    data: { accountName: 'Acme Corp' },
  };
}
