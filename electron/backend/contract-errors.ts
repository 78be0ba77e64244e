import type { ContractError } from '../../shared/contract/contract';
import { AppError } from '../../shared/errors/app-error';
import { redact } from '../adapters/logging/redact';

// A thrown error → the contract's error. Named errors carry their code and next step; the
// message is already written for the analyst (what happened, what to do) and is redacted once
// more on the way out. Anything else is a bug, reported as such.

export function toContractError(error: unknown): ContractError {
  if (error instanceof AppError) {
    return {
      name: error.name,
      code: error.code,
      message: redact(error.message),
      ...(error.nextStep ? { nextStep: error.nextStep } : {}),
    };
  }
  return {
    name: 'InternalError',
    code: 'internal',
    message:
      error instanceof Error
        ? `Something went wrong inside S1 Inventory: ${redact(error.message)}. Try again; if it persists, report it with the steps that led here.`
        : 'Something went wrong inside S1 Inventory. Try again.',
  };
}
