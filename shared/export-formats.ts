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
