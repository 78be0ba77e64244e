import { classifyError } from '../../adapters/sentinelone/error-class';
import {
  S1HttpError,
  S1NetworkError,
  S1TooManyItemsError,
} from '../../adapters/sentinelone/errors';
import { ENTITIES, type EntityName } from '../../../shared/entities';
import type { ApiSyncContext } from './api-sync-context';
import type { ApiSyncResult } from './sync-types';

/** Ends a walk that threw: the run is marked, the error classified and reported in health. */
export function failedResult(
  context: ApiSyncContext,
  api: EntityName,
  runId: number,
  error: unknown,
  counts: { fetched: number; expected: number | undefined; malformed: number },
): ApiSyncResult {
  const at = context.clock.now();
  const cancelled =
    error instanceof Error && (error.name === 'AbortError' || context.fetcher.aborted);
  const errorClass = classifyError(error);
  // A console may echo the token in an error's title: the message is redacted before it is
  // stored in the run, the health event and the result (issue 27, H9).
  const message = cancelled
    ? 'The sync was cancelled.'
    : context.redact(describeFailure(api, error, errorClass));
  context.runs.finish(runId, cancelled ? 'cancelled' : 'failed', at, counts.expected, message);
  if (!cancelled) {
    context.health.record(
      {
        consoleId: context.console.id,
        api,
        errorClass,
        severity: 'error',
        message,
        details: { fetched: counts.fetched },
      },
      at,
    );
  }
  return {
    state: cancelled ? 'cancelled' : 'failed',
    fetched: counts.fetched,
    ...(counts.expected === undefined ? {} : { expected: counts.expected }),
    complete: false,
    malformed: counts.malformed,
    errors: cancelled ? [] : [{ errorClass, message }],
  };
}

export function describeFailure(api: EntityName, error: unknown, errorClass: string): string {
  const what = error instanceof Error ? error.message : String(error);
  const needs = ENTITIES[api]?.needs;
  const next =
    needs !== undefined && error instanceof S1HttpError && error.status === 403
      ? `Reading ${api} takes ${needs}, which this token or console lacks. Grant it, or leave ${api} out of this console's syncs (its settings, or --apis); the other entities sync on.`
      : error instanceof S1NetworkError && error.failure === 'dns'
        ? 'The host name does not resolve: check the console URL, or connect the VPN or network it needs, then sync again.'
        : error instanceof S1TooManyItemsError
          ? "Nothing of this walk was kept and the inventory stays the last complete one. Check that the console URL points at the SentinelOne console itself (not a proxy or another service), then sync again; if it happens again, tell the console's administrator."
          : errorClass === 'ThirdPartyConfig'
            ? 'Check the console URL, the token and its permissions (test the connection), then sync again.'
            : errorClass === 'ThirdPartyGeneric'
              ? 'The console or the network kept failing; sync again later.'
              : 'A local problem (database, disk or keychain); check free space and permissions, then sync again.';
  return `The ${api} sync stopped: ${what}. ${next}`;
}
