import { isIpAddress, isMacAddress } from '../net';
import { withoutUndefined } from '../objects';
import { err, ok, type Result } from '../result';
import { parseS1Time } from '../sentinelone/time';
import { parseThreat, type S1Threat, type S1ThreatInfo } from '../sentinelone/threat';
import type { FieldWarning } from '../warnings';
import { AGENT_TYPE_EDR, OCSF_VERSION } from './enums';
import { threatOutcome } from './threat-outcome';
import { analyticsOf } from './threat-analytics';
import { observablesOf } from './threat-observables';
import {
  DetectionFinding,
  FINDING_ACTIVITIES,
  findingActivity,
  findingConfidence,
  findingSeverity,
  findingStatus,
  findingVerdict,
  FINGERPRINT_ALGORITHMS,
  malwareClassification,
  MITRE_TACTICS,
  REGULAR_FILE,
} from './finding-enums';
import { ocsfDeviceType, ocsfOs } from './mapper';

// SentinelOne threat (API v2.1 /threats) → strict OCSF 1.6.0 Detection Finding (class 2004).
// docs/mapping.md ("Threats as Detection Findings") gives every field and each decision.

export interface FindingMapContext {
  /** When S1 Inventory read the threat: the record's `time` when the threat carries none. */
  readTimeMs: number;
  /**
   * The `device.uid` of an agent's Device Inventory Info record (its uuid, else its id), where
   * the inventory holds the agent: a finding then joins the very record its device has.
   */
  deviceUidOf?: (agentId: string) => string | undefined;
}

export type OcsfFinding = Record<string, unknown> & { time: number; finding_info: { uid: string } };

const VENDOR = 'SentinelOne';
const EARLIEST_PLAUSIBLE_MS = 1e12;
/** The profiles whose attributes every finding fills: action/disposition, and the verdict. */
const PROFILES = ['security_control', 'incident'];
const MITRE_TECHNIQUE = /^T\d{4}(?:\.\d{3})?$/;

export function mapThreatToFinding(
  raw: unknown,
  context: FindingMapContext,
): Result<{ record: OcsfFinding; warnings: FieldWarning[] }, { reason: string }> {
  const parsed = parseThreat(raw);
  if (!parsed.ok) return err(parsed.error);
  return ok({
    record: threatToFinding(parsed.value.threat, context, parsed.value.warnings),
    warnings: parsed.value.warnings,
  });
}

export function threatToFinding(
  threat: S1Threat,
  context: FindingMapContext,
  warnings: FieldWarning[] = [],
): OcsfFinding {
  const info: Partial<S1ThreatInfo> = threat.threatInfo ?? {};
  const time = (field: 'createdAt' | 'updatedAt' | 'identifiedAt') =>
    timestampMs(info[field], `threatInfo.${field}`, warnings);
  const created = time('createdAt');
  const modified = time('updatedAt');
  const activityId = findingActivity(info.incidentStatus);
  const status = findingStatus(info.incidentStatus, info.analystVerdict);
  const severity = findingSeverity(info.confidenceLevel);
  const confidence = findingConfidence(info.confidenceLevel);
  const verdict = findingVerdict(info.analystVerdict);
  const { action, disposition } = threatOutcome(threat);
  const device = deviceOf(threat, context, warnings);
  const file = fileOf(info);
  const title = info.threatName;
  const evidences = evidencesOf(threat, file);
  const [analytic, ...related] = analyticsOf(info);

  return withoutUndefined({
    ...DetectionFinding,
    activity_id: activityId,
    activity_name: FINDING_ACTIVITIES[activityId],
    type_uid: DetectionFinding.class_uid * 100 + activityId,
    type_name: `${DetectionFinding.class_name}: ${FINDING_ACTIVITIES[activityId]}`,
    time: modified ?? created ?? Math.trunc(context.readTimeMs),
    severity_id: severity.id,
    severity: severity.caption,
    confidence_id: confidence.id,
    confidence: confidence.caption,
    status_id: status.id,
    status: status.caption,
    action_id: action.id,
    action: action.caption,
    disposition_id: disposition.id,
    disposition: disposition.caption,
    verdict_id: verdict.id,
    verdict: verdict.caption,
    // An alert is raised once, when the finding is created; updates and the close are not alerts.
    is_alert: activityId === 1 ? true : undefined,
    message: `${title ?? 'Threat'} detected on ${device?.hostname ?? device?.uid_alt ?? 'an unknown device'}`,
    finding_info: withoutUndefined({
      uid: threat.id,
      title,
      types: info.classification === undefined ? undefined : [info.classification],
      created_time: created,
      modified_time: modified,
      first_seen_time: time('identifiedAt'),
      attacks: attacksOf(threat),
      analytic,
      related_analytics: related.length > 0 ? related : undefined,
    }),
    malware: malwareOf(threat, file),
    evidences,
    observables: observablesOf(device, evidences),
    device,
    metadata: withoutUndefined({
      version: OCSF_VERSION,
      product: { name: VENDOR, vendor_name: VENDOR },
      profiles: PROFILES,
      uid: threat.id,
      tenant_uid: threat.agentRealtimeInfo?.accountId,
    }),
    unmapped: unmappedOf(threat, device),
  }) as OcsfFinding;
}

function attacksOf(threat: S1Threat): Record<string, unknown>[] | undefined {
  const attacks = new Map<string, Record<string, unknown>>();
  for (const indicator of threat.indicators ?? []) {
    for (const tactic of indicator.tactics ?? []) {
      const source = tactic.source?.toLowerCase();
      if (source !== undefined && source !== 'mitre') continue;
      const tacticObject =
        tactic.name === undefined
          ? undefined
          : withoutUndefined({
              name: tactic.name,
              uid: MITRE_TACTICS[tactic.name.trim().toLowerCase()],
            });
      const techniques = tactic.techniques ?? [];
      if (techniques.length === 0 && tacticObject) {
        attacks.set(`${tactic.name}|`, { tactic: tacticObject });
      }
      for (const technique of techniques) {
        const attack = withoutUndefined({
          tactic: tacticObject,
          ...techniqueOf(technique.name, technique.link),
        });
        if (Object.keys(attack).length > 0)
          attacks.set(`${tactic.name}|${technique.name}|${technique.link}`, attack);
      }
    }
  }
  return attacks.size > 0 ? [...attacks.values()] : undefined;
}

/**
 * SentinelOne names a technique by its ATT&CK id ("T1547.001") and links to its page. A
 * sub-technique id gives both the technique (T1547) and the sub-technique (T1547.001).
 */
function techniqueOf(name: string | undefined, link: string | undefined) {
  const fromLink = /\/techniques\/(T\d{4})(?:\/(\d{3}))?/.exec(link ?? '');
  const id =
    name !== undefined && MITRE_TECHNIQUE.test(name.trim())
      ? name.trim()
      : fromLink
        ? `${fromLink[1]}${fromLink[2] ? `.${fromLink[2]}` : ''}`
        : undefined;
  if (id === undefined) return name === undefined ? {} : { technique: { name } };
  const [parent, sub] = id.split('.');
  return {
    technique: withoutUndefined({ uid: parent, src_url: sub ? undefined : link }),
    sub_technique: sub === undefined ? undefined : withoutUndefined({ uid: id, src_url: link }),
  };
}

function malwareOf(
  threat: S1Threat,
  file: Record<string, unknown> | undefined,
): Record<string, unknown>[] | undefined {
  const info = threat.threatInfo;
  if (info?.threatName === undefined) return undefined;
  const classification = malwareClassification(info.classification);
  return [
    withoutUndefined({
      name: info.threatName,
      classification_ids: [classification.id],
      classifications: [classification.caption],
      files: file ? [file] : undefined,
    }),
  ];
}

/** The detected file: its name, path, size and hashes as OCSF fingerprints. */
function fileOf(info: Partial<S1ThreatInfo>): Record<string, unknown> | undefined {
  const hashes = (['md5', 'sha1', 'sha256'] as const)
    .filter((algorithm) => info[algorithm] !== undefined)
    .map((algorithm) => ({
      algorithm_id: FINGERPRINT_ALGORITHMS[algorithm].id,
      algorithm: FINGERPRINT_ALGORITHMS[algorithm].caption,
      value: info[algorithm]!,
    }));
  const name = baseName(info.filePath) ?? info.threatName;
  return name === undefined
    ? undefined
    : withoutUndefined({
        name,
        ext: extensionOf(info.fileExtension, name),
        path: info.filePath,
        type_id: REGULAR_FILE.id,
        type: REGULAR_FILE.caption,
        hashes: hashes.length > 0 ? hashes : undefined,
        size: info.fileSize,
      });
}

/**
 * What was detected: the file, and the process it ran as. OCSF identifies a process by pid or
 * uid; SentinelOne gives neither, only the storyline id of the process tree the detection
 * belongs to, which is what identifies it in the console. `originatorProcess` is the process
 * the storyline began with, an ancestor (not necessarily the parent, and with no id of its own,
 * which OCSF's parent_process would need): it is the process's `ancestry`. Without a storyline
 * there is no process, and its user is the evidence's.
 */
function evidencesOf(
  threat: S1Threat,
  file: Record<string, unknown> | undefined,
): Record<string, unknown>[] | undefined {
  const info = threat.threatInfo;
  if (!info) return undefined;
  const user = info.processUser === undefined ? undefined : { name: info.processUser };
  const process =
    info.storyline === undefined
      ? undefined
      : withoutUndefined({
          uid: info.storyline,
          name: (file?.name as string | undefined) ?? info.threatName,
          cmd_line: info.maliciousProcessArguments,
          user,
          ancestry:
            info.originatorProcess === undefined ? undefined : [{ name: info.originatorProcess }],
        });
  if (!file && !process && !user) return undefined;
  return [withoutUndefined({ file, process, user: process ? undefined : user })];
}

/**
 * The device the threat is on, as the realtime info names it: its uid is the one its Device
 * Inventory Info record has (the inventory's, else the realtime uuid, else the agent id), so the
 * finding joins that record. The uuid at detection time can belong to another agent (a
 * reinstalled one, or a realtime record without uuid); it goes to `unmapped` when it differs.
 */
function deviceOf(
  threat: S1Threat,
  context: FindingMapContext,
  warnings: FieldWarning[],
): (Record<string, unknown> & { hostname?: string; uid?: string; uid_alt?: string }) | undefined {
  const realtime = threat.agentRealtimeInfo;
  const detection = threat.agentDetectionInfo;
  if (!realtime && !detection) return undefined;
  const agentId = realtime?.agentId;
  const uid =
    (agentId === undefined ? undefined : context.deviceUidOf?.(agentId)) ??
    realtime?.agentUuid ??
    agentId;
  const ips = splitIps(detection?.agentIpV4, 'agentDetectionInfo.agentIpV4', warnings).concat(
    splitIps(detection?.agentIpV6, 'agentDetectionInfo.agentIpV6', warnings),
  );
  const nics = (realtime?.networkInterfaces ?? [])
    .map((nic) =>
      withoutUndefined({
        name: nic.name,
        mac: nic.physical !== undefined && isMacAddress(nic.physical) ? nic.physical : undefined,
        ip: nic.inet?.find(isIpAddress),
      }),
    )
    .filter((nic) => Object.keys(nic).length > 0);
  const device = withoutUndefined({
    hostname: realtime?.agentComputerName,
    uid,
    uid_alt: agentId,
    ...ocsfDeviceType(realtime?.agentMachineType),
    os:
      realtime?.agentOsType !== undefined || (realtime?.agentOsName ?? detection?.agentOsName)
        ? ocsfOs({
            osType: realtime?.agentOsType,
            osName: realtime?.agentOsName ?? detection?.agentOsName,
            osRevision: realtime?.agentOsRevision,
            osArch: undefined,
          })
        : undefined,
    domain: realtime?.agentDomain ?? detection?.agentDomain,
    ip: ips[0],
    network_interfaces:
      nics.length > 0 ? nics : ips.length > 1 ? ips.map((ip) => ({ ip })) : undefined,
    vendor_name: VENDOR,
    is_managed: true,
    region: realtime?.siteName,
    groups:
      realtime?.groupName !== undefined || realtime?.groupId !== undefined
        ? [withoutUndefined({ name: realtime.groupName, uid: realtime.groupId })]
        : undefined,
    org:
      realtime?.accountName !== undefined || realtime?.accountId !== undefined
        ? withoutUndefined({
            name: realtime.accountName,
            uid: realtime.accountId,
            ou_name: realtime.siteName,
            ou_uid: realtime.siteId,
          })
        : undefined,
    owner:
      detection?.agentLastLoggedInUserName === undefined
        ? undefined
        : { name: detection.agentLastLoggedInUserName },
    // As in the device records, so both say which agent reported.
    agent_list:
      uid === undefined
        ? undefined
        : [
            withoutUndefined({
              name: VENDOR,
              vendor_name: VENDOR,
              type_id: AGENT_TYPE_EDR.type_id,
              type: AGENT_TYPE_EDR.type,
              uid,
              uid_alt: uid !== agentId ? agentId : undefined,
              version: realtime?.agentVersion,
            }),
          ],
  });
  // OCSF's device needs one of ip, uid, name, hostname…: without any, there is no device.
  return (device.hostname ?? device.uid ?? device.ip) ? device : undefined;
}

/** SentinelOne lists a device's addresses as one comma-separated string; OCSF's ip_t holds one. */
function splitIps(text: string | undefined, path: string, warnings: FieldWarning[]): string[] {
  if (text === undefined) return [];
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const valid = parts.filter(isIpAddress);
  if (valid.length < parts.length) {
    warnings.push({ path, message: 'held text that is not an IP address; left out' });
  }
  return valid;
}

/** The file's extension without its dot, in lower case, as OCSF's `ext` ("EXE" → "exe"). */
function extensionOf(extension: string | undefined, name: string): string | undefined {
  const text = extension?.trim() || /\.([^.\\/]+)$/.exec(name)?.[1];
  return text ? text.replace(/^\./, '').toLowerCase() : undefined;
}

function baseName(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const name = path.split(/[\\/]/).pop();
  return name === undefined || name === '' ? undefined : name;
}

function timestampMs(
  text: string | undefined,
  path: string,
  warnings: FieldWarning[],
): number | undefined {
  if (text === undefined) return undefined;
  const instant = parseS1Time(text);
  if (instant !== undefined && instant.epochMs >= EARLIEST_PLAUSIBLE_MS) return instant.epochMs;
  warnings.push({ path, message: 'not a usable timestamp; left out' });
  return undefined;
}

/** What an auditor needs that the class has no attribute for, under SentinelOne's own names. */
function unmappedOf(
  threat: S1Threat,
  device: { uid?: string } | undefined,
): Record<string, unknown> | undefined {
  const info = threat.threatInfo;
  const detectionUuid = threat.agentDetectionInfo?.agentUuid;
  const unmapped = withoutUndefined({
    incidentStatus: info?.incidentStatus,
    mitigationStatus: info?.mitigationStatus,
    analystVerdict: info?.analystVerdict,
    classificationSource: info?.classificationSource,
    detectionType: info?.detectionType,
    engines: info?.engines,
    initiatedBy: info?.initiatedBy,
    fileVerificationType: info?.fileVerificationType,
    isValidCertificate: info?.isValidCertificate,
    publisherName: info?.publisherName || undefined,
    certificateId: info?.certificateId || undefined,
    originatorProcess: info?.storyline === undefined ? info?.originatorProcess : undefined,
    externalIp: threat.agentDetectionInfo?.externalIp,
    detectionAgentUuid: detectionUuid !== device?.uid ? detectionUuid : undefined,
  });
  return Object.keys(unmapped).length > 0 ? unmapped : undefined;
}
