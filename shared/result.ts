/**
 * The envelope every fallible call returns across a boundary (process, transport, layer):
 * callers branch on `ok` instead of catching, and the error is a value they can inspect.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
