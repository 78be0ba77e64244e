// The named errors of the backend share one base: each carries the contract's code, so the
// mapping to the envelope is a property, not a table of class names that can fall behind.

export const ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'conflict',
  'keychain_unavailable',
  'secret_missing',
  'network',
  'remote_rejected',
  'file',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
}

/** Arguments that passed the contract's schema but make no sense here (a stale cursor…). */
export class InvalidArgumentError extends AppError {
  override readonly name = 'InvalidArgumentError';
  readonly code = 'invalid_argument';
}
