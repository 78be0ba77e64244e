/** The database file was written by a newer S1 Inventory; opening it could damage it. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${path} was written by a newer S1 Inventory (schema ${found}; this version ` +
        `knows up to ${known}). Update S1 Inventory, or use another --data-dir.`,
    );
  }
}

/** The database could not be opened or migrated; the cause says why (disk, permissions…). */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `Could not open the database ${path}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Check that the data directory exists and is writable, or choose another with --data-dir.',
      { cause },
    );
  }
}
