/**
 * A copy of `value` without its undefined entries. Both output dialects omit absent values
 * (OCSF counts null as absent; Sekoia's connector drops None), and a record built with
 * optional spreads would otherwise carry keys with nothing in them.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const entry = value[key];
    if (entry !== undefined) out[key] = entry;
  }
  return out as T;
}
