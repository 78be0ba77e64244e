import { stringify } from 'csv-stringify/sync';
import { DEVICE_COLUMNS, type DeviceColumn } from '../../../../shared/devices/device-row';
import {
  cellsOfRecords,
  deviceColumnsOf,
  type ExportSink,
  type ExportWriter,
  type WriterShape,
} from './export-writer';
import { neutraliseFormula } from '../../../../shared/spreadsheet-safe';

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return neutraliseFormula(value.join(' '));
  return neutraliseFormula(String(value));
}

/** One CSV line, every cell quoted (so ids and versions stay text rather than numbers). */
const line = (cells: readonly unknown[]): string =>
  stringify([cells.map(cell)], { quoted: true, record_delimiter: 'windows' });

/** UTF-8 byte order mark: spreadsheets then read the file as UTF-8, not the locale's code page. */
export const CSV_BOM = '\uFEFF';

export function csvHeader(columns: readonly DeviceColumn[] = DEVICE_COLUMNS): string {
  return line(columns.map((column) => column.label));
}

/**
 * The grid's columns (devices), or the entity's own (a row record is then a JSON array of its
 * cells), every cell quoted and neutralised, with a BOM for spreadsheets.
 */
export function csvWriter(sink: ExportSink, shape: WriterShape = {}): ExportWriter {
  const labels = (shape.columns ?? deviceColumnsOf(shape)).map((column) => column.label);
  const cellsOf = cellsOfRecords(shape);
  return {
    start: () => sink.write(CSV_BOM + line(labels)),
    write: (record) => sink.write(line(cellsOf(record))),
    finish: () => undefined,
  };
}
