import { createHash } from 'node:crypto';
import { PUSH_CONCURRENCY } from '../../adapters/tuning';
import { redact } from '../../adapters/logging/redact';
import { silentLogger, type Logger } from '../../adapters/logging/log-file';
import type { Storage } from '../../storage/storage';
import type { Clock } from '../../adapters/platform/clock';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from '../../adapters/http/retry';
import { SnapshotGoneError } from '../../storage/snapshot-record-store';
import type { OutboxStore, OutboxBatch } from '../../storage/outbox-store';
import { AppError } from '../../../shared/errors/app-error';
import type { PushOutcome } from '../../../shared/contract/views';
import { PushHttpError, type PushDestination } from './push-destination';

// Pushes the current devices to a target of any kind (its PushDestination). Unlike Sekoia's own
// SDK, no batch is ever dropped: batches are written to an outbox first and marked delivered
// only once the target accepts them.

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

export class NothingToResumeError extends AppError {
  override readonly name = 'NothingToResumeError';
  readonly code = 'not_found';
}

export class Pusher {
  private readonly outbox: OutboxStore;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    /** The target's id in push_targets, which its pushes refer to. */
    private readonly targetId: string,
    private readonly destination: PushDestination,
    private readonly log: Logger = silentLogger,
  ) {
    this.outbox = storage.outbox;
  }

  async push(options: PushOptions = {}): Promise<PushResult> {
    const { pushId, skipped, decommissioned } = options.resume
      ? { pushId: this.resumable(), skipped: 0, decommissioned: 0 }
      : this.fillOutbox(options.consoleName, options.agentIds, options.includeDecommissioned);
    this.outbox.markRunning(pushId);
    this.log.log('info', `push ${pushId} started`, {
      target: this.targetId,
      ...(options.resume ? { resume: true } : {}),
      ...(options.consoleName === undefined ? {} : { console: options.consoleName }),
    });
    let message: string | undefined;
    try {
      message = await this.deliver(pushId, options);
    } catch (error) {
      message = `The push stopped: ${(error as Error).message}. Resume the push to deliver what is left.`;
    }
    const result = this.finish(pushId, { skipped, decommissioned }, message, options.consoleName);
    const { state, deliveredItems, items, deliveredBatches, batches } = result;
    this.log.log(state === 'complete' ? 'info' : 'warn', `push ${pushId} ${state}`, {
      delivered: `${deliveredItems} of ${items} devices, ${deliveredBatches} of ${batches} batches`,
      ...(message === undefined ? {} : { message: this.redact(message) }),
    });
    return result;
  }

  /** Writes every batch of a new push to the outbox before anything is sent. */
  private fillOutbox(
    consoleName: string | undefined,
    agentIds: ReadonlySet<string> | undefined,
    includeDecommissioned = false,
  ): { pushId: number; skipped: number; decommissioned: number } {
    const scope = JSON.stringify({
      target: this.destination.targetName,
      console: consoleName ?? 'all',
      ...(agentIds === undefined ? {} : { agents: agentIds.size }),
      ...(includeDecommissioned ? { decommissioned: 'included' } : {}),
    });
    const pushId = this.outbox.startPush(this.targetId, scope, this.clock.now());
    const { skipped, decommissioned } = this.outbox.writeOutbox({
      pushId,
      batchSize: this.destination.batchSize,
      consoleName,
      agentIds,
      includeDecommissioned,
    });
    return { pushId, skipped, decommissioned };
  }

  private resumable(): number {
    const id = this.outbox.unfinishedPush(this.targetId);
    if (id === undefined)
      throw new NothingToResumeError(
        `Nothing to resume: every push to "${this.destination.targetName}" was delivered.`,
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
      const status = error instanceof PushHttpError ? error.status : null;
      if (status === 413 && batch.items > 1) return this.outbox.splitBatch(pushId, batch);
      this.outbox.markFailed(
        batch.id,
        attempts.count,
        status,
        this.redact((error as Error).message),
      );
      if (status === 413)
        return `A single device is larger than ${this.destination.targetName} accepts (413); it stays in the outbox.`;
      if (error instanceof PushHttpError && !this.destination.retryRules.isRetryable(error))
        return this.destination.stopMessage(error.status, error.detail);
      return `A batch could not be delivered after retrying: ${(error as Error).message}. Resume the push later.`;
    }
  }

  /** A batch's body: kept as it is (older batches), or made now from the agents it references. */
  private bodyOf(batch: OutboxBatch): Promise<string> {
    const source = this.outbox.bodySourceOf(batch);
    return 'body' in source ? Promise.resolve(source.body) : this.destination.body(source);
  }

  private async send(
    batch: OutboxBatch,
    attempts: { count: number },
    options: PushOptions,
  ): Promise<void> {
    const body = await this.bodyOf(batch);
    return withRetry(
      () => {
        attempts.count += 1;
        return this.destination.send(body, options.signal);
      },
      options.retry ?? DEFAULT_PUSH_RETRY,
      this.destination.retryRules,
      options.signal,
      ({ error, attempt, waitMs }) =>
        this.log.log('warn', `push batch ${batch.id} failed; retrying`, {
          attempt,
          reason: this.redact(error instanceof Error ? error.message : String(error)),
          ...(waitMs === undefined ? {} : { waitMs }),
        }),
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
    // Whatever the target answered is said only once its credentials are out of it.
    const said = message === undefined ? undefined : this.redact(message);
    const at = this.clock.now();
    this.outbox.finishPush(pushId, complete, at, said);
    const deliveredItems = deliveredRows.reduce((sum, row) => sum + row.items, 0);
    this.storage.audit.append(
      {
        action: 'push',
        format: this.destination.format,
        scope: { target: this.destination.targetName, console: consoleName ?? 'all', push: pushId },
        recordCount: deliveredItems,
        sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
        destination: this.destination.endpoint,
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
      ...(said === undefined ? {} : { message: said }),
    };
  }

  private redact(text: string): string {
    return redact(text, this.destination.secrets);
  }
}
