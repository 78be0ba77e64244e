import { precomputeAgent, deviceRowOf, withTime } from '../../../shared/devices/precomputed';
import type { DeviceDetail } from '../../../shared/contract/views';
import { indentJson } from '../../../shared/json-indent';
import { jsonDepth, MAX_SHOWN_DEPTH } from '../../../shared/json-depth';
import { AppError, InvalidArgumentError } from '../../../shared/errors/app-error';
import { mapThreatToFinding } from '../../../shared/ocsf/threat-mapper';
import { isRemovedStatus, severityOfText } from '../../../shared/cve-severity';
import type { Backend } from '../../backend/backend';

const RECENT = 50;

/**
 * A record nests deeper than any SentinelOne record does (issue 27, N17: a threat nested 5,000
 * levels made the device page an unlogged 500, and the drawer kept the previous device's data).
 */
export class RecordTooDeepError extends AppError {
  override readonly name = 'RecordTooDeepError';
  readonly code = 'remote_rejected';
  constructor(
    readonly what: string,
    readonly depth: number,
  ) {
    super(
      `${what} nests ${depth} levels deep (SentinelOne's records nest fewer than ${MAX_SHOWN_DEPTH}), so it is not shown. ` +
        'It is kept as the console sent it: export it as raw SentinelOne objects (raw-json) to inspect it.',
    );
  }
}

/** One device of a console's current inventory: its row, records, threats and activities. */
export function deviceDetail(backend: Backend, consoleName: string, agentId: string): DeviceDetail {
  const record = backend.consoles.get(consoleName);
  const snapshot = backend.storage.snapshots.current(record.id);
  const raw = snapshot ? backend.storage.snapshots.agentJson(snapshot.id, agentId) : undefined;
  if (raw !== undefined) refuseTooDeep(raw, `Device ${agentId} of console "${record.name}"`);
  const mapped = raw === undefined ? undefined : precomputeAgent(raw);
  if (raw === undefined || !mapped?.ok) {
    throw new InvalidArgumentError(
      `Console "${record.name}" has no device ${agentId} in its current inventory. Sync it again, then reopen the device.`,
    );
  }
  const withheld: string[] = [];
  const recent = (table: 'threats' | 'activities') =>
    backend.storage.entities
      .recentOfAgent(table, record.id, agentId, RECENT)
      .flatMap((json): Record<string, unknown>[] => {
        try {
          refuseTooDeep(json, `A stored ${table === 'threats' ? 'threat' : 'activity'}`);
        } catch (error) {
          // One pathological record never hides the device: it is left out, said and logged.
          if (!(error instanceof RecordTooDeepError)) throw error;
          withheld.push(error.message);
          backend.log.log('warn', 'devices.detail withheld a record', {
            code: error.name,
            message: error.message,
          });
          return [];
        }
        return [JSON.parse(json) as Record<string, unknown>];
      });
  const threats = recent('threats');
  const readTimeMs = Date.parse(snapshot!.takenAt);
  const row = deviceRowOf(mapped.deviceRow, record.name);
  // The device page's findings join this device's record, as an export's do.
  const deviceUidOf = (id: string) => (id === agentId ? (row.uuid ?? agentId) : undefined);
  const findings = threats.flatMap((threat) => {
    const finding = mapThreatToFinding(threat, { readTimeMs, deviceUidOf });
    return finding.ok ? [finding.value.record] : [];
  });
  return {
    console: record.name,
    agentId,
    row,
    notes: backend.storage.notes.get(record.id, agentId),
    ocsf: indentJson(withTime(mapped.ocsf, Math.trunc(readTimeMs))),
    raw: indentJson(raw),
    threats,
    activities: recent('activities'),
    history: backend.storage.entities.windows(record.id),
    findings: JSON.stringify(findings, null, 2),
    withheld,
    ...softwareOf(backend, record.id, agentId),
    ...(record.apis.includes('vulnerabilities')
      ? { vulnerabilities: vulnerabilitiesOf(backend, record.id, agentId) }
      : {}),
  };
}

/** The most CVE rows a device page lists: a device with more is a page of its own. */
const MAX_SHOWN_CVES = 2_000;

function softwareOf(backend: Backend, consoleId: string, agentId: string) {
  const set = backend.storage.software.ofAgent(consoleId, agentId);
  if (!set) return {};
  const field = (value: unknown) => (typeof value === 'string' ? value : '');
  const applications = set.parsed().flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const app = item as Record<string, unknown>;
    return [
      {
        name: field(app.name),
        vendor: field(app.publisher),
        version: field(app.version),
        ...(typeof app.installedDate === 'string' ? { installedDate: app.installedDate } : {}),
        ...(typeof app.size === 'number' ? { size: app.size } : {}),
      },
    ];
  });
  return { software: { readAt: set.readAt, applications } };
}

function vulnerabilitiesOf(backend: Backend, consoleId: string, agentId: string) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return backend.storage.entities
    .recentOfAgent('vulnerabilities', consoleId, agentId, MAX_SHOWN_CVES)
    .map((json) => JSON.parse(json) as Record<string, unknown>)
    .map((row) => {
      const score = Number(row.baseScore ?? row.nvdBaseScore);
      return {
        id: text(row.id),
        cveId: text(row.cveId),
        severity: severityOfText(row.severity),
        ...(Number.isFinite(score) && row.baseScore !== '' ? { score } : {}),
        application: text(row.applicationName) || text(row.application),
        version: text(row.applicationVersion),
        status: text(row.status),
        open: !isRemovedStatus(row.status),
        ...(typeof row.detectionDate === 'string' ? { detected: row.detectionDate } : {}),
      };
    });
}

function refuseTooDeep(json: string, what: string): void {
  const depth = jsonDepth(json);
  if (depth > MAX_SHOWN_DEPTH) throw new RecordTooDeepError(what, depth);
}
