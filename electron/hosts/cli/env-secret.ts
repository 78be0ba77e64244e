import { AppError } from '../../../shared/errors/app-error';

/** A `--token-env VAR` / `--api-key-env VAR` secret for one run; never stored. */
export class EnvSecretError extends AppError {
  override readonly name = 'EnvSecretError';
  readonly code = 'secret_missing';
  constructor(
    readonly variable: string,
    readonly flag: '--token-env' | '--api-key-env',
  ) {
    super(
      `The environment variable ${variable} named by ${flag} is not set or is empty. ` +
        `Export the secret in it first, or drop ${flag} to use the one in the OS keychain.`,
    );
  }
}

export function secretFromEnv(
  variable: string,
  env: Readonly<Record<string, string | undefined>>,
  flag: '--token-env' | '--api-key-env',
): string {
  const value = env[variable]?.trim();
  if (!value) throw new EnvSecretError(variable, flag);
  return value;
}
