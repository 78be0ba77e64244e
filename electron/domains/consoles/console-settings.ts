import { readBoundedFile, UnreadableFileError } from '../../adapters/files/bounded-read';
import { isAbsolute } from 'node:path';
import { ENTITIES, isEntityName, ENTITY_NAMES, type EntityName } from '../../../shared/entities';
import type { ConsoleSettings } from '../../../shared/contract/console-settings';
import type { ConsoleRecord } from '../../storage/console-repository';
import { normaliseConsoleUrl } from './console-url';
import { InvalidConsoleSettingError } from './errors';
import { nameProblem } from '../../../shared/names';
import { parseSince, type SinceSpec } from '../../../shared/sentinelone/history-window';

// Validation of what an analyst types for a console, shared by the CLI, the config import
// and (through the contract) the app's forms.

export function validateConsoleName(input: string): string {
  const name = input.trim();
  const problem = nameProblem(name, 'console');
  if (problem) throw new InvalidConsoleSettingError(problem);
  return name;
}

export function parseApis(input: readonly string[] | undefined): EntityName[] {
  if (input === undefined || input.length === 0)
    return ENTITY_NAMES.filter((name) => ENTITIES[name].syncedByDefault);
  const apis: EntityName[] = [];
  for (const raw of input) {
    const api = raw.trim();
    if (!isEntityName(api)) {
      throw new InvalidConsoleSettingError(
        `Unknown entity "${raw}". Choose among: ${ENTITY_NAMES.join(', ')}.`,
      );
    }
    if (!apis.includes(api)) apis.push(api);
  }
  return apis;
}

/** A per-console proxy. Credentials are refused: they would be a secret stored in SQLite. */
export function validateProxyUrl(input: string | undefined): string | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new InvalidConsoleSettingError(
      `The proxy "${input}" is not a URL. Give it as http://host:port.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidConsoleSettingError(
      `The proxy "${input}" must be an http:// or https:// URL.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidConsoleSettingError(
      'Proxy credentials in the URL are not supported: they would be stored in plain text. Use HTTPS_PROXY for an authenticated proxy.',
    );
  }
  return `${url.protocol}//${url.host}`;
}

/**
 * A CA bundle must be a readable PEM file, given by absolute path; the path is stored, never
 * the content. Empty means none.
 */
export function validateCaBundle(input: string | undefined): string | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const path = input.trim();
  if (!isAbsolute(path)) {
    throw new InvalidConsoleSettingError(
      `The CA bundle "${path}" is not an absolute path. Give the full path of a PEM file.`,
    );
  }
  const text = readCaBundle(path);
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InvalidConsoleSettingError(
      `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----). Give the path of a PEM file.`,
    );
  }
  return path;
}

/** The most a CA bundle may weigh: the whole Mozilla bundle is ~220 KB. */
export const MAX_CA_BUNDLE_BYTES = 1024 * 1024;

/**
 * A CA bundle's text, read only from a regular file of at most 1 MB: a device or a FIFO named in
 * a shared configuration cannot make the app read forever or hang (issue 27, R24).
 */
export function readCaBundle(path: string): string {
  try {
    return readBoundedFile(path, MAX_CA_BUNDLE_BYTES).toString('utf8');
  } catch (error) {
    const why = error instanceof UnreadableFileError ? error.why : (error as Error).message;
    throw new InvalidConsoleSettingError(
      `The CA bundle ${path} ${why}. Give the path of a PEM file of at most 1 MB.`,
    );
  }
}

/** A console's history setting (`90d` or `2025-01-01`); empty means the defaults. */
export function validateHistorySince(input: string | undefined): string | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const parsed = parseSince(input);
  if ('problem' in parsed)
    throw new InvalidConsoleSettingError(
      `The history setting ${parsed.problem} Give a date (2025-01-01), a number of days (90d), or leave it empty for the defaults.`,
    );
  return input.trim();
}

/** The most snapshots a console keeps: each costs only the agents that changed, but a year of
 * hourly syncs would still be a lot of rows to prune and to list. */
export const MAX_KEEP_SNAPSHOTS = 100;

/** How many complete snapshots a console keeps (1–100); undefined means the default. */
export function validateKeepSnapshots(input: number | undefined): number | undefined {
  if (input === undefined) return undefined;
  if (!Number.isInteger(input) || input < 1 || input > MAX_KEEP_SNAPSHOTS)
    throw new InvalidConsoleSettingError(
      `Snapshots to keep must be a whole number from 1 to ${MAX_KEEP_SNAPSHOTS} (got ${input}). Keep 2 to compare each sync with the one before it, more to compare with older ones.`,
    );
  return input;
}

/** A stored history setting, parsed; stored values were validated, so a bad one reads as unset. */
export function parseConsoleSince(stored: string | undefined): SinceSpec | undefined {
  if (stored === undefined) return undefined;
  const parsed = parseSince(stored);
  return 'problem' in parsed ? undefined : parsed;
}

/** Settings as stored: each checked and normalised; unset (or emptied) ones undefined. */
export type CheckedSettings = Pick<
  ConsoleRecord,
  'name' | 'url' | 'apis' | 'proxyUrl' | 'caBundle' | 'historySince' | 'keepSnapshots'
>;

type Checks = {
  [K in keyof ConsoleSettings]-?: (value: ConsoleSettings[K]) => CheckedSettings[K];
};

const CHECKS: Checks = {
  name: (value) => validateConsoleName(value!),
  url: (value) => normaliseConsoleUrl(value!),
  apis: parseApis,
  proxyUrl: validateProxyUrl,
  caBundle: validateCaBundle,
  historySince: validateHistorySince,
  keepSnapshots: validateKeepSnapshots,
};

/**
 * Checks the settings given (one left out or undefined is not checked, and not in the result;
 * an empty one checks to undefined, which removes it from a record), the one
 * check for the add and edit of every host and for a configuration import. Each problem names
 * its key, so an import can point at it.
 */
export function checkSettings(input: Partial<ConsoleSettings>): {
  settings: Partial<CheckedSettings>;
  problems: { key: keyof ConsoleSettings; error: Error }[];
} {
  const settings: Record<string, unknown> = {};
  const problems: { key: keyof ConsoleSettings; error: Error }[] = [];
  for (const key of Object.keys(CHECKS) as (keyof ConsoleSettings)[]) {
    if (input[key] === undefined) continue;
    try {
      settings[key] = (CHECKS[key] as (value: unknown) => unknown)(input[key]);
    } catch (error) {
      problems.push({ key, error: error as Error });
    }
  }
  return { settings: settings as Partial<CheckedSettings>, problems };
}

/** The settings to store: the checked ones over the record's, unset ones left out. */
export function mergedSettings(
  base: Partial<CheckedSettings>,
  changes: Partial<CheckedSettings>,
): CheckedSettings {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...base, ...changes })) {
    if (value !== undefined && value !== '') merged[key] = value;
  }
  return merged as unknown as CheckedSettings;
}
