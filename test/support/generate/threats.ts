import { isoMicros, pick, s1Id, seededRandom } from './random';

// Deterministic threats and activities in the v2.1 shapes (reference §13).

const THREAT_ID_BASE = 1700000000000000000n;
const ACTIVITY_ID_BASE = 1800000000000000000n;
const AGENT_ID_BASE = 1559342436000000000n;

const TACTICS = [
  { name: 'Persistence', techniques: ['T1547.001', 'T1053.005'] },
  { name: 'Defense Evasion', techniques: ['T1055', 'T1562.001'] },
  { name: 'Credential Access', techniques: ['T1003.001'] },
  { name: 'Execution', techniques: ['T1059.001'] },
];

/**
 * A threat on agent `agentIndex` (by default a seeded pick among `agents`), carrying the same
 * agent id and uuid as `generateAgent(agentIndex)`, so findings join their devices.
 */
export function generateThreat(
  index: number,
  options: {
    agents: number;
    updatedMs: number;
    seed?: number;
    agentIndex?: number;
    status?: string;
  },
) {
  const random = seededRandom((options.seed ?? 2) * 7_919 + index);
  const picked = Math.floor(random() * Math.max(1, options.agents));
  const agentIndex = options.agentIndex ?? picked;
  const id = s1Id(THREAT_ID_BASE, index);
  const threatName = pick(random, [
    'Mimikatz.exe',
    'invoice.pdf.exe',
    'EICAR-Test-File',
    'powershell.ps1',
  ]);
  const classification = pick(random, ['Malware', 'Trojan', 'Ransomware', 'PUA']);
  const confidenceLevel = pick(random, ['malicious', 'suspicious']);
  const incidentStatus = options.status ?? pick(random, ['unresolved', 'in_progress', 'resolved']);
  const mitigationStatus = pick(random, ['mitigated', 'not_mitigated']);
  const sha1 = random().toString(16).slice(2).padEnd(40, '0').slice(0, 40);
  const updatedMicros = Math.floor(random() * 1000);
  const tactic = pick(random, TACTICS);
  const technique = pick(random, tactic.techniques);
  const detected = random() < 0.7;
  return {
    id,
    threatInfo: {
      threatId: id,
      threatName,
      classification,
      confidenceLevel,
      incidentStatus,
      mitigationStatus,
      analystVerdict: pick(random, ['true_positive', 'false_positive', 'suspicious', 'undefined']),
      sha1,
      sha256: sha1.repeat(2).slice(0, 64),
      filePath: `\\Device\\HarddiskVolume3\\Users\\user${agentIndex}\\Downloads\\${threatName}`,
      fileSize: 1_024 + Math.floor(random() * 4_000_000),
      originatorProcess: 'explorer.exe',
      processUser: `ACME\\user${agentIndex}`,
      storyline: random().toString(16).slice(2, 18).toUpperCase(),
      detectionType: pick(random, ['static', 'dynamic']),
      createdAt: isoMicros(options.updatedMs - 3_600_000, 0),
      updatedAt: isoMicros(options.updatedMs, updatedMicros),
    },
    agentRealtimeInfo: {
      agentId: s1Id(AGENT_ID_BASE, agentIndex),
      agentUuid: agentIndex.toString(16).padStart(32, '0'),
      agentComputerName: `host-${agentIndex}`,
      agentOsType: 'windows',
      agentOsName: 'Windows 10 Pro',
      agentMachineType: 'laptop',
      accountId: '433241117337583618',
      accountName: 'Acme Corp',
      siteId: '475482421366727779',
      siteName: 'Default site',
    },
    agentDetectionInfo: detected
      ? {
          agentIpV4: `10.0.${agentIndex % 256}.${(index % 250) + 1},192.168.1.${(index % 250) + 1}`,
          agentIpV6: null,
          agentLastLoggedInUserName: `user${agentIndex}`,
        }
      : null,
    mitigationStatus:
      mitigationStatus === 'mitigated'
        ? [
            { action: 'kill', status: 'success', lastUpdate: isoMicros(options.updatedMs, 0) },
            {
              action: 'quarantine',
              status: 'success',
              lastUpdate: isoMicros(options.updatedMs, 0),
            },
          ]
        : [],
    indicators: [
      {
        category: tactic.name,
        description: `${tactic.name} behaviour`,
        tactics: [
          {
            name: tactic.name,
            source: 'MITRE',
            techniques: [
              {
                name: technique,
                link: `https://attack.mitre.org/techniques/${technique.replace('.', '/')}/`,
              },
            ],
          },
        ],
      },
    ],
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
