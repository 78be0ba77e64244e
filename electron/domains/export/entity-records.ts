import { withAnalystNotes } from '../../../shared/devices/notes-in-ocsf';
import { deviceExtrasLookup } from '../devices/device-extras';
import type { RecordForm } from '../../../shared/export-formats';
import { ENTITIES, type EntityInfo, type EntityName } from '../../../shared/entities';
import { mapThreatToFinding } from '../../../shared/ocsf/threat-mapper';
import type { Storage } from '../../storage/storage';
import type { ExportRecord, SheetColumn } from './writers/export-writer';
import {
  SOFTWARE_COLUMNS,
  softwareRecords,
  softwareRows,
  VULNERABILITY_COLUMNS,
  vulnerabilityFindings,
  vulnerabilityRows,
} from './software-records';

/** What a reader is asked for: one console or all, and what to leave out. */
export interface ReadRequest {
  console?: string;
  agentIds?: ReadonlySet<string>;
  /** Sekoia records: keep decommissioned devices (left out by default, as in a push). */
  includeDecommissioned?: boolean;
  /** A record's `time` when it carries no timestamp of its own. */
  readTimeMs: number;
  /** Records the reader could not give, with why. */
  skipped: { agentId: string; reason: string }[];
}

export type RecordReader = (storage: Storage, request: ReadRequest) => Iterable<ExportRecord>;

/** An entity as the exporter knows it: its shared record and a reader per form it offers. */
export interface EntityExport {
  info: Pick<EntityInfo, 'label' | 'forms' | 'byDevice'>;
  read: Partial<Record<RecordForm, RecordReader>>;
  /** The columns of its rows (CSV, XLSX), for an entity other than the devices. */
  columns?: readonly SheetColumn[];
}

const wanted = (request: ReadRequest, agentId: string | null) =>
  request.agentIds === undefined || (agentId !== null && request.agentIds.has(agentId));

/** The current inventory's devices in one of their precomputed forms. */
function devices(form: 'ocsf' | 'sekoia' | 'row'): RecordReader {
  const output = form === 'row' ? 'deviceRow' : form;
  return function* (storage, request) {
    // The Sekoia body leaves decommissioned devices out, as the push does.
    const skipDecommissioned = form === 'sekoia' && request.includeDecommissioned !== true;
    // The grid's row gains, as in the grid, what the device's applications and CVEs add.
    const enrichmentOf = form === 'row' ? deviceExtrasLookup(storage) : undefined;
    // OCSF records carry the analyst's notes where OCSF has a place for them.
    const notesOf = form === 'ocsf' ? storage.notes.lookup() : undefined;
    for (const record of storage.inventory.records(output, request.console, {
      skipDecommissioned,
    })) {
      if (!wanted(request, record.agentId)) continue;
      if ('skipped' in record) {
        request.skipped.push({ agentId: record.agentId, reason: record.skipped });
        continue;
      }
      const extra = enrichmentOf?.(record.console.id, record.agentId);
      const data = extra
        ? withMembers(record.text, extra)
        : notesOf
          ? withAnalystNotes(record.text, notesOf(record.console.id, record.agentId))
          : record.text;
      yield { agentId: record.agentId, consoleName: record.console.name, data };
    }
  };
}

/** Stored objects of an incremental entity exactly as the API sent them. */
export function storedRaw(entity: string): RecordReader {
  return function* (storage, request) {
    for (const { value, agentId } of storage.entities.records(entity, 'raw', request.console)) {
      if (wanted(request, agentId)) yield { agentId, data: value };
    }
  };
}

/** Each stored application of each device, exactly as the console listed it. */
const installedRaw: RecordReader = function* (storage, request) {
  for (const set of storage.software.sets(request.console)) {
    if (!wanted(request, set.agentId)) continue;
    for (const element of set.elements()) yield { agentId: set.agentId, data: element };
  }
};

/**
 * Stored threats as OCSF Detection Findings (the same mapper everywhere), each joined to its
 * device's record in the current inventory by the `device.uid` that record has.
 */
const findings: RecordReader = function* (storage, request) {
  const { readTimeMs } = request;
  const uids = new Map<string, string>();
  for (const { agentId, text } of storage.inventory.deviceRows(request.console)) {
    const uuid = (JSON.parse(text) as { uuid?: string }).uuid;
    uids.set(agentId, uuid ?? agentId);
  }
  const deviceUidOf = (agentId: string) => uids.get(agentId);
  for (const { value, agentId } of storage.entities.records('threats', 'json', request.console)) {
    if (!wanted(request, agentId)) continue;
    const mapped = mapThreatToFinding(JSON.parse(value as string), { readTimeMs, deviceUidOf });
    if (mapped.ok) yield { agentId, data: JSON.stringify(mapped.value.record) };
    else request.skipped.push({ agentId: agentId ?? '', reason: mapped.error.reason });
  }
};

/**
 * Every entity the exporter reads, by name: its shared record beside a reader per form. A new
 * entity's exports are its readers plus a line here.
 */
export const ENTITY_EXPORTS: Readonly<Record<EntityName, EntityExport>> = {
  agents: {
    info: ENTITIES.agents,
    read: {
      ocsf: devices('ocsf'),
      sekoia: devices('sekoia'),
      row: devices('row'),
      raw: function* (storage, request) {
        for (const { agentId, raw, console } of storage.inventory.rawAgents(request.console)) {
          if (wanted(request, agentId)) yield { agentId, consoleName: console.name, data: raw };
        }
      },
    },
  },
  threats: { info: ENTITIES.threats, read: { ocsf: findings, raw: storedRaw('threats') } },
  activities: { info: ENTITIES.activities, read: { raw: storedRaw('activities') } },
  applications: {
    info: ENTITIES.applications,
    read: { ocsf: softwareRecords, row: softwareRows, raw: installedRaw },
    columns: SOFTWARE_COLUMNS,
  },
  vulnerabilities: {
    info: ENTITIES.vulnerabilities,
    read: {
      ocsf: vulnerabilityFindings,
      row: vulnerabilityRows,
      raw: storedRaw('vulnerabilities'),
    },
    columns: VULNERABILITY_COLUMNS,
  },
};

/**
 * A JSON object's text with more members after its own (a later member wins when JSON.parse
 * reads a name twice, as a spread would): every device row of a CSV export gains its extras
 * without being parsed and written again.
 */
function withMembers(json: string, members: object): string {
  const more = JSON.stringify(members);
  if (more === '{}') return json;
  return json === '{}' ? more : `${json.slice(0, -1)},${more.slice(1)}`;
}
