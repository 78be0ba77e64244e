import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  CELL_TEXT_LIMIT,
  columnName,
  xmlText,
} from '../../../electron/domains/export/writers/xlsx/sheet-cells';
import {
  sheetName,
  WorkbookStream,
} from '../../../electron/domains/export/writers/xlsx/workbook-stream';

/** The bytes as exceljs's types name a Buffer (its own declaration, older than Node's). */
const workbookBytes = (chunks: Buffer[]) => Buffer.concat(chunks) as unknown as ExcelJS.Buffer;

describe('XLSX parts', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  it('escapes markup, and what XML cannot hold as SpreadsheetML does', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('nul\u0000 bell\u0007 tab\t')).toBe('nul_x0000_ bell_x0007_ tab\t');
    // Text that reads as an escape is escaped itself, so it reads back as written.
    expect(xmlText('_x0041_ and _x12')).toBe('_x005F_x0041_ and _x12');
    expect(xmlText('x'.repeat(CELL_TEXT_LIMIT + 10))).toHaveLength(CELL_TEXT_LIMIT);
  });

  it('makes sheet names Excel takes', () => {
    expect(sheetName('Devices', 1)).toBe('Devices');
    expect(sheetName('Devices', 2)).toBe('Devices (2)');
    expect(sheetName("'a/b:c*?[d]'", 1)).toBe('a b c   d');
    expect(sheetName('x'.repeat(40), 12)).toBe(`${'x'.repeat(26)} (12)`);
  });

  it('goes on in a next sheet past the rows a sheet holds, each with its header and filter', async () => {
    const chunks: Buffer[] = [];
    const sink = { write: (data: string | Buffer) => void chunks.push(Buffer.from(data)) };
    const columns = [
      { label: 'Name', kind: 'text' },
      { label: 'Count', kind: 'number' },
    ] as const;
    const workbook = new WorkbookStream(sink, 'Devices', columns, 4);
    for (let i = 0; i < 10; i += 1) workbook.add([`host-${i}`, i]);
    workbook.finish();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbookBytes(chunks));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Devices',
      'Devices (2)',
      'Devices (3)',
      'Devices (4)',
    ]);
    const rows = book.worksheets.flatMap((sheet) => {
      expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Count']);
      expect(sheet.autoFilter).toBe(`A1:B${sheet.rowCount}`);
      return sheet
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1));
    });
    expect(rows).toEqual(Array.from({ length: 10 }, (_, i) => [`host-${i}`, i]));
  });

  it('writes a workbook with only its header when there are no rows', async () => {
    const chunks: Buffer[] = [];
    const workbook = new WorkbookStream(
      { write: (data) => void chunks.push(Buffer.from(data)) },
      'Vulnerabilities',
      [{ label: 'CVE', kind: 'text' }],
    );
    workbook.finish();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbookBytes(chunks));
    expect(book.getWorksheet('Vulnerabilities')!.getSheetValues().slice(1)).toEqual([
      [undefined, 'CVE'],
    ]);
  });
});
