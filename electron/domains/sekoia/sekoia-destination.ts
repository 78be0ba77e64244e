import { request, type Dispatcher } from 'undici';
import packageJson from '../../../package.json' with { type: 'json' };
import { createDispatcher } from '../../adapters/http/dispatcher';
import type { RetryRules } from '../../adapters/http/retry';
import { parseRetryAfter } from '../../adapters/sentinelone/client';
import { sekoiaRecordsOf } from '../../storage/snapshot-record-store';
import { inlinePrecomputer, type Precomputer } from '../precompute/precomputer';
import { PushHttpError, type PushDestination } from '../push/push-destination';
import { SekoiaTargets, type SekoiaTarget } from './sekoia-targets';

// Sekoia.io's asset connector as a push destination: its endpoint, Bearer key, batch limit
// and dialect (`{"version":1,"items":[…]}` of Sekoia's device records), and what its statuses
// mean to an analyst.

const retryable = (error: unknown) =>
  !(error instanceof PushHttpError) || error.status === 429 || error.status >= 500;

/** Network errors, 429 and 5xx are retried; a 429 waits out its Retry-After. */
const SEKOIA_RETRY_RULES: RetryRules = {
  isRetryable: retryable,
  waitBeforeRetryMs: (error, policy) =>
    error instanceof PushHttpError && error.status === 429
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

/** Sekoia's error body (`{code, message}`), or its first characters. */
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

export function sekoiaDestination(
  target: SekoiaTarget,
  apiKey: string,
  /** Where each batch's records are mapped as it is sent; worker threads in the product. */
  mapper: Pick<Precomputer, 'sekoia'> = inlinePrecomputer,
  dispatcher: Dispatcher = createDispatcher({ readTimeoutMs: 30_000 }),
): PushDestination {
  const endpoint = SekoiaTargets.endpointOf(target);
  return {
    targetName: target.name,
    format: 'sekoia',
    endpoint,
    batchSize: target.batchSize,
    retryRules: SEKOIA_RETRY_RULES,
    stopMessage,
    secrets: [apiKey],
    async body(sources) {
      const items = target.legacyDeviceTypes
        ? sekoiaRecordsOf(sources, { legacyDeviceTypes: true })
        : await mapper.sekoia(sources);
      return `{"version":1,"items":[${items.join(',')}]}`;
    },
    async send(body, signal) {
      const response = await request(endpoint, {
        method: 'POST',
        dispatcher,
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'user-agent': `s1-inventory/${packageJson.version}`,
        },
        body,
        ...(signal ? { signal } : {}),
      });
      const text = await response.body.text();
      if (response.statusCode === 200) return;
      throw new PushHttpError(
        'Sekoia',
        response.statusCode,
        detailOf(text),
        parseRetryAfter(response.headers['retry-after']),
      );
    },
  };
}
