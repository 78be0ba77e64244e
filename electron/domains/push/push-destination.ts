import type { RetryRules } from '../../adapters/http/retry';
import type { SekoiaSources } from '../../storage/snapshot-record-store';
import { AppError } from '../../../shared/errors/app-error';

/** A target answered a batch with an HTTP status other than success. */
export class PushHttpError extends AppError {
  override readonly name = 'PushHttpError';
  readonly code = 'remote_rejected';
  constructor(
    /** Who answered, in words: "Sekoia". */
    readonly who: string,
    readonly status: number,
    readonly detail: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${who} answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * Where one push sends its batches: a kind of target's HTTP, authentication, limits and dialect.
 * The outbox, resume, retries, splitting and the audit log are the Pusher's, for every kind.
 */
export interface PushDestination {
  /** The audit log's words: the target's name, its format, and where batches go. */
  targetName: string;
  format: string;
  endpoint: string;
  /** The most devices one batch holds. */
  batchSize: number;
  /** A batch's body, from the raw agents it references (in the order given). */
  body(sources: SekoiaSources): Promise<string>;
  /** Sends one body: resolves once accepted, throws PushHttpError for any other status. */
  send(body: string, signal?: AbortSignal): Promise<void>;
  /** Which failures are retried, and what a 429 waits. */
  retryRules: RetryRules;
  /** What to tell the analyst when a status stops the push (it stays resumable). */
  stopMessage(status: number, detail: string): string;
  /**
   * The credentials batches are sent with: a target may echo them in an error body, and every
   * message the push keeps or shows is redacted of them (issue 27, as H9 for consoles).
   */
  secrets: readonly string[];
}
