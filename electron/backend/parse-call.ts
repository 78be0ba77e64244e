import { CALLS, type CallName } from '../../shared/contract/contract';
import { InvalidArgumentError } from '../../shared/errors/app-error';

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(CALLS, name);
}

/**
 * Parses a call's arguments against the contract. Both transports (and Electron's main before
 * it relays) run every call through this; a bad argument never reaches a handler.
 */
export function parseCall(
  name: string,
  args: unknown,
): { ok: true; name: CallName; args: unknown } | { ok: false; error: InvalidArgumentError } {
  if (!isCallName(name)) {
    return { ok: false, error: new InvalidArgumentError(`There is no call named "${name}".`) };
  }
  const parsed = CALLS[name].args.safeParse(args ?? {});
  if (parsed.success) return { ok: true, name, args: parsed.data };
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
    .join('; ');
  return {
    ok: false,
    error: new InvalidArgumentError(`The arguments of ${name} are not valid: ${problems}.`),
  };
}
