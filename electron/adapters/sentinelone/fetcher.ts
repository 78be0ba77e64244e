import type { Query, S1Client } from './client';
import { splitBody, type SplitPage } from './page-splitter';
import type { RateLimiters } from './rate-limits';
import { withRetry, type RetryEvent, type RetryPolicy } from '../http/retry';
import { S1_RETRY_RULES } from './retry-rules';

/**
 * Every request of a sync goes through here: paced by the endpoint's rate limit, retried as a
 * whole (a truncated body is fetched again), cancellable.
 */
export class ConsoleFetcher {
  constructor(
    private readonly client: S1Client,
    private readonly limiters: RateLimiters,
    private readonly policy: RetryPolicy,
    private readonly signal: AbortSignal | undefined,
    private readonly onRetry: (event: RetryEvent & { path: string }) => void = () => undefined,
  ) {}

  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /**
   * One page, split into its elements. `onBody` sees the raw body before it is split, and the
   * split waits for what it returns (the walk reads the next cursor from the body and sends the
   * next request first); `onSend` is told when the request leaves.
   */
  page(
    path: string,
    query: Query,
    onSend?: () => void,
    onBody?: (bytes: Buffer) => Promise<void> | void,
    /** The most items the answer may hold where the query asks for no limit (unpaged calls). */
    maxItems?: number,
  ): Promise<SplitPage> {
    return this.retried(path, async () => {
      const bytes = await this.client.getBytes(path, query, this.signal, onSend);
      await onBody?.(bytes);
      // A page holds at most the items asked for: more is a console to stop, not to read.
      const limit = typeof query.limit === 'number' ? query.limit : maxItems;
      return splitBody(bytes, path, limit);
    });
  }

  async json<T>(path: string, query: Query): Promise<T> {
    return this.retried(
      path,
      async () => (await this.client.get<T>(path, query, this.signal)).body,
    );
  }

  private retried<T>(path: string, run: () => Promise<T>): Promise<T> {
    return withRetry(
      () => this.limiters.schedule(path, run),
      this.policy,
      S1_RETRY_RULES,
      this.signal,
      (event) => this.onRetry({ ...event, path }),
    );
  }
}
