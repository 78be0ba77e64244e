import { resolve } from 'node:path';
import type { Storage } from '../../storage/storage';
import { AtomicFileStream, type FileSystem } from '../../adapters/files/atomic-stream';
import type { Clock } from '../../adapters/platform/clock';
import { AppError } from '../../../shared/errors/app-error';
import type { ExportOutcome } from '../../../shared/contract/views';
import type { DeviceRow } from '../../../shared/devices/device-row';
import {
  ENTITY_EXPORTS,
  type EntityExport,
  type ReadRequest,
  type RecordReader,
} from './entity-records';
import type { ExportFormatDefinition, ExportSink, SheetColumn } from './writers/export-writer';
import { ExportFileSet } from '../../adapters/files/export-file-set';
import { checkLakeSource, type LakeLayout, type LakeSource } from './writers/parquet/security-lake';
import { EXPORT_FORMAT_DEFINITIONS } from './writers/format-registry';

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
  /**
   * ocsf-parquet only: `out` is a folder, written in Amazon Security Lake's custom-source
   * layout for this source (security-lake.ts).
   */
  lake?: LakeSource;
  /** csv and xlsx of devices: only these columns, in this order. */
  columns?: readonly (keyof DeviceRow)[];
}

/** A written export as the contract reports it, with each record left out and why. */
export type ExportResult = Pick<
  Extract<ExportOutcome, { status: 'written' }>,
  'path' | 'records' | 'sha256' | 'bytes'
> & {
  format: string;
  /** Records left out, with why (Sekoia requires a hostname). */
  skipped: { agentId: string; reason: string }[];
};

/** The formats and entities an export may name; tests add toys of their own. */
export interface ExportRegistry {
  formats: Readonly<Record<string, ExportFormatDefinition>>;
  entities: Readonly<Record<string, EntityExport>>;
}

const BUILT_IN: ExportRegistry = {
  formats: EXPORT_FORMAT_DEFINITIONS,
  entities: ENTITY_EXPORTS,
};

/**
 * Writes one export file: an entity's records (devices by default) in one format, streamed
 * record by record into an atomic file, then recorded in the audit log with its count and
 * sha256. Nothing is left behind under the file's name unless the whole file was written.
 */
export async function runExport(
  storage: Storage,
  clock: Clock,
  request: ExportRequest,
  options: { files?: FileSystem; registry?: ExportRegistry } = {},
): Promise<ExportResult> {
  const registry = options.registry ?? BUILT_IN;
  const { format, entity, read, columns, title } = checkRequest(registry, request);
  if (request.console !== undefined && !storage.consoles.findByName(request.console)) {
    throw new InvalidExportRequestError(
      `No console is named "${request.console}". Check the name against the configured consoles.`,
    );
  }
  const path = resolve(request.out);
  const readTimeMs = clock.now().getTime();
  const output = openOutput(path, request, readTimeMs, options.files);
  const skipped: ExportResult['skipped'] = [];
  let records = 0;
  try {
    const writer = format.createWriter(output.sink, {
      title,
      ...(columns === undefined ? {} : { columns }),
      ...(output.layout === undefined ? {} : { layout: output.layout }),
      ...(request.columns === undefined ? {} : { deviceColumns: request.columns }),
    });
    const reading = (into: ExportResult['skipped']): ReadRequest => ({
      ...(request.console === undefined ? {} : { console: request.console }),
      ...(request.agentIds === undefined ? {} : { agentIds: request.agentIds }),
      ...(request.includeDecommissioned ? { includeDecommissioned: true } : {}),
      readTimeMs,
      skipped: into,
    });
    // A writer that needs every record before it writes (Parquet's columns) reads them twice.
    if (writer.survey) for (const record of read(storage, reading([]))) writer.survey(record);
    await writer.start();
    for (const record of read(storage, reading(skipped))) {
      // Only a writer that works in batches returns a promise; the others cost no tick.
      const pending = writer.write(record);
      if (pending) await pending;
      records += 1;
      if (records % 5_000 === 0) request.onProgress?.(records);
    }
    await writer.finish(records);
    const { sha256, bytes } = output.commit();
    storage.audit.append(
      {
        action: 'export',
        format: request.format,
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
    return { path, format: request.format, records, skipped, sha256, bytes };
  } catch (error) {
    output.abort();
    throw error;
  }
}

/** Where an export's bytes go: one file, or (Security Lake's layout) a folder of files. */
interface ExportOutput {
  sink: ExportSink;
  layout?: LakeLayout;
  commit(): { sha256: string; bytes: number };
  abort(): void;
}

function openOutput(
  path: string,
  request: ExportRequest,
  readTimeMs: number,
  files: FileSystem | undefined,
): ExportOutput {
  if (request.lake === undefined) {
    const stream = new AtomicFileStream(path, files);
    return { sink: stream, commit: () => stream.commit(), abort: () => stream.abort() };
  }
  if (request.format !== 'ocsf-parquet') {
    throw new InvalidExportRequestError(
      `Security Lake's layout holds Parquet files: export as ocsf-parquet, not ${request.format}.`,
    );
  }
  checkLakeSource(request.lake);
  const set = new ExportFileSet(path, files);
  const stamp = new Date(readTimeMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return {
    sink: {
      write: () => {
        throw new Error('An export in the lake layout writes its files through the layout.');
      },
    },
    layout: { ...request.lake, stamp, open: (relativePath) => set.open(relativePath) },
    commit: () => set.commit(),
    abort: () => set.abort(),
  };
}

/** The format, the entity (agents unless named) and the reader that joins them, checked. */
function checkRequest(
  registry: ExportRegistry,
  request: ExportRequest,
): {
  format: ExportFormatDefinition;
  entity: string;
  read: RecordReader;
  columns: readonly SheetColumn[] | undefined;
  title: string;
} {
  const formats = Object.keys(registry.formats);
  const format = registry.formats[request.format];
  if (!Object.hasOwn(registry.formats, request.format) || !format) {
    throw new InvalidExportRequestError(
      `Unknown format "${request.format}". Choose one of: ${formats.join(', ')}.`,
    );
  }
  const entity = request.entity ?? 'agents';
  const known = registry.entities[entity];
  if (!Object.hasOwn(registry.entities, entity) || !known) {
    throw new InvalidExportRequestError(
      `Unknown entity "${entity}". Choose one of: ${Object.keys(registry.entities).join(', ')}.`,
    );
  }
  const read = known.read[format.info.reads];
  if (!read) {
    const fits = formats.filter((name) => known.read[registry.formats[name]!.info.reads]);
    const choices = fits.length > 1 ? `${fits.slice(0, -1).join(', ')} or ${fits.at(-1)}` : fits[0];
    throw new InvalidExportRequestError(
      `Stored ${entity} are exported as ${choices}, not ${request.format}.`,
    );
  }
  if (
    request.columns !== undefined &&
    (known.columns !== undefined || format.info.reads !== 'row')
  ) {
    throw new InvalidExportRequestError(
      'Columns are chosen for a CSV or XLSX export of devices; other exports hold every attribute.',
    );
  }
  if (request.agentIds !== undefined && !known.info.byDevice) {
    throw new InvalidExportRequestError(
      `A selection of devices goes with device and threat exports; an export of ${entity} takes every stored record.`,
    );
  }
  return { format, entity, read, columns: known.columns, title: known.info.label };
}
