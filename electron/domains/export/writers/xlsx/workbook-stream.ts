import { Zip, ZipPassThrough } from 'fflate';
import { NativeDeflateEntry } from './native-deflate-entry';
import type { ExportSink, SheetColumn } from '../export-writer';
import {
  contentTypes,
  ROOT_RELATIONSHIPS,
  sheetEnd,
  sheetPath,
  sheetStart,
  STYLE,
  STYLES,
  workbook,
  workbookRelationships,
  type WrittenSheet,
} from './ooxml-parts';
import { cellValue, cellWidth, cellXml, columnName, xmlText, type CellValue } from './sheet-cells';

/** Excel's rows per sheet, the header's included; the rows go on in a next sheet. */
export const SHEET_ROW_LIMIT = 1_048_576;
/** Rows read before a sheet starts, to size its columns (a sheet states widths before rows). */
const ROWS_MEASURED = 500;
const WIDTH = { min: 8, max: 60, filterButton: 3 };
/** Sheet text is handed to the compressor in pieces about this long. */
const PIECE = 256 * 1024;

/**
 * An XLSX file written as rows arrive: a zip (fflate's) whose sheet entries are compressed as
 * they are written (native-deflate-entry.ts), so memory stays flat however many rows there are. Only the first rows are
 * held, to size the columns.
 */
export class WorkbookStream {
  private readonly zip: Zip;
  private readonly encoder = new TextEncoder();
  private readonly sheets: WrittenSheet[] = [];
  private sheet: NativeDeflateEntry | undefined;
  private pending = '';
  private rowInSheet = 0;
  private readonly measured: (CellValue | undefined)[][] = [];
  private widths: number[] | undefined;

  constructor(
    sink: ExportSink,
    private readonly title: string,
    private readonly columns: readonly SheetColumn[],
    /** Rows per sheet, the header's included (smaller only in tests). */
    private readonly rowsPerSheet = SHEET_ROW_LIMIT,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) throw error;
      sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
  }

  /** One row, its cells in the columns' order. */
  add(cells: readonly unknown[]): void {
    const row = this.columns.map((column, i) => cellValue(cells[i], column.kind));
    if (this.widths === undefined) {
      this.measured.push(row);
      if (this.measured.length >= ROWS_MEASURED) this.flushMeasured();
      return;
    }
    this.writeRow(row);
  }

  finish(): void {
    if (this.widths === undefined) this.flushMeasured();
    if (this.sheet === undefined) this.openSheet();
    this.closeSheet();
    const sheets = this.sheets.length;
    this.addPart('[Content_Types].xml', contentTypes(sheets));
    this.addPart('_rels/.rels', ROOT_RELATIONSHIPS);
    this.addPart('xl/workbook.xml', workbook(this.sheets));
    this.addPart('xl/_rels/workbook.xml.rels', workbookRelationships(sheets));
    this.addPart('xl/styles.xml', STYLES);
    this.zip.end();
  }

  private flushMeasured(): void {
    this.widths = this.columns.map((column, i) => {
      const widest = Math.max(
        column.label.length + WIDTH.filterButton,
        ...this.measured.map((row) => (row[i] ? cellWidth(row[i]) : 0)),
      );
      return Math.min(WIDTH.max, Math.max(WIDTH.min, widest + 1));
    });
    for (const row of this.measured.splice(0)) this.writeRow(row);
  }

  private writeRow(row: readonly (CellValue | undefined)[]): void {
    if (this.sheet === undefined || this.rowInSheet >= this.rowsPerSheet) {
      if (this.sheet !== undefined) this.closeSheet();
      this.openSheet();
    }
    this.rowInSheet += 1;
    const r = this.rowInSheet;
    let xml = `<row r="${r}">`;
    row.forEach((cell, i) => {
      if (cell) xml += cellXml(`${columnName(i)}${r}`, cell);
    });
    this.append(`${xml}</row>`);
  }

  private openSheet(): void {
    const n = this.sheets.length + 1;
    this.sheet = new NativeDeflateEntry(sheetPath(n));
    this.zip.add(this.sheet);
    this.rowInSheet = 1;
    const header = this.columns
      .map((column, i) =>
        cellXml(`${columnName(i)}1`, { type: 'text', text: column.label }, STYLE.header),
      )
      .join('');
    this.append(`${sheetStart(this.widths ?? [])}<row r="1">${header}</row>`);
  }

  private closeSheet(): void {
    const n = this.sheets.length + 1;
    const filterRange = `A1:${columnName(this.columns.length - 1)}${this.rowInSheet}`;
    this.append(sheetEnd(filterRange));
    this.sheet!.push(this.encoder.encode(this.pending), true);
    this.pending = '';
    this.sheets.push({ name: xmlText(sheetName(this.title, n)), filterRange });
    this.sheet = undefined;
  }

  private append(xml: string): void {
    this.pending += xml;
    if (this.pending.length >= PIECE) {
      this.sheet!.push(this.encoder.encode(this.pending));
      this.pending = '';
    }
  }

  private addPart(path: string, xml: string): void {
    const part = new ZipPassThrough(path);
    this.zip.add(part);
    part.push(this.encoder.encode(xml), true);
  }
}

/**
 * A name Excel takes for sheet n: at most 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe; the rows past one sheet's limit go on in "Devices (2)" and so on.
 */
export function sheetName(title: string, n: number): string {
  const suffix = n === 1 ? '' : ` (${n})`;
  const clean =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  return clean.slice(0, 31 - suffix.length) + suffix;
}
