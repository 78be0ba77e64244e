import { randomUUID } from 'node:crypto';
import type { Db } from '../../adapters/db/database';
import type { Clock } from '../../adapters/platform/clock';
import { ConsoleRepository, type ConsoleRecord } from '../consoles/console-repository';
import { normaliseConsoleUrl } from '../consoles/console-url';
import { parseApis, validateConsoleName, validateProxyUrl } from '../consoles/console-settings';
import {
  CONFIG_FORMAT,
  CONFIG_VERSION,
  jsonPath,
  parseConfigFile,
  type ConfigFile,
  type ConfigProblem,
} from './config-file';
import { AppError } from '../../../shared/errors/app-error';

export class ConfigImportError extends AppError {
  override readonly name = 'ConfigImportError';
  readonly code = 'invalid_argument';
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${source} was not imported; nothing was changed. Fix these and import again:\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
}

export interface ImportSummary {
  added: string[];
  updated: string[];
}

/** The configuration as a file: names, URLs, APIs and options. No token, ever. */
export function exportConfig(db: Db): ConfigFile {
  return {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    consoles: new ConsoleRepository(db).list().map((record) => ({
      name: record.name,
      url: record.url,
      apis: record.apis,
      ...(record.proxyUrl === undefined ? {} : { proxyUrl: record.proxyUrl }),
      ...(record.caBundle === undefined ? {} : { caBundle: record.caBundle }),
    })),
  };
}

/**
 * Imports a configuration: consoles are matched by name and updated, or added without a token.
 * All or nothing: every problem is reported with its JSON path and nothing is written unless
 * the whole file is good.
 */
export function importConfig(db: Db, clock: Clock, text: string, source: string): ImportSummary {
  const { config, problems } = parseConfigFile(text);
  if (!config) throw new ConfigImportError(source, problems);

  const repository = new ConsoleRepository(db);
  const planned: { record: ConsoleRecord; existing: boolean }[] = [];
  const seenNames = new Map<string, number>();
  const seenUrls = new Map<string, number>();
  const now = clock.now().toISOString();

  config.consoles.forEach((entry, index) => {
    const at = (key: string) => jsonPath(['consoles', index, key]);
    const check = <T>(key: string, run: () => T): T | undefined => {
      try {
        return run();
      } catch (error) {
        problems.push({ path: at(key), message: (error as Error).message });
        return undefined;
      }
    };
    const name = check('name', () => validateConsoleName(entry.name));
    const url = check('url', () => normaliseConsoleUrl(entry.url));
    const apis = parseApis(entry.apis);
    const proxyUrl = check('proxyUrl', () => validateProxyUrl(entry.proxyUrl));
    if (name === undefined || url === undefined) return;

    const nameKey = name.toLowerCase();
    if (seenNames.has(nameKey)) {
      problems.push({
        path: at('name'),
        message: `"${name}" also names $.consoles[${seenNames.get(nameKey)}]`,
      });
    }
    if (seenUrls.has(url)) {
      problems.push({
        path: at('url'),
        message: `${url} is also $.consoles[${seenUrls.get(url)}]`,
      });
    }
    seenNames.set(nameKey, index);
    seenUrls.set(url, index);

    const existing = repository.findByName(name);
    const sameUrl = repository.findByUrl(url);
    if (sameUrl && sameUrl.id !== existing?.id) {
      problems.push({
        path: at('url'),
        message: `${url} is already configured as "${sameUrl.name}"`,
      });
    }
    planned.push({
      existing: existing !== undefined,
      record: {
        id: existing?.id ?? randomUUID(),
        name,
        url,
        apis,
        ...(proxyUrl === undefined ? {} : { proxyUrl }),
        ...(entry.caBundle ? { caBundle: entry.caBundle } : {}),
        tokenStored: existing?.tokenStored ?? false,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      },
    });
  });
  if (problems.length > 0) throw new ConfigImportError(source, problems);

  db.transaction(() => {
    for (const { record, existing } of planned) {
      if (existing) repository.update(record);
      else repository.insert(record);
    }
  })();
  return {
    added: planned.filter((p) => !p.existing).map((p) => p.record.name),
    updated: planned.filter((p) => p.existing).map((p) => p.record.name),
  };
}
