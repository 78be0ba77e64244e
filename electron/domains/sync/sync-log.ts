import type { Logger } from '../../adapters/logging/log-file';
import type { RetryEvent } from '../../adapters/http/retry';
import { redact } from '../../adapters/logging/redact';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { SinceSpec } from '../../../shared/sentinelone/history-window';
import type { ApiSyncResult, ConsoleSyncResult, SyncProgress } from './sync-types';

// What one console's sync writes to the host's log, so that "why did last night's sync take an
// hour" is answered by opening it: the start, every retry and the wait the API asked for (warn),
// each page (debug), each API's outcome and window, and the end with its duration. Every line
// names the console; the token is redacted here and again by the logger.

export class SyncLog {
  private readonly startedAt: number;

  constructor(
    private readonly log: Logger,
    private readonly record: ConsoleRecord,
    private readonly token: string,
    private readonly now: () => Date,
  ) {
    this.startedAt = now().getTime();
  }

  started(apis: readonly string[], since: SinceSpec | undefined): void {
    this.log.log('info', `sync of "${this.record.name}" started`, {
      url: this.record.url,
      apis: apis.join(','),
      ...(since === undefined ? {} : { since: 'days' in since ? `${since.days}d` : since.date }),
    });
  }

  page(progress: SyncProgress): void {
    this.log.log('debug', `sync of "${this.record.name}": ${progress.api} page stored`, {
      fetched: progress.fetched,
      ...(progress.expected === undefined ? {} : { expected: progress.expected }),
    });
  }

  retry(event: RetryEvent & { path: string }): void {
    // The error names the request (`GET /agents answered HTTP 429 …`).
    const reason = redact(
      event.error instanceof Error
        ? event.error.message
        : `GET ${event.path}: ${String(event.error)}`,
      [this.token],
    );
    const wait =
      event.waitMs === undefined
        ? 'with backoff'
        : `after the ${Number((event.waitMs / 1000).toFixed(1))} s the API asked for`;
    this.log.log('warn', `sync of "${this.record.name}": ${reason}; retrying ${wait}`, {
      attempt: event.attempt,
      ...(event.waitMs === undefined ? {} : { waitMs: event.waitMs }),
    });
  }

  ended(result: ConsoleSyncResult): void {
    for (const [api, run] of Object.entries(result.apis)) this.apiEnded(api, run);
    const failed = Object.values(result.apis).some((run) => run.state === 'failed');
    this.log.log(failed ? 'warn' : 'info', `sync of "${this.record.name}" ended`, {
      state: result.state,
      seconds: this.seconds(),
    });
  }

  failed(error: unknown): void {
    this.log.log('error', `sync of "${this.record.name}" failed`, {
      error: redact(error instanceof Error ? error.message : String(error), [this.token]),
      seconds: this.seconds(),
    });
  }

  private apiEnded(api: string, run: ApiSyncResult): void {
    this.log.log(
      run.state === 'failed' ? 'warn' : 'info',
      `sync of "${this.record.name}": ${api} ${run.state}`,
      {
        fetched: run.fetched,
        ...(run.expected === undefined ? {} : { expected: run.expected }),
        ...(run.new === undefined ? {} : { new: run.new }),
        ...(run.malformed > 0 ? { malformed: run.malformed } : {}),
        // The window the run read: from `since` (null: everything the console keeps) to now.
        ...(run.window === undefined ? {} : { window: run.window }),
        ...(run.errors[0] ? { error: run.errors[0].message, errors: run.errors.length } : {}),
      },
    );
  }

  private seconds(): number {
    return Math.round((this.now().getTime() - this.startedAt) / 100) / 10;
  }
}
