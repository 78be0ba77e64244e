import type { ContractError, ErrorCode } from '../../shared/contract/contract';
import { redact } from '../adapters/logging/redact';

// Named errors of the Node modules → the contract's codes. The message is already written for
// the analyst (what happened, what to do); it is redacted once more on the way out.

const CODES: Record<string, ErrorCode> = {
  ConsoleNotFoundError: 'not_found',
  SekoiaTargetNotFoundError: 'not_found',
  NothingToResumeError: 'not_found',
  DuplicateConsoleError: 'conflict',
  ConsoleHasDataError: 'conflict',
  SyncAlreadyRunningError: 'conflict',
  InvalidConsoleSettingError: 'invalid_argument',
  InvalidConsoleUrlError: 'invalid_argument',
  InvalidExportRequestError: 'invalid_argument',
  InvalidSekoiaTargetError: 'invalid_argument',
  ConfigImportError: 'invalid_argument',
  InvalidArgumentError: 'invalid_argument',
  SecretStoreUnavailableError: 'keychain_unavailable',
  TokenMissingError: 'secret_missing',
  SekoiaKeyMissingError: 'secret_missing',
  FileWriteError: 'file',
  DatabaseOpenError: 'unavailable',
  DatabaseTooNewError: 'unavailable',
};

export function toContractError(error: unknown): ContractError {
  if (error instanceof Error) {
    const code = CODES[error.name];
    if (code) return { name: error.name, code, message: redact(error.message) };
    return {
      name: 'InternalError',
      code: 'internal',
      message: `Something went wrong inside S1 Inventory: ${redact(error.message)}. Try again; if it persists, report it with the steps that led here.`,
    };
  }
  return {
    name: 'InternalError',
    code: 'internal',
    message: 'Something went wrong inside S1 Inventory. Try again.',
  };
}
