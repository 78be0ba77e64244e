import { AppError } from '../errors/app-error';
import type { Span } from './query-ast';

/** A query that cannot be read: what is wrong and what to write instead, and where. */
export class QuerySyntaxError extends AppError {
  override readonly name = 'QuerySyntaxError';
  readonly code = 'invalid_argument';

  constructor(
    message: string,
    /** The characters at fault, by offset in the query's text. */
    readonly at: Span,
  ) {
    super(message);
  }
}

/**
 * The query with a line of carets under the characters at fault, for a terminal or a log:
 *   sit:Lyon
 *   ^^^
 */
export function pointAt(text: string, at: Span): string {
  const width = Math.max(1, Math.min(at.end, text.length) - at.start);
  return `  ${text}\n  ${' '.repeat(at.start)}${'^'.repeat(width)}`;
}
