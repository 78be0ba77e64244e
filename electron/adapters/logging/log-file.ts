import { mkdirSync } from 'node:fs';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { redact } from './redact';

// The app's log: one line per event, rotated by size, every line through redact() first (the
// one choke point), so a token can reach neither the file nor a support bundle made from it.

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  close(): Promise<void>;
}

export interface LogFileOptions {
  dir: string;
  /** The file's name, e.g. backend.log; rotated copies get a numeric suffix. */
  name: string;
  clock: { now(): Date };
  /** Secrets known to this process, replaced wherever they appear. */
  secrets?: () => readonly string[];
}

const ROTATE = { size: '5M', maxFiles: 5 } as const;

export function openLogFile(options: LogFileOptions): Logger {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const stream: RotatingFileStream = createStream(options.name, {
    path: options.dir,
    size: ROTATE.size,
    maxFiles: ROTATE.maxFiles,
    mode: 0o600,
  });
  return loggerOn(
    (line) => stream.write(line),
    options,
    () => new Promise<void>((resolve) => stream.end(resolve)),
  );
}

/** The same lines on another stream: the CLI's --verbose writes them to stderr. */
export function loggerOn(
  write: (line: string) => void,
  options: Pick<LogFileOptions, 'clock' | 'secrets'>,
  close: () => Promise<void> = () => Promise.resolve(),
): Logger {
  return {
    log: (level, message, fields) => {
      const details = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
      const line = `${options.clock.now().toISOString()} ${level} ${message}${details}`;
      write(`${redact(line, options.secrets?.() ?? []).replace(/\n/g, '\\n')}\n`);
    },
    close,
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { log: () => undefined, close: () => Promise.resolve() };
