/** The file formats of `s1inv export` and the Export dialog (PRODUCT.md). */
export const EXPORT_FORMATS = [
  'ocsf-json',
  'ocsf-ndjson',
  'ocsf-parquet',
  'sekoia-json',
  'csv',
  'xlsx',
  'raw-json',
  'raw-ndjson',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The form of record a format writes, which an entity must offer for the format to export it:
 * OCSF (the entity's class), Sekoia's dialect, the grid's row, or the bytes the API sent.
 */
export type RecordForm = 'ocsf' | 'sekoia' | 'row' | 'raw';

export interface ExportFormatInfo {
  /** What the Export dialog calls it. */
  label: string;
  /** The suggested file name's ending. */
  extension: string;
  reads: RecordForm;
  /** Bytes rather than text: never written to a terminal. */
  binary?: boolean;
}

/** The one record of each format: every place that names, suggests or writes one reads it. */
export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  'ocsf-json': { label: 'OCSF 1.6.0 JSON (array)', extension: 'ocsf.json', reads: 'ocsf' },
  'ocsf-ndjson': {
    label: 'OCSF 1.6.0 NDJSON (one record per line)',
    extension: 'ocsf.ndjson',
    reads: 'ocsf',
  },
  'sekoia-json': {
    label: 'Sekoia push body (JSON)',
    extension: 'sekoia.json',
    reads: 'sekoia',
  },
  csv: { label: 'CSV for spreadsheets', extension: 'csv', reads: 'row' },
  xlsx: { label: 'Excel workbook (XLSX)', extension: 'xlsx', reads: 'row', binary: true },
  'ocsf-parquet': {
    label: 'OCSF 1.6.0 Parquet (one class per file)',
    extension: 'ocsf.parquet',
    reads: 'ocsf',
    binary: true,
  },
  'raw-json': {
    label: 'Raw SentinelOne objects (JSON)',
    extension: 'raw.json',
    reads: 'raw',
  },
  'raw-ndjson': {
    label: 'Raw SentinelOne objects (NDJSON)',
    extension: 'raw.ndjson',
    reads: 'raw',
  },
};
