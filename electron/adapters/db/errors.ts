/** The database file was written by a newer S1 Inventory; opening it could damage it. */
import { AppError } from '../../../shared/errors/app-error';
import { nextStep } from '../../../shared/errors/next-step';

export class DatabaseTooNewError extends AppError {
  override readonly name = 'DatabaseTooNewError';
  readonly code = 'unavailable';
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${path} was written by a newer S1 Inventory (schema ${found}; this version ` +
        `knows up to ${known}). Update S1 Inventory, or use another data directory.`,
      { nextStep: nextStep('update_app') },
    );
  }
}

/** The database could not be opened or migrated; the cause says why (disk, permissions…). */
export class DatabaseOpenError extends AppError {
  override readonly name = 'DatabaseOpenError';
  readonly code = 'unavailable';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `Could not open the database ${path}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Check that the data directory exists and is writable, or choose another.',
      { cause, nextStep: nextStep('choose_data_dir') },
    );
  }
}
