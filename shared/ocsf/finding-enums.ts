// The OCSF 1.6.0 Detection Finding values S1 Inventory emits, and how SentinelOne's threat
// vocabulary maps onto them. test/shared/finding-enums.test.ts checks every caption against the
// schema file. docs/mapping.md ("Threats as Detection Findings") gives the reasons.

export const DetectionFinding = {
  class_uid: 2004,
  class_name: 'Detection Finding',
  category_uid: 2,
  category_name: 'Findings',
} as const;

export const FINDING_ACTIVITIES = { 1: 'Create', 2: 'Update', 3: 'Close' } as const;
export type FindingActivityId = keyof typeof FINDING_ACTIVITIES;

/** An OCSF enum value and its caption; 99 (Other) carries the source value as its caption. */
export interface EnumValue {
  id: number;
  caption: string;
}

const UNKNOWN: EnumValue = { id: 0, caption: 'Unknown' };

/** Looks a SentinelOne value up (case-insensitively); unknown values become 99 with the source text. */
function lookup(table: Readonly<Record<string, EnumValue>>, value: string | undefined): EnumValue {
  if (value === undefined) return UNKNOWN;
  const key = value.trim().toLowerCase();
  if (key === '' || key === 'n/a' || key === 'undefined' || key === 'unknown') return UNKNOWN;
  return table[key] ?? { id: 99, caption: value };
}

/** `threatInfo.incidentStatus` → status_id. */
const STATUS: Record<string, EnumValue> = {
  unresolved: { id: 1, caption: 'New' },
  in_progress: { id: 2, caption: 'In Progress' },
  resolved: { id: 4, caption: 'Resolved' },
};
const SUPPRESSED: EnumValue = { id: 3, caption: 'Suppressed' };

/** status_id: a threat resolved as a false positive is Suppressed, not fixed. */
export function findingStatus(
  incidentStatus: string | undefined,
  analystVerdict?: string,
): EnumValue {
  const status = lookup(STATUS, incidentStatus);
  return status.id === 4 && analystVerdict?.trim().toLowerCase() === 'false_positive'
    ? SUPPRESSED
    : status;
}

/**
 * `threatInfo.incidentStatus` → activity_id: a threat nobody has taken up is a finding just
 * created, one in progress is being updated, a resolved one is closed. (`updatedAt` moves within
 * seconds of every detection, so it says nothing of the finding's life.)
 */
const ACTIVITY: Record<string, FindingActivityId> = { unresolved: 1, in_progress: 2, resolved: 3 };
export function findingActivity(incidentStatus: string | undefined): FindingActivityId {
  return ACTIVITY[incidentStatus?.trim().toLowerCase() ?? ''] ?? 1;
}

/**
 * `threatInfo.confidenceLevel` → confidence_id: SentinelOne's AI says how sure it is that the
 * file is malicious ("malicious") or only looks it ("suspicious").
 */
const CONFIDENCE: Record<string, EnumValue> = {
  malicious: { id: 3, caption: 'High' },
  suspicious: { id: 2, caption: 'Medium' },
};
export const findingConfidence = (level: string | undefined) => lookup(CONFIDENCE, level);

/** `threatInfo.confidenceLevel` → severity_id: a confirmed malicious file is High, a suspicious one Medium. */
const SEVERITY: Record<string, EnumValue> = {
  malicious: { id: 4, caption: 'High' },
  suspicious: { id: 3, caption: 'Medium' },
};
export const findingSeverity = (level: string | undefined) => lookup(SEVERITY, level);

/** `threatInfo.analystVerdict` → verdict_id (incident profile). */
const VERDICT: Record<string, EnumValue> = {
  true_positive: { id: 2, caption: 'True Positive' },
  false_positive: { id: 1, caption: 'False Positive' },
  suspicious: { id: 4, caption: 'Suspicious' },
};
export const findingVerdict = (verdict: string | undefined) => lookup(VERDICT, verdict);

/** `threatInfo.classification` → malware classification_ids. */
const CLASSIFICATION: Record<string, EnumValue> = {
  adware: { id: 1, caption: 'Adware' },
  backdoor: { id: 2, caption: 'Backdoor' },
  bot: { id: 3, caption: 'Bot' },
  bootkit: { id: 4, caption: 'Bootkit' },
  ddos: { id: 5, caption: 'DDOS' },
  downloader: { id: 6, caption: 'Downloader' },
  dropper: { id: 7, caption: 'Dropper' },
  keylogger: { id: 9, caption: 'Keylogger' },
  ransomware: { id: 10, caption: 'Ransomware' },
  'remote access trojan': { id: 11, caption: 'Remote-Access-Trojan' },
  rat: { id: 11, caption: 'Remote-Access-Trojan' },
  cryptominer: { id: 13, caption: 'Resource-Exploitation' },
  miner: { id: 13, caption: 'Resource-Exploitation' },
  rootkit: { id: 15, caption: 'Rootkit' },
  spyware: { id: 17, caption: 'Spyware' },
  trojan: { id: 18, caption: 'Trojan' },
  virus: { id: 19, caption: 'Virus' },
  webshell: { id: 20, caption: 'Webshell' },
  wiper: { id: 21, caption: 'Wiper' },
  worm: { id: 22, caption: 'Worm' },
};
export const malwareClassification = (classification: string | undefined) =>
  lookup(CLASSIFICATION, classification);

export const FINGERPRINT_ALGORITHMS = {
  md5: { id: 1, caption: 'MD5' },
  sha1: { id: 2, caption: 'SHA-1' },
  sha256: { id: 3, caption: 'SHA-256' },
} as const;

export const REGULAR_FILE: EnumValue = { id: 1, caption: 'Regular File' };

/** MITRE ATT&CK Enterprise tactics by the name SentinelOne gives them. */
export const MITRE_TACTICS: Readonly<Record<string, string>> = {
  reconnaissance: 'TA0043',
  'resource development': 'TA0042',
  'initial access': 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  'privilege escalation': 'TA0004',
  'defense evasion': 'TA0005',
  'credential access': 'TA0006',
  discovery: 'TA0007',
  'lateral movement': 'TA0008',
  collection: 'TA0009',
  'command and control': 'TA0011',
  exfiltration: 'TA0010',
  impact: 'TA0040',
};
