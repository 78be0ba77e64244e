import type { CallName, CallResult, Envelope } from '../../shared/contract/contract';
import type { Backend } from './backend';
import { toContractError } from './contract-errors';
import { parseCall } from './parse-call';
import { HANDLERS } from './handler-table';
import type { Handler } from './handler-types';

/** Runs one call: parse, handle, and wrap the outcome in the contract's envelope. */
export async function dispatch(
  backend: Backend,
  name: string,
  args: unknown,
): Promise<Envelope<CallResult<CallName>>> {
  const call = parseCall(name, args);
  if (!call.ok) return { ok: false, error: toContractError(call.error) };
  try {
    const handler = HANDLERS[call.name] as Handler<CallName>;
    return { ok: true, value: await handler(call.args as never, backend) };
  } catch (error) {
    const refused = toContractError(error);
    // A bug is logged with its stack; a refusal (a named error) with its code. Both redacted.
    backend.log.log(refused.code === 'internal' ? 'error' : 'warn', `${name} failed`, {
      code: refused.code,
      message: refused.message,
      ...(refused.code === 'internal' && error instanceof Error ? { stack: error.stack } : {}),
    });
    return { ok: false, error: refused };
  }
}
