import { describe, expect, it } from 'vitest';
import schemaFile from '../../shared/ocsf/schema/detection_finding-1.6.0.json' with { type: 'json' };
import { mapThreatToFinding, type OcsfFinding } from '../../shared/ocsf/threat-mapper';
import {
  findingActivity,
  findingConfidence,
  findingSeverity,
  findingStatus,
  findingVerdict,
  FINDING_ACTIVITIES,
  FINGERPRINT_ALGORITHMS,
  malwareClassification,
  REGULAR_FILE,
  type EnumValue,
} from '../../shared/ocsf/finding-enums';
import { errorsOf, validateDetectionFinding } from '../../shared/ocsf/validator';
import { DISPOSITIONS, threatOutcome } from '../../shared/ocsf/threat-outcome';
import { parseThreat } from '../../shared/sentinelone/threat';

// SentinelOne threats → OCSF 1.6.0 Detection Finding: every mapped field, each enum against the
// schema's own captions, and the choices docs/mapping.md explains.

const READ_AT = Date.parse('2026-11-30T10:00:00.000Z');

/** A threat as a v2.1 console returns it (fields from real consoles' answers, values invented). */
const THREAT = {
  id: '1960833479612284946',
  threatInfo: {
    threatId: '1960833479612284946',
    threatName: 'invoice.pdf.exe',
    classification: 'Ransomware',
    classificationSource: 'Cloud',
    confidenceLevel: 'malicious',
    analystVerdict: 'true_positive',
    incidentStatus: 'in_progress',
    mitigationStatus: 'mitigated',
    mitigatedPreemptively: false,
    detectionType: 'static',
    engines: ['SentinelOne Cloud'],
    sha1: '3395856ce81f2b7382dee72602f798b642f14140',
    sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
    md5: '44d88612fea8a8f36de82e1278abb02f',
    filePath: '\\Device\\HarddiskVolume3\\Users\\ana\\Downloads\\invoice.pdf.exe',
    fileSize: 184_320,
    originatorProcess: 'explorer.exe',
    processUser: 'ACME\\ana',
    maliciousProcessArguments: '"C:\\Users\\ana\\Downloads\\invoice.pdf.exe" /s',
    storyline: '8A1B4C2D3E4F5A6B',
    createdAt: '2026-11-28T09:15:02.118233Z',
    updatedAt: '2026-11-29T16:40:11.902144Z',
    identifiedAt: '2026-11-28T09:15:01.000000Z',
  },
  agentRealtimeInfo: {
    agentId: '1559342436000000042',
    agentUuid: '0000000000000000000000000000002a',
    agentComputerName: 'büro-pc-00042',
    agentDomain: 'acme.local',
    agentOsType: 'windows',
    agentOsName: 'Windows 11 Enterprise',
    agentOsRevision: '22631',
    agentMachineType: 'laptop',
    accountId: '433241117337583618',
    accountName: 'Acme Corp',
    siteId: '475482421366727779',
    siteName: 'Paris',
    groupId: '1559342436290084004',
    groupName: 'R&D',
    networkInterfaces: [{ name: 'Ethernet', physical: '00:50:56:a1:b2:c3', inet: ['10.1.2.3'] }],
  },
  agentDetectionInfo: {
    agentIpV4: '10.1.2.3, 192.168.56.1',
    agentIpV6: 'fe80::1',
    externalIp: '31.155.50.76',
    agentLastLoggedInUserName: 'ana',
  },
  mitigationStatus: [
    { action: 'kill', status: 'success', lastUpdate: '2026-11-28T09:15:03.000000Z' },
    { action: 'quarantine', status: 'success', lastUpdate: '2026-11-28T09:15:04.000000Z' },
    { action: 'remediate', status: 'failed', lastUpdate: '2026-11-28T09:15:05.000000Z' },
  ],
  indicators: [
    {
      category: 'Persistence',
      description: 'Registry run key written',
      tactics: [
        {
          name: 'Persistence',
          source: 'MITRE',
          techniques: [
            {
              name: 'T1547.001',
              link: 'https://attack.mitre.org/techniques/T1547/001/',
            },
          ],
        },
        { name: 'Persistence', source: 'SentinelOne', techniques: [] },
      ],
    },
    {
      category: 'Evasion',
      tactics: [
        {
          name: 'Defense Evasion',
          source: 'MITRE',
          techniques: [{ name: 'T1055', link: 'https://attack.mitre.org/techniques/T1055/' }],
        },
      ],
    },
  ],
};

const map = (threat: unknown): OcsfFinding => {
  const mapped = mapThreatToFinding(threat, { readTimeMs: READ_AT });
  if (!mapped.ok) throw new Error(mapped.error.reason);
  return mapped.value.record;
};
const withInfo = (info: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...THREAT,
  ...extra,
  threatInfo: { ...THREAT.threatInfo, ...info },
});

const schema = schemaFile as unknown as {
  class: { attributes: Record<string, { enum?: Record<string, string> }> };
  objects: Record<string, { attributes: Record<string, { enum?: Record<string, string> }> }>;
};
const classEnum = (attribute: string) => schema.class.attributes[attribute]!.enum!;
const objectEnum = (object: string, attribute: string) =>
  schema.objects[object]!.attributes[attribute]!.enum!;

describe('SentinelOne threat → OCSF Detection Finding', () => {
  it('maps every field of a full threat, and the record is valid OCSF 1.6.0', () => {
    const record = map(THREAT);
    expect(errorsOf(validateDetectionFinding(record))).toEqual([]);
    expect(validateDetectionFinding(record)).toEqual([]);
    expect(record).toMatchObject({
      class_uid: 2004,
      class_name: 'Detection Finding',
      category_uid: 2,
      category_name: 'Findings',
      activity_id: 2,
      activity_name: 'Update',
      type_uid: 200402,
      type_name: 'Detection Finding: Update',
      time: Date.parse('2026-11-29T16:40:11.902Z'),
      severity_id: 4,
      severity: 'High',
      confidence_id: 3,
      confidence: 'High',
      status_id: 2,
      status: 'In Progress',
      disposition_id: 3,
      disposition: 'Quarantined',
      action_id: 2,
      action: 'Denied',
      verdict_id: 2,
      verdict: 'True Positive',
      message: 'invoice.pdf.exe detected on büro-pc-00042',
    });
    // An update of the finding raised as an alert when it was created.
    expect(record).not.toHaveProperty('is_alert');
    expect(record.finding_info).toEqual({
      uid: '1960833479612284946',
      title: 'invoice.pdf.exe',
      types: ['Ransomware'],
      created_time: Date.parse('2026-11-28T09:15:02.118Z'),
      modified_time: Date.parse('2026-11-29T16:40:11.902Z'),
      first_seen_time: Date.parse('2026-11-28T09:15:01.000Z'),
      attacks: [
        {
          tactic: { name: 'Persistence', uid: 'TA0003' },
          technique: { uid: 'T1547' },
          sub_technique: {
            uid: 'T1547.001',
            src_url: 'https://attack.mitre.org/techniques/T1547/001/',
          },
        },
        {
          tactic: { name: 'Defense Evasion', uid: 'TA0005' },
          technique: { uid: 'T1055', src_url: 'https://attack.mitre.org/techniques/T1055/' },
        },
      ],
      analytic: { name: 'SentinelOne Cloud', type_id: 0, type: 'Unknown' },
    });
    const file = {
      name: 'invoice.pdf.exe',
      ext: 'exe',
      path: THREAT.threatInfo.filePath,
      type_id: 1,
      type: 'Regular File',
      size: 184_320,
      hashes: [
        { algorithm_id: 1, algorithm: 'MD5', value: THREAT.threatInfo.md5 },
        { algorithm_id: 2, algorithm: 'SHA-1', value: THREAT.threatInfo.sha1 },
        { algorithm_id: 3, algorithm: 'SHA-256', value: THREAT.threatInfo.sha256 },
      ],
    };
    expect(record.malware).toEqual([
      {
        name: 'invoice.pdf.exe',
        classification_ids: [10],
        classifications: ['Ransomware'],
        files: [file],
      },
    ]);
    expect(record.evidences).toEqual([
      {
        file,
        // The detected process, named after its file; the originator is an ancestor.
        process: {
          uid: '8A1B4C2D3E4F5A6B',
          name: 'invoice.pdf.exe',
          cmd_line: THREAT.threatInfo.maliciousProcessArguments,
          user: { name: 'ACME\\ana' },
          ancestry: [{ name: 'explorer.exe' }],
        },
      },
    ]);
    expect(record.device).toEqual({
      hostname: 'büro-pc-00042',
      uid: '0000000000000000000000000000002a',
      uid_alt: '1559342436000000042',
      type: 'Laptop',
      type_id: 3,
      os: { name: 'Windows 11 Enterprise 22631', type: 'Windows', type_id: 100, version: '22631' },
      domain: 'acme.local',
      ip: '10.1.2.3',
      network_interfaces: [{ name: 'Ethernet', mac: '00:50:56:a1:b2:c3', ip: '10.1.2.3' }],
      vendor_name: 'SentinelOne',
      is_managed: true,
      region: 'Paris',
      groups: [{ name: 'R&D', uid: '1559342436290084004' }],
      org: {
        name: 'Acme Corp',
        uid: '433241117337583618',
        ou_name: 'Paris',
        ou_uid: '475482421366727779',
      },
      owner: { name: 'ana' },
      agent_list: [
        {
          name: 'SentinelOne',
          vendor_name: 'SentinelOne',
          type_id: 1,
          type: 'Endpoint Detection and Response',
          uid: '0000000000000000000000000000002a',
          uid_alt: '1559342436000000042',
        },
      ],
    });
    expect(record.observables).toEqual([
      { name: 'device.hostname', type_id: 1, type: 'Hostname', value: 'büro-pc-00042' },
      { name: 'device.ip', type_id: 2, type: 'IP Address', value: '10.1.2.3' },
      { name: 'evidences.file.name', type_id: 7, type: 'File Name', value: 'invoice.pdf.exe' },
      ...file.hashes.map(({ value }) => ({
        name: 'evidences.file.hashes.value',
        type_id: 8,
        type: 'Hash',
        value,
      })),
      { name: 'evidences.process.user.name', type_id: 4, type: 'User Name', value: 'ACME\\ana' },
    ]);
    expect(record.metadata).toEqual({
      version: '1.6.0',
      product: { name: 'SentinelOne', vendor_name: 'SentinelOne' },
      profiles: ['security_control', 'incident'],
      uid: '1960833479612284946',
      tenant_uid: '433241117337583618',
    });
    expect(record.unmapped).toEqual({
      incidentStatus: 'in_progress',
      mitigationStatus: 'mitigated',
      analystVerdict: 'true_positive',
      classificationSource: 'Cloud',
      detectionType: 'static',
      engines: ['SentinelOne Cloud'],
      externalIp: '31.155.50.76',
    });
  });

  it('follows the incident: Create while unresolved, Update in progress, Close once resolved', () => {
    // Consoles update a threat within seconds of creating it: that is no update of the finding.
    const fresh = map(
      withInfo({ incidentStatus: 'unresolved', updatedAt: '2026-11-28T09:15:03Z' }),
    );
    expect(fresh).toMatchObject({ activity_id: 1, type_uid: 200401, status_id: 1, is_alert: true });
    const worked = map(withInfo({ incidentStatus: 'in_progress' }));
    expect(worked).toMatchObject({ activity_id: 2, status_id: 2, status: 'In Progress' });
    expect(worked).not.toHaveProperty('is_alert');
    const closed = map(withInfo({ incidentStatus: 'resolved' }));
    expect(closed).toMatchObject({
      activity_id: 3,
      activity_name: 'Close',
      type_uid: 200403,
      status_id: 4,
      status: 'Resolved',
    });
    expect(closed).not.toHaveProperty('is_alert');
    // Resolved as a false positive: suppressed, not fixed.
    const dismissed = map(
      withInfo({ incidentStatus: 'resolved', analystVerdict: 'false_positive' }),
    );
    expect(dismissed).toMatchObject({ activity_id: 3, status_id: 3, status: 'Suppressed' });
  });

  it('splits comma-separated IP lists into single addresses, leaving out what is not one', () => {
    const mapped = mapThreatToFinding(
      {
        ...THREAT,
        agentRealtimeInfo: { ...THREAT.agentRealtimeInfo, networkInterfaces: [] },
        agentDetectionInfo: { agentIpV4: '10.0.0.1,not-an-ip, 10.0.0.2', agentIpV6: null },
      },
      { readTimeMs: READ_AT },
    );
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    const device = mapped.value.record.device as Record<string, unknown>;
    expect(device.ip).toBe('10.0.0.1');
    expect(device.network_interfaces).toEqual([{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }]);
    expect(mapped.value.warnings).toContainEqual({
      path: 'agentDetectionInfo.agentIpV4',
      message: 'held text that is not an IP address; left out',
    });
    expect(errorsOf(validateDetectionFinding(mapped.value.record))).toEqual([]);
  });

  it("decides the disposition by the console's verdict on mitigation, then the actions that stand", () => {
    const rolled = map({
      ...THREAT,
      mitigationStatus: [
        { action: 'quarantine', status: 'success' },
        { action: 'rollback', status: 'success' },
      ],
    });
    expect(rolled).toMatchObject({ disposition_id: 9, action_id: 4, action: 'Modified' });
    const none = map({ ...withInfo({ mitigationStatus: 'not_mitigated' }), mitigationStatus: [] });
    expect(none).toMatchObject({ disposition_id: 15, disposition: 'Detected', action_id: 3 });
    const benign = map({
      ...withInfo({ mitigationStatus: 'marked_as_benign' }),
      mitigationStatus: [],
    });
    expect(benign).toMatchObject({ disposition_id: 10, action_id: 1, action: 'Allowed' });
    // A kill that worked on a threat the console still calls not mitigated: partly corrected,
    // observed, never blocked; pre-emptive or not.
    const killed = map({
      ...withInfo({ mitigationStatus: 'not_mitigated', mitigatedPreemptively: true }),
      mitigationStatus: [{ action: 'kill', status: 'success' }],
    });
    expect(killed).toMatchObject({
      disposition_id: 12,
      disposition: 'Partially Corrected',
      action_id: 3,
      action: 'Observed',
    });
    const failed = map({
      ...withInfo({ mitigationStatus: 'not_mitigated' }),
      mitigationStatus: [{ action: 'quarantine', status: 'failed' }],
    });
    expect(failed).toMatchObject({ disposition_id: 13, disposition: 'Uncorrected', action_id: 3 });
  });

  it('lets a later unquarantine undo the quarantine it undid, and nothing else', () => {
    const outcome = (entries: Record<string, string>[], status = 'mitigated') => {
      const parsed = parseThreat({
        ...withInfo({ mitigationStatus: status }),
        mitigationStatus: entries,
      });
      if (!parsed.ok) throw new Error(parsed.error.reason);
      return threatOutcome(parsed.value.threat).disposition;
    };
    const at = (second: number) => `2026-11-28T09:15:${String(second).padStart(2, '0')}.000000Z`;
    expect(
      outcome([
        { action: 'kill', status: 'success', lastUpdate: at(1) },
        { action: 'quarantine', status: 'success', lastUpdate: at(2) },
        { action: 'unquarantine', status: 'success', lastUpdate: at(9) },
      ]),
    ).toBe(DISPOSITIONS.blocked);
    // An unquarantine that failed undoes nothing; one before a new quarantine neither.
    expect(
      outcome([
        { action: 'quarantine', status: 'success', lastUpdate: at(2) },
        { action: 'unquarantine', status: 'failed', lastUpdate: at(9) },
      ]),
    ).toBe(DISPOSITIONS.quarantined);
    expect(
      outcome([
        { action: 'unquarantine', status: 'success', lastUpdate: at(1) },
        { action: 'quarantine', status: 'success', lastUpdate: at(5) },
      ]),
    ).toBe(DISPOSITIONS.quarantined);
    // The same order as the console's own sample (unquarantine listed first, later in time).
    expect(
      outcome(
        [
          { action: 'unquarantine', status: 'success', mitigationEndedAt: at(40) },
          { action: 'quarantine', status: 'success', mitigationEndedAt: at(3) },
        ],
        'not_mitigated',
      ),
    ).toBe(DISPOSITIONS.detected);
  });

  it('keeps unknown source values as Other (99) with the source text, and absent ones as Unknown', () => {
    const odd = map(
      withInfo({
        classification: 'Infostealer',
        confidenceLevel: 'n/a',
        incidentStatus: 'escalated',
        analystVerdict: 'undefined',
      }),
    );
    expect(odd).toMatchObject({
      severity_id: 0,
      confidence_id: 0,
      status_id: 99,
      status: 'escalated',
      verdict_id: 0,
    });
    expect(odd.malware).toMatchObject([
      { classification_ids: [99], classifications: ['Infostealer'] },
    ]);
    expect(errorsOf(validateDetectionFinding(odd))).toEqual([]);
  });

  it('maps a bare threat (id only) to a valid finding timed at the read', () => {
    const record = map({ id: '17' });
    expect(record).toMatchObject({ time: READ_AT, finding_info: { uid: '17' }, severity_id: 0 });
    expect(record).not.toHaveProperty('device');
    expect(errorsOf(validateDetectionFinding(record))).toEqual([]);
    expect(mapThreatToFinding({ threatInfo: {} }, { readTimeMs: READ_AT }).ok).toBe(false);
  });
});

describe('Detection Finding enums, checked against the schema captions', () => {
  const agree = (values: EnumValue[], captions: Record<string, string>) => {
    for (const value of values) expect(captions[String(value.id)]).toBe(value.caption);
  };

  it('status, confidence, severity and verdict', () => {
    agree(
      [
        ...['unresolved', 'in_progress', 'resolved', undefined].map((status) =>
          findingStatus(status),
        ),
        findingStatus('resolved', 'false_positive'),
      ],
      classEnum('status_id'),
    );
    agree(['malicious', 'suspicious', 'n/a'].map(findingConfidence), classEnum('confidence_id'));
    agree(['malicious', 'suspicious', 'n/a'].map(findingSeverity), classEnum('severity_id'));
    agree(
      ['true_positive', 'false_positive', 'suspicious', 'undefined'].map(findingVerdict),
      classEnum('verdict_id'),
    );
  });

  it('disposition and action', () => {
    agree(Object.values(DISPOSITIONS), classEnum('disposition_id'));
    const verdicts = [
      'mitigated',
      'blocked',
      'partially_mitigated',
      'not_mitigated',
      'active',
      'pending_reboot',
      'marked_as_benign',
      undefined,
    ];
    for (const mitigationStatus of verdicts) {
      const parsed = parseThreat({ ...withInfo({ mitigationStatus }), mitigationStatus: [] });
      if (!parsed.ok) throw new Error(parsed.error.reason);
      const { action, disposition } = threatOutcome(parsed.value.threat);
      agree([disposition], classEnum('disposition_id'));
      agree([action], classEnum('action_id'));
    }
  });

  it('activity, malware classification, fingerprint algorithm and file type', () => {
    agree(
      Object.entries(FINDING_ACTIVITIES).map(([id, caption]) => ({ id: Number(id), caption })),
      classEnum('activity_id'),
    );
    expect(['unresolved', 'in_progress', 'resolved', 'odd'].map(findingActivity)).toEqual([
      1, 2, 3, 1,
    ]);
    const classifications = [
      'Adware',
      'Backdoor',
      'Bot',
      'Bootkit',
      'DDoS',
      'Downloader',
      'Dropper',
      'Keylogger',
      'Ransomware',
      'Remote Access Trojan',
      'RAT',
      'Cryptominer',
      'Miner',
      'Rootkit',
      'Spyware',
      'Trojan',
      'Virus',
      'Webshell',
      'Wiper',
      'Worm',
      'unknown',
    ].map(malwareClassification);
    expect(classifications.every((value) => value.id !== 99)).toBe(true);
    agree(classifications, objectEnum('malware', 'classification_ids'));
    agree(Object.values(FINGERPRINT_ALGORITHMS), objectEnum('fingerprint', 'algorithm_id'));
    agree([REGULAR_FILE], objectEnum('file', 'type_id'));
  });
});
