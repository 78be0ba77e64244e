import { EXPORT_FORMAT_INFO, type ExportFormat } from '../../../../shared/export-formats';
import { csvWriter } from './csv-writer';
import type {
  ExportFormatDefinition,
  ExportSink,
  ExportWriter,
  WriterShape,
} from './export-writer';
import { xlsxWriter } from './xlsx-writer';
import { ocsfParquetWriter } from './parquet/ocsf-parquet-writer';
import { jsonArrayWriter, ndjsonWriter, sekoiaBodyWriter } from './json-writers';

const WRITERS: Readonly<
  Record<ExportFormat, (sink: ExportSink, shape?: WriterShape) => ExportWriter>
> = {
  'ocsf-json': jsonArrayWriter,
  'ocsf-ndjson': ndjsonWriter,
  'sekoia-json': sekoiaBodyWriter,
  csv: csvWriter,
  xlsx: xlsxWriter,
  'ocsf-parquet': ocsfParquetWriter,
  'raw-json': jsonArrayWriter,
  'raw-ndjson': ndjsonWriter,
};

/**
 * Every export format the exporter writes, by name: the shared record (label, extension, the
 * form it reads) beside its writer. A new format is its writer's file plus a line here and its
 * record in shared/export-formats.ts.
 */
export const EXPORT_FORMAT_DEFINITIONS: Readonly<Record<string, ExportFormatDefinition>> =
  Object.fromEntries(
    Object.entries(WRITERS).map(([format, createWriter]) => [
      format,
      { info: EXPORT_FORMAT_INFO[format as ExportFormat], createWriter },
    ]),
  );
