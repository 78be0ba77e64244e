import { rawText } from '../../adapters/sentinelone/raw-json';
import { deviceReferenceOf, type DeviceReference } from '../../../shared/ocsf/device-reference';
import { mapApplicationToSoftwareInfo } from '../../../shared/ocsf/software-mapper';
import { mapRiskToFinding } from '../../../shared/ocsf/vulnerability-mapper';
import type { Storage } from '../../storage/storage';
import type { ReadRequest, RecordReader } from './entity-records';
import type { SheetColumn } from './writers/export-writer';

// The readers of installed applications and CVE rows: OCSF records (5020, 2002) joined to their
// devices' own records by `device.uid`, and CSV rows. Each device's reference is read once, from
// the current inventory's Device Inventory Info records.

const wanted = (request: ReadRequest, agentId: string | null) =>
  request.agentIds === undefined || (agentId !== null && request.agentIds.has(agentId));

/** The current inventory's devices, by agent id, as their records name them. */
function deviceReferences(storage: Storage, consoleName?: string): Map<string, DeviceReference> {
  const references = new Map<string, DeviceReference>();
  for (const record of storage.inventory.records('ocsf', consoleName)) {
    if (!('text' in record)) continue;
    const reference = deviceReferenceOf(record.text);
    if (reference) references.set(record.agentId, reference);
  }
  return references;
}

const NOT_IN_INVENTORY = 'the device is no longer in the current inventory';

/** Each application of each device of the current inventory, as Software Inventory Info. */
export const softwareRecords: RecordReader = function* (storage, request) {
  const devices = deviceReferences(storage, request.console);
  for (const set of storage.software.sets(request.console)) {
    if (!wanted(request, set.agentId)) continue;
    const device = devices.get(set.agentId);
    if (!device) {
      request.skipped.push({ agentId: set.agentId, reason: NOT_IN_INVENTORY });
      continue;
    }
    const readTimeMs = Date.parse(set.readAt);
    for (const element of set.elements()) {
      const mapped = mapApplicationToSoftwareInfo(JSON.parse(rawText(element)), {
        device,
        readTimeMs,
      });
      if (mapped.ok) yield { agentId: set.agentId, data: JSON.stringify(mapped.value) };
      else request.skipped.push({ agentId: set.agentId, reason: mapped.error.reason });
    }
  }
};

export const SOFTWARE_COLUMNS: readonly SheetColumn[] = [
  { label: 'Agent ID', kind: 'text' },
  { label: 'Hostname', kind: 'text' },
  { label: 'Application', kind: 'text' },
  { label: 'Publisher', kind: 'text' },
  { label: 'Version', kind: 'text' },
  { label: 'Size', kind: 'number' },
  { label: 'Installed', kind: 'date' },
];

/** Each application of each device, as a CSV row. */
export const softwareRows: RecordReader = function* (storage, request) {
  const devices = deviceReferences(storage, request.console);
  for (const set of storage.software.sets(request.console)) {
    if (!wanted(request, set.agentId)) continue;
    const hostname = devices.get(set.agentId)?.hostname;
    for (const application of set.parsed()) {
      const app = (application ?? {}) as Record<string, unknown>;
      const cells = [
        set.agentId,
        hostname,
        app.name,
        app.publisher,
        app.version,
        app.size,
        app.installedDate,
      ];
      yield { agentId: set.agentId, data: JSON.stringify(cells) };
    }
  }
};

/** Each stored CVE row as a Vulnerability Finding, its device joined where the inventory has it. */
export const vulnerabilityFindings: RecordReader = function* (storage, request) {
  const devices = deviceReferences(storage, request.console);
  const deviceOf = (agentId: string) => devices.get(agentId);
  for (const { value, agentId } of storage.entities.records(
    'vulnerabilities',
    'json',
    request.console,
  )) {
    if (!wanted(request, agentId)) continue;
    const mapped = mapRiskToFinding(JSON.parse(rawText(value)), {
      deviceOf,
      readTimeMs: request.readTimeMs,
    });
    if (mapped.ok) yield { agentId, data: JSON.stringify(mapped.value) };
    else request.skipped.push({ agentId: agentId ?? '', reason: mapped.error.reason });
  }
};

export const VULNERABILITY_COLUMNS: readonly SheetColumn[] = [
  { label: 'CVE', kind: 'text' },
  { label: 'Severity', kind: 'text' },
  { label: 'Score', kind: 'number' },
  { label: 'Status', kind: 'text' },
  { label: 'Application', kind: 'text' },
  { label: 'Vendor', kind: 'text' },
  { label: 'Version', kind: 'text' },
  { label: 'Hostname', kind: 'text' },
  { label: 'Agent ID', kind: 'text' },
  { label: 'Detected', kind: 'date' },
  { label: 'Published', kind: 'date' },
];

/** Each stored CVE row as a CSV row, in the console's words. */
export const vulnerabilityRows: RecordReader = function* (storage, request) {
  for (const { value, agentId } of storage.entities.records(
    'vulnerabilities',
    'json',
    request.console,
  )) {
    if (!wanted(request, agentId)) continue;
    const row = JSON.parse(rawText(value)) as Record<string, unknown>;
    const cells = [
      row.cveId,
      row.severity,
      row.baseScore ?? row.nvdBaseScore,
      row.status,
      row.applicationName ?? row.application,
      row.applicationVendor,
      row.applicationVersion,
      row.endpointName,
      agentId,
      row.detectionDate,
      row.publishedDate,
    ];
    yield { agentId, data: JSON.stringify(cells) };
  }
};
