import { stringify } from 'csv-stringify/sync';
import {
  DEVICE_COLUMNS,
  type DeviceColumn,
  type DeviceRow,
} from '../../../../shared/devices/device-row';
import { deviceRowOf } from '../../../../shared/devices/precomputed';
import { rawText } from '../../../adapters/sentinelone/raw-json';
import {
  deviceColumnsOf,
  type ExportSink,
  type ExportWriter,
  type WriterShape,
} from './export-writer';
import { neutraliseFormula } from '../../../../shared/spreadsheet-safe';

function cell(value: DeviceRow[keyof DeviceRow]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return neutraliseFormula(value.join(' '));
  return neutraliseFormula(String(value));
}

/** UTF-8 byte order mark: spreadsheets then read the file as UTF-8, not the locale's code page. */
export const CSV_BOM = '\uFEFF';

export function csvHeader(columns: readonly DeviceColumn[] = DEVICE_COLUMNS): string {
  return stringify([columns.map((column) => column.label)], {
    quoted: true,
    record_delimiter: 'windows',
  });
}

/** Every cell quoted, so ids and versions stay text rather than numbers. */
export function csvRow(row: DeviceRow, columns: readonly DeviceColumn[] = DEVICE_COLUMNS): string {
  return stringify([columns.map((column) => cell(row[column.key]))], {
    quoted: true,
    record_delimiter: 'windows',
  });
}

/**
 * The grid's columns (devices), or the entity's own (a row record is then a JSON array of its
 * cells), every cell quoted and neutralised, with a BOM for spreadsheets.
 */
export function csvWriter(sink: ExportSink, shape: WriterShape = {}): ExportWriter {
  const { columns } = shape;
  if (columns !== undefined) {
    const line = (cells: readonly unknown[]) =>
      stringify(
        [cells.map((c) => (c === undefined || c === null ? '' : neutraliseFormula(String(c))))],
        {
          quoted: true,
          record_delimiter: 'windows',
        },
      );
    return {
      start: () => sink.write(CSV_BOM + line(columns.map((column) => column.label))),
      write: (record) => sink.write(line(JSON.parse(rawText(record.data)) as unknown[])),
      finish: () => undefined,
    };
  }
  const shown = deviceColumnsOf(shape);
  return {
    start: () => sink.write(CSV_BOM + csvHeader(shown)),
    write: (record) =>
      sink.write(csvRow(deviceRowOf(rawText(record.data), record.consoleName ?? ''), shown)),
    finish: () => undefined,
  };
}
