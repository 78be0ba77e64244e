import { AppError } from '../../../shared/errors/app-error';

// What can go wrong talking to a SentinelOne console, as named errors. The sync engine maps
// them to Sumo's classes (ThirdPartyConfig / ThirdPartyGeneric); test-connection to outcomes.

export type NetworkFailure = 'dns' | 'refused' | 'timeout' | 'tls' | 'reset' | 'other';

/** The console could not be reached or the connection broke. */
export class S1NetworkError extends AppError {
  override readonly name = 'S1NetworkError';
  readonly code = 'network';
  constructor(
    readonly failure: NetworkFailure,
    /** The system's error code (ENOTFOUND, CERT_HAS_EXPIRED…). */
    readonly systemCode: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface S1ApiErrorEntry {
  code?: number;
  title?: string;
  detail?: string | null;
}

/** The console answered with an HTTP error status. */
export class S1HttpError extends AppError {
  override readonly name = 'S1HttpError';
  readonly code = 'remote_rejected';
  constructor(
    readonly status: number,
    readonly path: string,
    readonly errors: S1ApiErrorEntry[],
    readonly retryAfterMs: number | undefined,
    readonly looksLikeApi: boolean,
  ) {
    const first = errors[0];
    const what = first
      ? `${first.title ?? 'error'}${first.code ? ` (${first.code})` : ''}`
      : 'no error details';
    super(`GET ${path} answered HTTP ${status}: ${what}`);
  }

  hasCode(code: number): boolean {
    return this.errors.some((entry) => entry.code === code);
  }
}

/** The server answered 2xx, but not with SentinelOne's JSON (an HTML page, a truncated body). */
export class S1UnexpectedResponseError extends AppError {
  override readonly name = 'S1UnexpectedResponseError';
  readonly code = 'remote_rejected';
  constructor(
    readonly path: string,
    readonly contentType: string,
    readonly reason: string,
  ) {
    super(
      `${path} did not answer with SentinelOne JSON (${reason}; content-type ${contentType || 'none'})`,
    );
  }
}

/** The answer was larger than any page the API sends; reading on would exhaust memory. */
export class S1ResponseTooLargeError extends AppError {
  override readonly name = 'S1ResponseTooLargeError';
  readonly code = 'remote_rejected';
  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(
      `${path} answered with more than ${Math.round(maxBytes / 1024 / 1024)} MiB, far beyond any page of the API; ` +
        'it was not read further. Check that the console URL points at the SentinelOne console, not a proxy or another service.',
    );
  }
}

/**
 * The console sent more items than it could: a page beyond the limit asked for, or a walk far
 * beyond the count it gave. Read on, a hostile or broken console could make the app hold
 * millions of objects; the walk stops instead and what it had stored of this run is dropped.
 */
export class S1TooManyItemsError extends AppError {
  override readonly name = 'S1TooManyItemsError';
  readonly code = 'remote_rejected';
  constructor(
    readonly path: string,
    readonly scope: 'page' | 'walk',
    /** How many items had come when the walk stopped. */
    readonly received: number,
    /** The most that could have come: the page limit asked for, or the count plus a margin. */
    readonly allowed: number,
  ) {
    super(
      scope === 'page'
        ? `${path} answered a page of more than ${allowed} items where at most ${allowed} were asked for; it was not read further`
        : `${path} listed ${received} items where the console counted at most ${allowed} (its count and a margin for changes during the walk)`,
    );
  }
}
