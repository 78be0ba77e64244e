import { UsageError } from './context';
import { ReportedFailure } from './output';

/**
 * What `s1inv` exits with, the same for every command (docs/cli.md): 0 it did what was asked,
 * 1 it failed, 2 the command line does not parse or names what does not exist, 3 it did part
 * of the work (a sync that completed some APIs and not others).
 */
export const EXIT = { done: 0, failed: 1, usage: 2, partial: 3 } as const;

/** What each code means, as the man page and docs/cli.md say it. */
export const EXIT_CODE_MEANINGS: readonly (readonly [number, string])[] = [
  [EXIT.done, 'Done: the command did what was asked (a query that selects nothing included).'],
  [
    EXIT.failed,
    'Failed: nothing, or nothing more, was done; standard error says what and what to do next.',
  ],
  [
    EXIT.usage,
    'Usage: the command line does not parse, or names a format, entity, option value or query that does not exist.',
  ],
  [
    EXIT.partial,
    'Partly done: a sync completed some APIs and not others; what completed is kept, and standard error lists the rest, one line each.',
  ],
];

/** A failure of part of the work, already reported: the rest was done and kept. */
export class PartialFailure extends ReportedFailure {
  override readonly name = 'PartialFailure';
}

/** The code a command that ends with this error exits with. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  return error instanceof PartialFailure ? EXIT.partial : EXIT.failed;
}

/** There is nothing to work on yet: no console is configured. */
export class NoConsoleError extends Error {
  override readonly name = 'NoConsoleError';
  constructor() {
    super('No console is configured yet: add one with s1inv console add, then sync it.');
  }
}
