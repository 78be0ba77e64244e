import type { SheetCellKind } from '../export-writer';
import { STYLE } from './ooxml-parts';

// One cell of a sheet's row as SpreadsheetML. Text is always a string cell (inline, so nothing is
// held for a shared string table): an agent id of 19 digits stays those 19 digits, where a number
// cell would keep 15. A string cell is never a formula either, whatever it starts with.

/** Excel's limit on a cell's text; longer text is cut there (Excel would refuse the file). */
export const CELL_TEXT_LIMIT = 32_767;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Days since 1899-12-30, the serial a spreadsheet reads as a date-time (UTC kept as it is). */
export function dateSerial(ms: number): number {
  return ms / 86_400_000 + 25_569;
}

// XML 1.0 has no place for most control characters, even escaped; SpreadsheetML writes any
// character as _xHHHH_, so a literal "_x0041_" in the data is itself escaped (its "_" as _x005F_).
// eslint-disable-next-line no-control-regex -- these characters are what it finds
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data, in SpreadsheetML's escapes where XML has none. */
export function xmlText(text: string): string {
  const cut = text.length > CELL_TEXT_LIMIT ? text.slice(0, CELL_TEXT_LIMIT) : text;
  return cut
    .replace(UNWRITABLE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(MARKUP, (c) => ENTITY[c]!);
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
/** Only full dates count (a bare year or "3" would otherwise be read as one). */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** What a cell shows, written as its kind says when the value reads as one; text otherwise. */
export type CellValue =
  | { type: 'text'; text: string }
  | { type: 'number'; value: number; style: number }
  | { type: 'boolean'; value: boolean };

export function cellValue(value: unknown, kind: SheetCellKind): CellValue | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : { type: 'text', text: value.join(' ') };
  }
  if (kind === 'number') {
    const number =
      typeof value === 'number' ? value : NUMBER.test(String(value)) ? Number(value) : NaN;
    if (Number.isFinite(number)) return { type: 'number', value: number, style: STYLE.plain };
  }
  if (kind === 'date' && typeof value === 'string' && DATE_LIKE.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) {
      return { type: 'number', value: dateSerial(ms), style: STYLE.dateTime };
    }
  }
  if (kind === 'boolean' && typeof value === 'boolean') return { type: 'boolean', value };
  return { type: 'text', text: String(value) };
}

/** A cell at `ref` (such as C2) holding `cell`. */
export function cellXml(ref: string, cell: CellValue, style?: number): string {
  switch (cell.type) {
    case 'text':
      return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${xmlText(cell.text)}</t></is></c>`;
    case 'number':
      return `<c r="${ref}"${cell.style ? ` s="${cell.style}"` : ''}><v>${cell.value}</v></c>`;
    case 'boolean':
      return `<c r="${ref}" t="b"><v>${cell.value ? 1 : 0}</v></c>`;
  }
}

/** How wide the cell's text reads, in characters, for the column's width. */
export function cellWidth(cell: CellValue): number {
  switch (cell.type) {
    case 'text':
      return cell.text.length;
    case 'number':
      return cell.style === STYLE.dateTime ? 19 : String(cell.value).length;
    case 'boolean':
      return 5;
  }
}
