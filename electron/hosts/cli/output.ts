import type { CliIo } from './context';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table: columns padded to their widest cell. */
export function printTable(io: CliIo, headers: string[], rows: string[][]): void {
  // A loop, not Math.max(...rows): spreading 125,000+ rows overflows the call stack.
  const widths = headers.map((header) => header.length);
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  io.stdout(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}

/** A failure the command has already explained on stdout (--json) and must end non-zero. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure';
}
