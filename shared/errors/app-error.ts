import type { NextStep } from './next-step';

// The named errors of the backend share one base: each carries the contract's code, so the
// mapping to the envelope is a property, not a table of class names that can fall behind, and
// an optional next step that each host words its own way.

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

export interface AppErrorOptions {
  nextStep?: NextStep;
  cause?: unknown;
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  readonly nextStep: NextStep | undefined;

  constructor(message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.nextStep = options.nextStep;
  }
}

/** Arguments that passed the contract's schema but make no sense here (a stale cursor…). */
export class InvalidArgumentError extends AppError {
  override readonly name = 'InvalidArgumentError';
  readonly code = 'invalid_argument';
}
