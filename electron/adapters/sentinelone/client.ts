import { request, type Dispatcher } from 'undici';
import { MAX_RESPONSE_BYTES } from '../tuning';
import packageJson from '../../../package.json' with { type: 'json' };
import { classifyNetworkError, errorCodeOf } from '../http/network-failure';
import {
  S1HttpError,
  S1NetworkError,
  S1UnexpectedResponseError,
  type S1ApiErrorEntry,
  S1ResponseTooLargeError,
} from './errors';

export const API_PREFIX = '/web/api/v2.1';
const USER_AGENT = `s1-inventory/${packageJson.version}`;

export type Query = Record<string, string | number | boolean | undefined>;

export interface S1Response<T> {
  status: number;
  body: T;
  /** The body exactly as received, for storing raw objects byte-exact. */
  text: string;
}

export interface S1ClientOptions {
  /** The normalised console URL (scheme + host + port). */
  baseUrl: string;
  token: string;
  dispatcher: Dispatcher;
  /** The largest answer read; more is refused (default 64 MiB, ~20 pages' worth of agents). */
  maxResponseBytes?: number;
}

export { MAX_RESPONSE_BYTES };

/**
 * SentinelOne Management API v2.1 over HTTP: `Authorization: ApiToken …`, JSON in and out,
 * failures as named errors. The token goes into the header and nowhere else (never a query
 * string, never an error message).
 */
export class S1Client {
  constructor(private readonly options: S1ClientOptions) {}

  async get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<S1Response<T>> {
    return parseJson<T>(path, await this.send('GET', path, query, undefined, signal));
  }

  /**
   * The body's bytes, unparsed: list pages are split into raw elements by the caller.
   * `onSend` is called as the request leaves.
   */
  async getBytes(
    path: string,
    query: Query = {},
    signal?: AbortSignal,
    onSend?: () => void,
  ): Promise<Buffer> {
    return (await this.send('GET', path, query, undefined, signal, onSend)).bytes;
  }

  async post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<S1Response<T>> {
    return parseJson<T>(path, await this.send('POST', path, {}, JSON.stringify(body), signal));
  }

  /** The token's own details (expiry). The API wants the token in the body of this one call. */
  tokenDetails<T>(signal?: AbortSignal): Promise<S1Response<T>> {
    return this.post<T>(
      '/users/api-token-details',
      { data: { apiToken: this.options.token } },
      signal,
    );
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    body: string | undefined,
    signal: AbortSignal | undefined,
    onSend?: () => void,
  ): Promise<RawResponse> {
    const url = new URL(API_PREFIX + path, this.options.baseUrl);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    let response: Dispatcher.ResponseData;
    let bytes: Buffer;
    onSend?.();
    try {
      response = await request(url, {
        method,
        dispatcher: this.options.dispatcher,
        headers: {
          authorization: `ApiToken ${this.options.token}`,
          accept: 'application/json',
          'user-agent': USER_AGENT,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
        ...(signal ? { signal } : {}),
      });
      bytes = await readBounded(
        response,
        path,
        this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
      );
    } catch (error) {
      if (signal?.aborted || error instanceof S1ResponseTooLargeError) throw error;
      const failure = classifyNetworkError(error);
      throw new S1NetworkError(failure, errorCodeOf(error), describe(error));
    }
    const contentType = String(response.headers['content-type'] ?? '');
    if (response.statusCode >= 400) {
      const errors = parseErrors(bytes.toString('utf8'));
      throw new S1HttpError(
        response.statusCode,
        path,
        errors ?? [],
        parseRetryAfter(response.headers['retry-after']),
        errors !== undefined,
      );
    }
    const head = bytes.subarray(0, 512).toString('utf8');
    if (/^\s*</.test(head.slice(0, 64))) {
      const reason = /<html|<!doctype/i.test(head) ? 'an HTML page' : 'not JSON';
      throw new S1UnexpectedResponseError(path, contentType, reason);
    }
    return { status: response.statusCode, bytes, contentType };
  }
}

/**
 * The body, read with a cap: a console (or something posing as one) that answers without end
 * is stopped at the cap, so memory stays bounded, instead of growing until V8 gives up.
 */
async function readBounded(
  response: Dispatcher.ResponseData,
  path: string,
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw new S1ResponseTooLargeError(path, maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.body.destroy();
      throw new S1ResponseTooLargeError(path, maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

interface RawResponse {
  status: number;
  bytes: Buffer;
  contentType: string;
}

function parseJson<T>(path: string, response: RawResponse): S1Response<T> {
  try {
    const text = response.bytes.toString('utf8');
    return { status: response.status, body: JSON.parse(text) as T, text };
  } catch {
    throw new S1UnexpectedResponseError(path, response.contentType, 'not valid JSON');
  }
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (
    let current: unknown = error;
    current instanceof Error && parts.length < 3;
    current = current.cause
  ) {
    if (current.message && !parts.includes(current.message)) parts.push(current.message);
  }
  return parts.join(': ') || String(error);
}

function parseErrors(text: string): S1ApiErrorEntry[] | undefined {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    return Array.isArray(body.errors) ? (body.errors as S1ApiErrorEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(
  header: string | string[] | undefined,
  now = Date.now(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
