import { createHash } from 'node:crypto';
import { PUSH_CONCURRENCY } from '../../adapters/tuning';
import { request, type Dispatcher } from 'undici';
import packageJson from '../../../package.json' with { type: 'json' };
import type { Storage } from '../../storage/storage';
import { createDispatcher } from '../../adapters/http/dispatcher';
import type { Clock } from '../../adapters/platform/clock';
import { parseRetryAfter } from '../../adapters/sentinelone/client';
import {
  DEFAULT_RETRY_POLICY,
  withRetry,
  type RetryPolicy,
  type RetryRules,
} from '../../adapters/http/retry';
import { SnapshotGoneError } from '../../storage/snapshot-record-store';
import type { OutboxStore, OutboxBatch } from '../../storage/outbox-store';
import { SekoiaTargets, type SekoiaTarget } from '../sekoia/sekoia-targets';
import { AppError } from '../../../shared/errors/app-error';
import { inlinePrecomputer, type Precomputer } from '../precompute/precomputer';
import { sekoiaRecordsOf } from '../../storage/snapshot-record-store';
import type { PushOutcome } from '../../../shared/contract/views';

// Pushes the current devices to a Sekoia asset connector. Unlike Sekoia's own SDK, no batch is
// ever dropped: batches are written to an outbox first and marked delivered only on HTTP 200.

export const DEFAULT_PUSH_RETRY: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  maxRetryTimeMs: 30 * 60_000,
};

export interface PushOptions {
  consoleName?: string;
  /** Only these agents (a grid filter or selection). */
  agentIds?: ReadonlySet<string>;
  /** Deliver what an earlier push left, instead of starting a new one. */
  resume?: boolean;
  /**
   * Send decommissioned devices too. Off by default: Sekoia's own connector lists only active
   * agents, and a decommissioned device sent as managed would be a false asset.
   */
  includeDecommissioned?: boolean;
  signal?: AbortSignal;
  retry?: RetryPolicy;
  onProgress?: (progress: { delivered: number; total: number }) => void;
}

/** What a push did: the contract's shape, declared once in shared/contract/views.ts. */
export type PushResult = PushOutcome;

export class SekoiaHttpError extends AppError {
  override readonly name = 'SekoiaHttpError';
  readonly code = 'remote_rejected';
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`Sekoia answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
}

export class NothingToResumeError extends AppError {
  override readonly name = 'NothingToResumeError';
  readonly code = 'not_found';
}

const retryable = (error: unknown) =>
  !(error instanceof SekoiaHttpError) || error.status === 429 || error.status >= 500;

/** Sekoia: network errors, 429 and 5xx are retried; a 429 waits out its Retry-After. */
const SEKOIA_RETRY_RULES: RetryRules = {
  isRetryable: retryable,
  waitBeforeRetryMs: (error, policy) =>
    error instanceof SekoiaHttpError && error.status === 429
      ? (error.retryAfterMs ?? policy.default429Ms)
      : undefined,
};

/** What to tell the analyst for a status that stops the push at once. */
function stopMessage(status: number, detail: string): string {
  const why = detail ? ` (${detail})` : '';
  switch (status) {
    case 400:
      return `Sekoia rejected a batch as invalid (400)${why}. Check the connector UUID and the target's legacy device-type option, then resume the push.`;
    case 401:
      return `Sekoia rejected the API key (401)${why}. Store a valid key for the target, then resume the push.`;
    case 403:
      return `The API key lacks the asset-management write permission (403)${why}. Give it that permission in Sekoia, then resume the push.`;
    case 404:
      return `Sekoia has no asset connector at this address (404)${why}. Check the connector UUID and the base URL or region, then resume the push.`;
    default:
      return `Sekoia answered HTTP ${status}${why}. Resume the push once it is fixed.`;
  }
}

export class SekoiaPusher {
  private readonly dispatcher: Dispatcher;
  private readonly outbox: OutboxStore;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly target: SekoiaTarget,
    private readonly apiKey: string,
    /** Where each batch's records are mapped as it is sent; worker threads in the product. */
    private readonly mapper: Pick<Precomputer, 'sekoia'> = inlinePrecomputer,
  ) {
    this.dispatcher = createDispatcher({ readTimeoutMs: 30_000 });
    this.outbox = storage.outbox;
  }

  async push(options: PushOptions = {}): Promise<PushResult> {
    const { pushId, skipped, decommissioned } = options.resume
      ? { pushId: this.resumable(), skipped: 0, decommissioned: 0 }
      : this.fillOutbox(options.consoleName, options.agentIds, options.includeDecommissioned);
    this.outbox.markRunning(pushId);
    let message: string | undefined;
    try {
      message = await this.deliver(pushId, options);
    } catch (error) {
      message = `The push stopped: ${(error as Error).message}. Resume the push to deliver what is left.`;
    }
    return this.finish(pushId, { skipped, decommissioned }, message, options.consoleName);
  }

  /** Writes every batch of a new push to the outbox before anything is sent. */
  private fillOutbox(
    consoleName: string | undefined,
    agentIds: ReadonlySet<string> | undefined,
    includeDecommissioned = false,
  ): { pushId: number; skipped: number; decommissioned: number } {
    const scope = JSON.stringify({
      target: this.target.name,
      console: consoleName ?? 'all',
      ...(agentIds === undefined ? {} : { agents: agentIds.size }),
      ...(includeDecommissioned ? { decommissioned: 'included' } : {}),
    });
    const pushId = this.outbox.startPush(this.target.id, scope, this.clock.now());
    const { skipped, decommissioned } = this.outbox.writeOutbox({
      pushId,
      batchSize: this.target.batchSize,
      consoleName,
      agentIds,
      includeDecommissioned,
    });
    return { pushId, skipped, decommissioned };
  }

  private resumable(): number {
    const id = this.outbox.unfinishedPush(this.target.id);
    if (id === undefined)
      throw new NothingToResumeError(
        `Nothing to resume: every push to "${this.target.name}" was delivered.`,
      );
    this.outbox.requeueFailed(id);
    return id;
  }

  /**
   * Sends the pending batches, several at once once the first is accepted (it proves the key
   * and endpoint, so a bad key costs one request, not a burst). Returns why it stopped early,
   * or undefined when every batch was delivered.
   */
  private async deliver(pushId: number, options: PushOptions): Promise<string | undefined> {
    const queue = this.outbox.pendingBatchIds(pushId);
    let stopped: string | undefined;
    const sendNext = async (): Promise<boolean> => {
      const id = queue.shift();
      if (id === undefined || stopped !== undefined) return false;
      const outcome = await this.deliverBatch(pushId, this.outbox.batch(id), options);
      if (typeof outcome === 'string') stopped ??= outcome;
      else queue.unshift(...outcome);
      options.onProgress?.(this.outbox.progress(pushId));
      return stopped === undefined;
    };
    const lane = async () => {
      while (await sendNext());
    };
    if (await sendNext()) await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, lane));
    return stopped;
  }

  /** One batch: delivered (no new batches), split by a 413 (its halves), or why to stop. */
  private async deliverBatch(
    pushId: number,
    batch: OutboxBatch,
    options: PushOptions,
  ): Promise<number[] | string> {
    const attempts = { count: 0 };
    try {
      await this.send(batch, attempts, options);
      this.outbox.markDelivered(batch.id, attempts.count, this.clock.now());
      return [];
    } catch (error) {
      if (error instanceof SnapshotGoneError) return error.message;
      const status = error instanceof SekoiaHttpError ? error.status : null;
      if (status === 413 && batch.items > 1) return this.outbox.splitBatch(pushId, batch);
      this.outbox.markFailed(batch.id, attempts.count, status, (error as Error).message);
      if (status === 413)
        return 'A single device is larger than Sekoia accepts (413); it stays in the outbox.';
      if (error instanceof SekoiaHttpError && !retryable(error))
        return stopMessage(error.status, error.detail);
      return `A batch could not be delivered after retrying: ${(error as Error).message}. Resume the push later.`;
    }
  }

  /** A batch's body: kept as it is (older batches), or its agents mapped now. */
  private async bodyOf(batch: OutboxBatch): Promise<string> {
    const source = this.outbox.bodySourceOf(batch);
    if ('body' in source) return source.body;
    const items = this.target.legacyDeviceTypes
      ? sekoiaRecordsOf(source, { legacyDeviceTypes: true })
      : await this.mapper.sekoia(source);
    return `{"version":1,"items":[${items.join(',')}]}`;
  }

  private async send(
    batch: OutboxBatch,
    attempts: { count: number },
    options: PushOptions,
  ): Promise<void> {
    const body = await this.bodyOf(batch);
    return withRetry(
      async () => {
        attempts.count += 1;
        const response = await request(SekoiaTargets.endpointOf(this.target), {
          method: 'POST',
          dispatcher: this.dispatcher,
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            'content-type': 'application/json',
            'user-agent': `s1-inventory/${packageJson.version}`,
          },
          body,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const text = await response.body.text();
        if (response.statusCode === 200) return;
        throw new SekoiaHttpError(
          response.statusCode,
          detailOf(text),
          parseRetryAfter(response.headers['retry-after']),
        );
      },
      options.retry ?? DEFAULT_PUSH_RETRY,
      SEKOIA_RETRY_RULES,
      options.signal,
    );
  }

  private finish(
    pushId: number,
    left: { skipped: number; decommissioned: number },
    message: string | undefined,
    consoleName: string | undefined,
  ): PushResult {
    const rows = this.outbox.batchRows(pushId);
    const deliveredRows = rows.filter((row) => row.state === 'delivered');
    const complete = message === undefined && deliveredRows.length === rows.length;
    const at = this.clock.now();
    this.outbox.finishPush(pushId, complete, at, message);
    const deliveredItems = deliveredRows.reduce((sum, row) => sum + row.items, 0);
    this.storage.audit.append(
      {
        action: 'push',
        format: 'sekoia',
        scope: { target: this.target.name, console: consoleName ?? 'all', push: pushId },
        recordCount: deliveredItems,
        sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
        destination: SekoiaTargets.endpointOf(this.target),
        details: {
          state: complete ? 'complete' : 'failed',
          batches: rows.map((row) => ({
            id: row.id,
            items: row.items,
            state: row.state,
            status: row.status,
          })),
        },
      },
      at,
    );
    return {
      pushId,
      state: complete ? 'complete' : 'failed',
      batches: rows.length,
      deliveredBatches: deliveredRows.length,
      failedBatches: rows.length - deliveredRows.length,
      items: rows.reduce((sum, row) => sum + row.items, 0),
      deliveredItems,
      skipped: left.skipped,
      decommissionedLeftOut: left.decommissioned,
      ...(message === undefined ? {} : { message }),
    };
  }
}

function detailOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; code?: unknown };
    return [body.code, body.message]
      .filter((part) => part !== undefined)
      .join(' ')
      .slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
