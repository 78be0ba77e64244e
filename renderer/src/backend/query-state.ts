import type { ContractError, Envelope } from '../../../shared/contract/contract';

/** What a query last answered, and for which arguments (their JSON). */
export interface QueryState<T> {
  key?: string;
  data?: T;
  error?: ContractError;
}

/**
 * The state after an answer for `key`: a failure keeps what the same arguments answered before
 * (a reload that failed), never what other arguments did — the device drawer once showed the
 * previous device's details under the next one's id when the next one failed (issue 27, N17).
 */
export function answered<T>(
  previous: QueryState<T>,
  key: string,
  envelope: Envelope<T>,
): QueryState<T> {
  if (envelope.ok) return { key, data: envelope.value };
  const kept = previous.key === key && previous.data !== undefined ? { data: previous.data } : {};
  return { key, ...kept, error: envelope.error };
}

/** What to show for `key`: nothing of other arguments' answer while these load. */
export function shownFor<T>(state: QueryState<T>, key: string): Omit<QueryState<T>, 'key'> {
  return state.key === key ? { data: state.data, error: state.error } : {};
}
