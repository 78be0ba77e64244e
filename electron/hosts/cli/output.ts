import type { CliIo } from './context';

/** Why a command that printed its --json result ends non-zero. */
export interface JsonFailure {
  exitCode: number;
  message: string;
}

/**
 * The one shape of every --json output (docs/cli.md): the command that ran, whether it did all
 * it was asked (`ok`, false exactly when it exits non-zero), its result (`value`, lists as
 * arrays of objects keyed as the contract keys them) and, when not ok, why (`error`).
 */
export interface JsonEnvelope {
  command: string;
  ok: boolean;
  value?: unknown;
  error?: JsonFailure;
}

/** Who prints --json results: the command's path is set as it starts (program.ts). */
export interface JsonOutput {
  io: CliIo;
  commandPath: string;
  /** Set once a command printed its envelope: a later failure adds none. */
  jsonPrinted: boolean;
}

export function printJson(out: JsonOutput, value: unknown, failure?: JsonFailure): void {
  const envelope: JsonEnvelope = {
    command: out.commandPath,
    ok: failure === undefined,
    value,
    ...(failure === undefined ? {} : { error: failure }),
  };
  out.jsonPrinted = true;
  out.io.stdout(`${JSON.stringify(envelope, null, 2)}\n`);
}

/** The envelope's opening, for a result streamed element by element (devices). */
export function openJsonArray(out: JsonOutput): void {
  out.jsonPrinted = true;
  out.io.stdout(`{"command":${JSON.stringify(out.commandPath)},"ok":true,"value":[`);
}

/**
 * What a terminal would act on rather than show: C0 and C1 controls (ESC starts sequences that
 * retitle the window or clear the screen; U+009B is CSI on its own) and bidi controls.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The longest a table cell or a quoted value is printed; the rest becomes "…". */
export const MAX_CELL = 80;

/**
 * The one way a value from a console reaches the terminal (issue 27, N28, N29): controls shown
 * as escapes (`\u001b`), never acted on, and a value longer than `max` cut with "…", so one
 * 1 MB hostname cannot widen every row.
 */
export function terminalText(text: string, max = MAX_CELL): string {
  const shown = text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (shown.length <= max) return shown;
  let cut = max - 1;
  // Never half a surrogate pair.
  if (/[\ud800-\udbff]/.test(shown[cut - 1]!)) cut -= 1;
  return `${shown.slice(0, cut)}…`;
}

/** A plain text table: columns padded to their widest cell, cells made safe for a terminal. */
export function printTable(io: CliIo, headers: string[], cells: string[][]): void {
  const rows = cells.map((row) => row.map((cell) => terminalText(cell)));
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
  override readonly name: string = 'ReportedFailure';
}
