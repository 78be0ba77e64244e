import { InvalidArgumentError } from 'commander';
import { pointAt } from '../../../shared/query/query-error';
import { parseQuery } from '../../../shared/query/query-parser';

/** What `--where` says in a command's help. */
export const WHERE_HELP =
  'only the devices this query selects, as the grid\'s query bar reads it (docs/query.md), e.g. "os:windows AND last_seen>90d"';

/**
 * A `--where` query, read before anything runs: a query that cannot be read is a usage error
 * that points at the token at fault, as the grid's query bar does.
 */
export function whereQuery(text: string): string {
  const parsed = parseQuery(text);
  if (parsed.ok) return text;
  throw new InvalidArgumentError(
    `${parsed.error.message}\n${pointAt(text, parsed.error.at)}\n(The query language: docs/query.md.)`,
  );
}
