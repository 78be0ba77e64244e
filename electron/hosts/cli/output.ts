import type { CliIo } from './context';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table: columns padded to their widest cell. */
export function printTable(io: CliIo, headers: string[], rows: string[][]): void {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
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
