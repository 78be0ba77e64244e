// Errors an analyst meets while setting up consoles. Each says what happened and what to do.

export class InvalidConsoleUrlError extends Error {
  override readonly name = 'InvalidConsoleUrlError';
}

export class InvalidConsoleSettingError extends Error {
  override readonly name = 'InvalidConsoleSettingError';
}

export class DuplicateConsoleError extends Error {
  override readonly name = 'DuplicateConsoleError';
}

export class ConsoleNotFoundError extends Error {
  override readonly name = 'ConsoleNotFoundError';
  constructor(readonly consoleName: string) {
    super(`No console is named "${consoleName}". See the configured ones with: s1inv console list`);
  }
}

export class TokenMissingError extends Error {
  override readonly name = 'TokenMissingError';
  constructor(readonly consoleName: string) {
    super(
      `No API token is stored for console "${consoleName}". Store one with ` +
        `"s1inv console set-token ${consoleName} --token-stdin", or pass one for this run with --token-env VAR.`,
    );
  }
}

export class ConsoleHasDataError extends Error {
  override readonly name = 'ConsoleHasDataError';
  constructor(
    readonly consoleName: string,
    readonly data: { agents: number; threats: number; activities: number },
  ) {
    super(
      `Console "${consoleName}" has synced data (${data.agents} agents, ${data.threats} threats, ${data.activities} activities). ` +
        `Export what you need first, then remove it with: s1inv console remove "${consoleName}" --delete-data`,
    );
  }
}
