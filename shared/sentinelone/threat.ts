import { err, ok, type Result } from '../result';
import type { FieldWarning } from '../warnings';
import { describeType, FieldReader, isPlainObject } from '../lenient';
import { readNetworkInterface } from './agent';

// The fields of a v2.1 threat object (`GET /threats`, reference §13) that the Detection Finding
// mapper reads. Every field but the id is optional and read leniently, as for agents: a field of
// the wrong type is dropped with a warning, never the threat.

function readThreatInfo(r: FieldReader) {
  return {
    threatId: r.text('threatId'),
    threatName: r.text('threatName'),
    classification: r.text('classification'),
    classificationSource: r.text('classificationSource'),
    confidenceLevel: r.text('confidenceLevel'),
    analystVerdict: r.text('analystVerdict'),
    incidentStatus: r.text('incidentStatus'),
    mitigationStatus: r.text('mitigationStatus'),
    mitigatedPreemptively: r.flag('mitigatedPreemptively'),
    detectionType: r.text('detectionType'),
    engines: r.textList('engines'),
    detectionEngines: r.objects('detectionEngines', readEngine),
    initiatedBy: r.text('initiatedBy'),
    fileExtension: r.text('fileExtension'),
    fileVerificationType: r.text('fileVerificationType'),
    isValidCertificate: r.flag('isValidCertificate'),
    publisherName: r.text('publisherName'),
    certificateId: r.text('certificateId'),
    sha1: r.text('sha1'),
    sha256: r.text('sha256'),
    md5: r.text('md5'),
    filePath: r.text('filePath'),
    fileSize: r.count('fileSize'),
    originatorProcess: r.text('originatorProcess'),
    processUser: r.text('processUser'),
    maliciousProcessArguments: r.text('maliciousProcessArguments'),
    storyline: r.text('storyline'),
    createdAt: r.text('createdAt'),
    updatedAt: r.text('updatedAt'),
    identifiedAt: r.text('identifiedAt'),
  };
}

function readRealtime(r: FieldReader) {
  return {
    agentId: r.text('agentId'),
    agentUuid: r.text('agentUuid'),
    agentComputerName: r.text('agentComputerName'),
    agentDomain: r.text('agentDomain'),
    agentOsType: r.text('agentOsType'),
    agentOsName: r.text('agentOsName'),
    agentOsRevision: r.text('agentOsRevision'),
    agentMachineType: r.text('agentMachineType'),
    agentVersion: r.text('agentVersion'),
    accountId: r.text('accountId'),
    accountName: r.text('accountName'),
    siteId: r.text('siteId'),
    siteName: r.text('siteName'),
    groupId: r.text('groupId'),
    groupName: r.text('groupName'),
    networkInterfaces: r.objects('networkInterfaces', readNetworkInterface),
  };
}

function readDetection(r: FieldReader) {
  return {
    agentUuid: r.text('agentUuid'),
    agentIpV4: r.text('agentIpV4'),
    agentIpV6: r.text('agentIpV6'),
    externalIp: r.text('externalIp'),
    agentLastLoggedInUserName: r.text('agentLastLoggedInUserName'),
    agentDomain: r.text('agentDomain'),
    agentOsName: r.text('agentOsName'),
    agentVersion: r.text('agentVersion'),
  };
}

function readMitigation(r: FieldReader) {
  return {
    action: r.text('action'),
    status: r.text('status'),
    lastUpdate: r.text('lastUpdate'),
    mitigationEndedAt: r.text('mitigationEndedAt'),
  };
}

function readEngine(r: FieldReader) {
  return { key: r.text('key'), title: r.text('title') };
}

function readTechnique(r: FieldReader) {
  return { name: r.text('name'), link: r.text('link') };
}

function readTactic(r: FieldReader) {
  return {
    name: r.text('name'),
    source: r.text('source'),
    techniques: r.objects('techniques', readTechnique),
  };
}

function readIndicator(r: FieldReader) {
  return {
    category: r.text('category'),
    description: r.text('description'),
    tactics: r.objects('tactics', readTactic),
  };
}

function readThreat(id: string, r: FieldReader) {
  return {
    id,
    threatInfo: r.object('threatInfo', readThreatInfo),
    agentRealtimeInfo: r.object('agentRealtimeInfo', readRealtime),
    agentDetectionInfo: r.object('agentDetectionInfo', readDetection),
    mitigationStatus: r.objects('mitigationStatus', readMitigation),
    indicators: r.objects('indicators', readIndicator),
  };
}

export type S1Threat = ReturnType<typeof readThreat>;
export type S1ThreatInfo = NonNullable<S1Threat['threatInfo']>;
export interface ParsedThreat {
  threat: S1Threat;
  warnings: FieldWarning[];
}

/** Reads one threat leniently; only a threat without a usable id is refused. */
export function parseThreat(raw: unknown): Result<ParsedThreat, { reason: string }> {
  if (!isPlainObject(raw)) {
    return err({ reason: `a threat must be a JSON object, got ${describeType(raw)}` });
  }
  const info = isPlainObject(raw.threatInfo) ? raw.threatInfo : {};
  const id = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : info.threatId;
  if (typeof id !== 'string' || id.trim() === '') {
    return err({ reason: 'a threat needs a non-empty string "id" (or threatInfo.threatId)' });
  }
  const warnings: FieldWarning[] = [];
  return ok({ threat: readThreat(id, new FieldReader(raw, '', warnings)), warnings });
}
