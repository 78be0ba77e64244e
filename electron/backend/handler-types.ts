import type { CallName, CallResult, ParsedArgs } from '../../shared/contract/contract';
import type { Backend } from './backend';

export type Handler<K extends CallName> = (
  args: ParsedArgs<K>,
  backend: Backend,
) => Promise<CallResult<K>> | CallResult<K>;

export type Handlers = { [K in CallName]: Handler<K> };

/** A part of the table; handler-table.ts checks the parts cover every call exactly once. */
export type HandlerGroup<K extends CallName> = { [P in K]: Handler<P> };
