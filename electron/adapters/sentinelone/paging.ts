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
 * current one has arrived, and the current one is handed over only once that request has left
 * (the rate limiter sends it on a later turn of the event loop, which the caller's synchronous
 * work on this page would otherwise hold back): fetching it overlaps the caller's work.
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
    let sent: Promise<void> | undefined;
    if (cursor === undefined) pending = undefined;
    else {
      let markSent!: () => void;
      sent = new Promise<void>((resolve) => (markSent = resolve));
      pending = fetcher.page(path, { ...query, limit: PAGE_LIMIT, cursor }, markSent);
      // If the caller stops early, the prefetched page's failure must not go unhandled.
      pending.then(markSent, markSent);
    }
    await sent;
    // undici writes the request on a later turn of the event loop: give it that turn.
    if (sent) await new Promise((resolve) => setImmediate(resolve));
    const total = page.envelope.pagination?.totalItems;
    yield { elements: page.elements, totalItems: typeof total === 'number' ? total : undefined };
  }
}
