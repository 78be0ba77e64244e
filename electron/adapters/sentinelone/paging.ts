import type { Query } from './client';
import { PAGE_LIMIT } from '../tuning';
import type { ConsoleFetcher } from './fetcher';
import type { SplitPage } from './page-splitter';
import { AppError } from '../../../shared/errors/app-error';
import { peekNextCursor } from './next-cursor-peek';

export { PAGE_LIMIT };

export class CursorLoopError extends AppError {
  override readonly name = 'CursorLoopError';
  readonly code = 'remote_rejected';
  constructor(readonly path: string) {
    super(`${path} returned a cursor it had already returned; stopped to avoid an endless walk`);
  }
}

/** One page of a walk: its body, its elements (`elements`, or their bytes) and its envelope. */
export type Page = SplitPage;

/** The last page says so with nextCursor null, "", the string "null", or no data at all. */
function nextCursorOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value === 'null') return undefined;
  return value;
}

/** A page asked for: its answer, when its request left, and the next page asked on a guess. */
interface Asked {
  page: Promise<SplitPage>;
  sent: Promise<void>;
  /**
   * The walk will read this page: only such a page guesses the next one, so a guess that
   * turned out wrong never leads a chain of requests down a wrong path.
   */
  confirmed: boolean;
  guessed: () => { cursor: string; asked: Asked } | undefined;
}

/**
 * Walks a list endpoint with cursors, `limit=1000`. The next page is requested as soon as the
 * current one's body has arrived, on the cursor read from its end (`peekNextCursor`), before the
 * body is split; a guess the split page contradicts is dropped and the right cursor asked for.
 * The current page is handed over only once the next request has left (the rate limiter sends
 * it on a later turn of the event loop, which the caller's synchronous work on this page would
 * otherwise hold back): fetching it overlaps the caller's work.
 */
export async function* walkPages(
  fetcher: ConsoleFetcher,
  path: string,
  query: Query,
): AsyncGenerator<Page> {
  const seen = new Set<string>();
  /** Asks for a page; the walk confirms the ones it will read (see `Asked.confirmed`). */
  const ask = (cursor: string | undefined): Asked => {
    let markSent!: () => void;
    const sent = new Promise<void>((resolve) => (markSent = resolve));
    let guessed: { cursor: string; asked: Asked } | undefined;
    const page = fetcher.page(
      path,
      { ...query, limit: PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) },
      markSent,
      async (bytes) => {
        if (!asked.confirmed) return;
        const guess = peekNextCursor(bytes);
        if (guess === undefined || seen.has(guess) || guessed?.cursor === guess) return;
        guessed = { cursor: guess, asked: ask(guess) };
        // The split (a synchronous 5–15 ms) waits one turn of the event loop, in which undici
        // writes the request; a request the rate limiter holds back does not hold the split.
        await new Promise((resolve) => setImmediate(resolve));
      },
    );
    // If the caller stops early, or a guess is dropped, a failure must not go unhandled.
    page.then(markSent, markSent);
    const asked: Asked = { page, sent, confirmed: false, guessed: () => guessed };
    return asked;
  };
  let current: Asked | undefined = ask(undefined);
  current.confirmed = true;
  while (current) {
    const page: SplitPage = await current.page;
    const cursor = page.size > 0 ? nextCursorOf(page.envelope.pagination?.nextCursor) : undefined;
    if (cursor !== undefined && seen.has(cursor)) throw new CursorLoopError(path);
    if (cursor !== undefined) seen.add(cursor);
    const guessed = current.guessed();
    let next: Asked | undefined;
    if (cursor !== undefined) {
      next = guessed?.cursor === cursor ? guessed.asked : ask(cursor);
      next.confirmed = true;
      await next.sent;
      // undici writes the request on a later turn of the event loop: give it that turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield page;
    current = next;
  }
}
