import type { Query } from './client';
import type { ConsoleFetcher } from './fetcher';
import type { SplitPage } from './page-splitter';
import { AppError } from '../../../shared/errors/app-error';
import type { RawJson } from './raw-json';

export const PAGE_LIMIT = 1000;

export class CursorLoopError extends AppError {
  override readonly name = 'CursorLoopError';
  readonly code = 'remote_rejected';
  constructor(readonly path: string) {
    super(`${path} returned a cursor it had already returned; stopped to avoid an endless walk`);
  }
}

export interface Page {
  /** Each object on the page exactly as sent. */
  elements: RawJson[];
  totalItems: number | undefined;
}

/** The last page says so with nextCursor null, "", the string "null", or no data at all. */
function nextCursorOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value === 'null') return undefined;
  return value;
}

/**
 * Walks a list endpoint with cursors, `limit=1000`. The next page is requested as soon as the
 * current one has arrived, so fetching it overlaps the caller's work on this one.
 */
export async function* walkPages(
  fetcher: ConsoleFetcher,
  path: string,
  query: Query,
): AsyncGenerator<Page> {
  const seen = new Set<string>();
  let pending: Promise<SplitPage> | undefined = fetcher.page(path, { ...query, limit: PAGE_LIMIT });
  while (pending) {
    const page: SplitPage = await pending;
    const cursor =
      page.elements.length > 0 ? nextCursorOf(page.envelope.pagination?.nextCursor) : undefined;
    if (cursor !== undefined && seen.has(cursor)) throw new CursorLoopError(path);
    if (cursor !== undefined) seen.add(cursor);
    pending =
      cursor === undefined
        ? undefined
        : fetcher.page(path, { ...query, limit: PAGE_LIMIT, cursor });
    // If the caller stops early, the prefetched page's failure must not go unhandled.
    pending?.catch(() => undefined);
    const total = page.envelope.pagination?.totalItems;
    yield { elements: page.elements, totalItems: typeof total === 'number' ? total : undefined };
  }
}
