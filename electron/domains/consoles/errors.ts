import { AppError } from '../../../shared/errors/app-error';
import { nextStep } from '../../../shared/errors/next-step';
import type { ConsoleDataCounts } from '../../storage/console-repository';

// Errors an analyst meets while setting up consoles. Each says what happened and what to do.

export class InvalidConsoleUrlError extends AppError {
  override readonly name = 'InvalidConsoleUrlError';
  readonly code = 'invalid_argument';
}

export class InvalidConsoleSettingError extends AppError {
  override readonly name = 'InvalidConsoleSettingError';
  readonly code = 'invalid_argument';
}

export class DuplicateConsoleError extends AppError {
  override readonly name = 'DuplicateConsoleError';
  readonly code = 'conflict';
}

export class ConsoleNotFoundError extends AppError {
  override readonly name = 'ConsoleNotFoundError';
  readonly code = 'not_found';
  constructor(readonly consoleName: string) {
    super(`No console is named "${consoleName}".`, { nextStep: nextStep('list_consoles') });
  }
}

export class TokenMissingError extends AppError {
  override readonly name = 'TokenMissingError';
  readonly code = 'secret_missing';
  constructor(readonly consoleName: string) {
    super(`No API token is stored for console "${consoleName}".`, {
      nextStep: nextStep('set_token', consoleName),
    });
  }
}

export class ConsoleHasDataError extends AppError {
  override readonly name = 'ConsoleHasDataError';
  readonly code = 'conflict';
  constructor(
    readonly consoleName: string,
    readonly data: ConsoleDataCounts,
  ) {
    const more = [
      ...(data.applications > 0 ? [`the applications of ${data.applications} devices`] : []),
      ...(data.cveRows > 0 ? [`${data.cveRows} CVE rows`] : []),
    ];
    super(
      `Console "${consoleName}" has synced data (${[`${data.agents} agents`, `${data.threats} threats`, `${data.activities} activities`, ...more].join(', ')}). ` +
        'Export what you need first, then remove it together with its data.',
      { nextStep: nextStep('remove_console_with_data', consoleName) },
    );
  }
}

/** A console cannot be removed while one of its syncs runs, here or in another process. */
export class ConsoleSyncingError extends AppError {
  override readonly name = 'ConsoleSyncingError';
  readonly code = 'conflict';
  constructor(consoleName: string, holder?: { host: string; pid: number; acquiredAt: string }) {
    super(
      holder
        ? `A sync of "${consoleName}" is running in another S1 Inventory process (pid ${holder.pid} on ${holder.host}, since ${holder.acquiredAt}); wait for it to end or stop that process, then remove the console.`
        : `A sync of "${consoleName}" is running; wait for it to end or cancel it, then remove the console.`,
    );
  }
}
