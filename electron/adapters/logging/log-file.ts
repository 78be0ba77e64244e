import { mkdirSync } from 'node:fs';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { redact } from './redact';

// The app's log: one line per event, rotated by size, every line through redact() first (the
// one choke point), so a token can reach neither the file nor a support bundle made from it.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The level a log keeps from: S1INV_LOG_LEVEL when it names one, else `fallback`. */
export function logLevelFrom(
  env: Record<string, string | undefined>,
  fallback: LogLevel,
): LogLevel {
  const asked = env.S1INV_LOG_LEVEL?.toLowerCase();
  return asked !== undefined && Object.hasOwn(RANK, asked) ? (asked as LogLevel) : fallback;
}

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
  /** Lines below this level are dropped (default info: a page-by-page trace is debug). */
  level?: LogLevel;
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
  options: Pick<LogFileOptions, 'clock' | 'secrets' | 'level'>,
  close: () => Promise<void> = () => Promise.resolve(),
): Logger {
  const least = RANK[options.level ?? 'info'];
  return {
    log: (level, message, fields) => {
      if (RANK[level] < least) return;
      const details = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
      const line = `${options.clock.now().toISOString()} ${level} ${message}${details}`;
      write(`${redact(line, options.secrets?.() ?? []).replace(/\n/g, '\\n')}\n`);
    },
    close,
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { log: () => undefined, close: () => Promise.resolve() };
