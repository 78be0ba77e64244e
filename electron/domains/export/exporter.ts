import { resolve } from 'node:path';
import type { Storage } from '../../storage/storage';
import { AtomicFileStream, type FileSystem } from '../../adapters/files/atomic-stream';
import type { Clock } from '../../adapters/platform/clock';
import { deviceRowOf } from '../../../shared/devices/precomputed';
import { S1_APIS, type S1Api } from '../../../shared/sentinelone/apis';
import { CSV_BOM, csvHeader, csvRow } from './csv';
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
  type Framing,
} from '../../../shared/export-formats';
import { AppError } from '../../../shared/errors/app-error';
import type { RawJson } from '../../adapters/sentinelone/raw-json';
import { mapThreatToFinding } from '../../../shared/ocsf/threat-mapper';

export { EXPORT_FORMATS, type ExportFormat };

export class InvalidExportRequestError extends AppError {
  override readonly name = 'InvalidExportRequestError';
  readonly code = 'invalid_argument';
}

export interface ExportRequest {
  format: string;
  out: string;
  console?: string;
  entity?: string;
  /** Only these agents (a grid filter or selection); devices formats only. */
  agentIds?: ReadonlySet<string>;
  /** How the analyst chose the devices, for the audit log. */
  scopeLabel?: string;
  /** Overrides the destination the audit log records (a browser download). */
  destinationLabel?: string;
  onProgress?: (records: number) => void;
  /** sekoia-json only: keep decommissioned devices (left out by default, as in a push). */
  includeDecommissioned?: boolean;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  records: number;
  /** Agents left out, with why (Sekoia requires a hostname). */
  skipped: { agentId: string; reason: string }[];
  sha256: string;
  bytes: number;
}

interface Layout {
  open: string;
  /** Written before the record at this index. */
  before: (index: number) => string;
  after: string;
  close: (count: number) => string;
}

const LAYOUTS: Record<Framing, Layout> = {
  'json-array': {
    open: '[',
    before: (i) => (i > 0 ? ',\n' : '\n'),
    after: '',
    close: (n) => (n === 0 ? ']\n' : '\n]\n'),
  },
  'sekoia-body': {
    open: '{"version":1,"items":[',
    before: (i) => (i > 0 ? ',' : ''),
    after: '',
    close: () => ']}\n',
  },
  ndjson: { open: '', before: () => '', after: '\n', close: () => '' },
  csv: { open: CSV_BOM + csvHeader(), before: () => '', after: '', close: () => '' },
};

/**
 * Writes one export file from the current inventory (or, for raw formats, the stored threats
 * or activities), streaming record by record into an atomic file, then records it in the
 * audit log with its count and sha256.
 */
export function runExport(
  storage: Storage,
  clock: Clock,
  request: ExportRequest,
  files?: FileSystem,
): ExportResult {
  const format = checkFormat(request.format);
  const entity = checkEntity(format, request.entity, request.agentIds);
  if (request.console !== undefined && !storage.consoles.findByName(request.console)) {
    throw new InvalidExportRequestError(
      `No console is named "${request.console}". Check the name against the configured consoles.`,
    );
  }
  const path = resolve(request.out);
  const stream = new AtomicFileStream(path, files);
  const skipped: ExportResult['skipped'] = [];
  let records = 0;
  try {
    const layout = LAYOUTS[EXPORT_FORMAT_INFO[format].framing];
    stream.write(layout.open);
    const readTimeMs = clock.now().getTime();
    for (const item of items(storage, format, entity, request, skipped, readTimeMs)) {
      stream.write(layout.before(records));
      stream.write(item);
      stream.write(layout.after);
      records += 1;
      if (records % 5_000 === 0) request.onProgress?.(records);
    }
    stream.write(layout.close(records));
    const { sha256, bytes } = stream.commit();
    storage.audit.append(
      {
        action: 'export',
        format,
        scope: {
          console: request.console ?? 'all',
          entity,
          ...(request.scopeLabel === undefined ? {} : { devices: request.scopeLabel }),
          ...(request.agentIds === undefined ? {} : { agents: request.agentIds.size }),
        },
        recordCount: records,
        sha256,
        destination: request.destinationLabel ?? path,
        ...(skipped.length > 0 ? { details: { skipped: skipped.length } } : {}),
      },
      clock.now(),
    );
    return { path, format, records, skipped, sha256, bytes };
  } catch (error) {
    stream.abort();
    throw error;
  }
}

function* items(
  storage: Storage,
  format: ExportFormat,
  entity: S1Api,
  request: ExportRequest,
  skipped: ExportResult['skipped'],
  /** A finding's `time` when its threat carries no timestamp of its own. */
  readTimeMs: number,
): Generator<RawJson> {
  const { console: consoleName, agentIds } = request;
  const wanted = (agentId: string) => agentIds === undefined || agentIds.has(agentId);
  if (format === 'raw-json' || format === 'raw-ndjson') {
    if (entity === 'agents') {
      for (const { agentId, raw } of storage.inventory.rawAgents(consoleName)) {
        if (wanted(agentId)) yield raw;
      }
      return;
    }
    for (const { value, agentId } of storage.entities.records(entity, 'raw', consoleName)) {
      if (agentIds === undefined || (agentId !== null && agentIds.has(agentId))) yield value;
    }
    return;
  }
  if (entity === 'threats') {
    yield* findings(storage, request, readTimeMs, skipped);
    return;
  }
  const output = format === 'csv' ? 'deviceRow' : format === 'sekoia-json' ? 'sekoia' : 'ocsf';
  // The Sekoia body leaves decommissioned devices out, as the push does; other formats keep them.
  const skipDecommissioned = format === 'sekoia-json' && request.includeDecommissioned !== true;
  const records = storage.inventory.records(output, consoleName, { skipDecommissioned });
  for (const record of records) {
    if (!wanted(record.agentId)) continue;
    if ('skipped' in record) skipped.push({ agentId: record.agentId, reason: record.skipped });
    else if (format === 'csv') yield csvRow(deviceRowOf(record.text, record.console.name));
    else yield record.text;
  }
}

/** Stored threats as OCSF Detection Findings, one JSON text each (the same mapper everywhere). */
function* findings(
  storage: Storage,
  { console: consoleName, agentIds }: ExportRequest,
  readTimeMs: number,
  skipped: ExportResult['skipped'],
): Generator<string> {
  for (const { value, agentId } of storage.entities.records('threats', 'json', consoleName)) {
    if (agentIds !== undefined && (agentId === null || !agentIds.has(agentId))) continue;
    const mapped = mapThreatToFinding(JSON.parse(value as string), { readTimeMs });
    if (mapped.ok) yield JSON.stringify(mapped.value.record);
    else skipped.push({ agentId: agentId ?? '', reason: mapped.error.reason });
  }
}

function checkFormat(format: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new InvalidExportRequestError(
    `Unknown format "${format}". Choose one of: ${EXPORT_FORMATS.join(', ')}.`,
  );
}

function checkEntity(
  format: ExportFormat,
  entity: string | undefined,
  agentIds: ReadonlySet<string> | undefined,
): S1Api {
  if (entity === undefined) return 'agents';
  if (!(S1_APIS as readonly string[]).includes(entity)) {
    throw new InvalidExportRequestError(
      `Unknown entity "${entity}". Choose one of: ${S1_APIS.join(', ')}.`,
    );
  }
  if (entity === 'activities' && agentIds !== undefined) {
    throw new InvalidExportRequestError(
      'A selection of devices goes with device and threat exports; an export of activities takes every stored activity.',
    );
  }
  if (entity === 'threats' && !format.startsWith('raw-') && !format.startsWith('ocsf-')) {
    throw new InvalidExportRequestError(
      `Stored threats are exported as ocsf-json or ocsf-ndjson (Detection Findings), raw-json or raw-ndjson; ${format} exports devices.`,
    );
  }
  if (entity === 'activities' && !format.startsWith('raw-')) {
    throw new InvalidExportRequestError(
      `Stored activities can only be exported as raw-json or raw-ndjson; ${format} exports devices.`,
    );
  }
  return entity as S1Api;
}
