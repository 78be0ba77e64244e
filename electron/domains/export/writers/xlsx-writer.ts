import {
  DEVICE_COLUMNS,
  type ColumnKind,
  type DeviceColumn,
} from '../../../../shared/devices/device-row';
import {
  cellsOfRecords,
  deviceColumnsOf,
  type ExportSink,
  type ExportWriter,
  type SheetCellKind,
  type SheetColumn,
  type WriterShape,
} from './export-writer';
import { WorkbookStream } from './xlsx/workbook-stream';

const CELL_KIND: Readonly<Record<ColumnKind, SheetCellKind>> = {
  text: 'text',
  list: 'text',
  enrichment: 'text',
  date: 'date',
  boolean: 'boolean',
  number: 'number',
  count: 'number',
};

/**
 * The grid's columns as a sheet's. A date cell shows its time as it is, in UTC (a spreadsheet's
 * date has no time zone), so its header says so.
 */
const sheetColumn = (column: DeviceColumn): SheetColumn => ({
  label: column.kind === 'date' ? `${column.label} (UTC)` : column.label,
  kind: CELL_KIND[column.kind],
});
export const DEVICE_SHEET_COLUMNS: readonly SheetColumn[] = DEVICE_COLUMNS.map(sheetColumn);

/**
 * An XLSX workbook of the devices (the grid's columns) or of an entity's rows (its own): one
 * sheet named after what it holds, its header frozen and filterable, ids as text, dates as
 * dates and numbers as numbers.
 */
export function xlsxWriter(sink: ExportSink, shape: WriterShape = {}): ExportWriter {
  const { columns } = shape;
  const shown = deviceColumnsOf(shape);
  const workbook = new WorkbookStream(
    sink,
    shape.title ?? 'Devices',
    columns ?? shown.map(sheetColumn),
  );
  const cellsOf = cellsOfRecords(shape);
  return {
    start: () => undefined,
    write: (record) => workbook.add(cellsOf(record)),
    finish: () => workbook.finish(),
  };
}
