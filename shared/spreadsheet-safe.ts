// Every CSV the product writes (devices, Changes, the audit log, any later one) goes through
// this one function before it is written: a spreadsheet evaluates a cell that starts with one of
// these as a formula, and a hostname such as `=HYPERLINK(…)` or `+cmd|…` would run (issue 27,
// N30). OWASP's advice: a leading apostrophe makes the spreadsheet show the text, not run it.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV line's cells, each safe to open in a spreadsheet. */
export function spreadsheetCells(cells: readonly string[]): string[] {
  return cells.map(neutraliseFormula);
}
