import { rawText, type RawJson } from '../../../adapters/sentinelone/raw-json';
import type { LakeLayout } from './parquet/security-lake';
import {
  DEVICE_COLUMNS,
  type DeviceColumn,
  type DeviceRow,
} from '../../../../shared/devices/device-row';
import type { ExportFormatInfo } from '../../../../shared/export-formats';
import { deviceRowOf } from '../../../../shared/devices/precomputed';

/** Where a writer's bytes go: the export's atomic file, hashed as it is written. */
export interface ExportSink {
  /** Text goes out as UTF-8, bytes as they are. */
  write(data: string | Buffer): void;
}

/** One record as an entity's reader hands it over, in the form the format reads. */
export interface ExportRecord {
  /** The agent it belongs to, when it belongs to one. */
  agentId: string | null;
  /** The console it came from. */
  consoleName?: string;
  /** The record's text (OCSF, Sekoia's dialect, the grid's row as JSON) or the API's bytes. */
  data: RawJson;
}

/**
 * Writes one export file, record by record. Any step may return a promise (a writer that
 * compresses or encodes in batches); the exporter waits for it before the next record.
 */
export interface ExportWriter {
  /**
   * A writer that must see every record before writing (Parquet's columns) reads them all here
   * first; the exporter then reads them again for `write`.
   */
  survey?(record: ExportRecord): void;
  start(): void | Promise<void>;
  write(record: ExportRecord): void | Promise<void>;
  finish(count: number): void | Promise<void>;
}

/** How a column's cells read in a spreadsheet: XLSX types its cells by this, CSV quotes all. */
export type SheetCellKind = 'text' | 'number' | 'date' | 'boolean';

/** One column of an entity's rows: its header and how its cells read. */
export interface SheetColumn {
  label: string;
  kind: SheetCellKind;
}

/**
 * What a writer is told of the entity it writes: what its records are called (a workbook's sheet
 * name) and the columns of its rows, when the entity is not the devices (whose row is the
 * grid's). A row record is then a JSON array of its cells.
 */
export interface WriterShape {
  title?: string;
  columns?: readonly SheetColumn[];
  /** The device columns a row export keeps, in this order (default: every one). */
  deviceColumns?: readonly (keyof DeviceRow)[];
  /** Files in Security Lake's layout under the export's folder, instead of the one file. */
  layout?: LakeLayout;
}

/** The device columns a row export writes: those asked for, in their order, or every one. */
export function deviceColumnsOf(shape: WriterShape): readonly DeviceColumn[] {
  const keys = shape.deviceColumns;
  if (keys === undefined) return DEVICE_COLUMNS;
  return keys.map((key) => DEVICE_COLUMNS.find((column) => column.key === key)!);
}

/**
 * Each record's cells in the writer's columns: an entity row's own (its record is a JSON array
 * of them), or the columns kept of the device row the record holds.
 */
export function cellsOfRecords(shape: WriterShape): (record: ExportRecord) => unknown[] {
  if (shape.columns) return (record) => JSON.parse(rawText(record.data)) as unknown[];
  const shown = deviceColumnsOf(shape);
  return (record) => {
    const row = deviceRowOf(rawText(record.data), record.consoleName ?? '');
    return shown.map((column) => row[column.key]);
  };
}

/** A format as the exporter knows it: what the hosts show of it, and how its file is written. */
export interface ExportFormatDefinition {
  info: ExportFormatInfo;
  createWriter(sink: ExportSink, shape?: WriterShape): ExportWriter;
}
