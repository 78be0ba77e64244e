/** The file formats of `s1inv export` and the Export dialog (PRODUCT.md). */
export const EXPORT_FORMATS = [
  'ocsf-json',
  'ocsf-ndjson',
  'sekoia-json',
  'csv',
  'raw-json',
  'raw-ndjson',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How records are laid out in the file. */
export type Framing = 'json-array' | 'ndjson' | 'sekoia-body' | 'csv';

export interface ExportFormatInfo {
  /** What the Export dialog calls it. */
  label: string;
  /** The suggested file name's ending. */
  extension: string;
  framing: Framing;
}

/** The one record of each format: every place that names, suggests or writes one reads it. */
export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  'ocsf-json': { label: 'OCSF 1.6.0 JSON (array)', extension: 'ocsf.json', framing: 'json-array' },
  'ocsf-ndjson': {
    label: 'OCSF 1.6.0 NDJSON (one record per line)',
    extension: 'ocsf.ndjson',
    framing: 'ndjson',
  },
  'sekoia-json': {
    label: 'Sekoia push body (JSON)',
    extension: 'sekoia.json',
    framing: 'sekoia-body',
  },
  csv: { label: 'CSV for spreadsheets', extension: 'csv', framing: 'csv' },
  'raw-json': {
    label: 'Raw SentinelOne objects (JSON)',
    extension: 'raw.json',
    framing: 'json-array',
  },
  'raw-ndjson': {
    label: 'Raw SentinelOne objects (NDJSON)',
    extension: 'raw.ndjson',
    framing: 'ndjson',
  },
};
