import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/platform/clock';
import { sameTokenPath } from '../consoles/console-service';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { Storage } from '../../storage/storage';
import { consoleIdentity } from '../../adapters/http/url-identity';
import { checkSettings, mergedSettings, parseApis } from '../consoles/console-settings';
import {
  CONFIG_FORMAT,
  CONFIG_VERSION,
  jsonPath,
  parseConfigFile,
  type ConfigFile,
  type ConfigProblem,
} from './config-file';
import { AppError } from '../../../shared/errors/app-error';
import { settingsOf } from '../../../shared/contract/console-settings';
import { viewNameProblem } from '../views/view-name';

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
  /** Consoles whose name the import changed (matched by name, ignoring case). */
  renamed: { from: string; to: string }[];
  /** Consoles whose URL moved to another origin: their stored token was dropped. */
  tokensDropped: string[];
  /** Saved views the file carried, added or replaced by name. */
  views: string[];
  /** Devices whose notes the file carried (set whole). */
  notes: number;
}

/** The most consoles one import takes; a larger file is refused before anything is read. */
export const MAX_IMPORTED_CONSOLES = 1_000;

/** The configuration as a file: names, URLs, APIs and options. No token, ever. */
export function exportConfig(storage: Storage, options: { withNotes?: boolean } = {}): ConfigFile {
  const saved = storage.views.list();
  const consoleNames = new Map(storage.consoles.list().map((record) => [record.id, record.name]));
  // The analyst's notes only when asked: they are an audit's working state, not the team's setup.
  const notes = options.withNotes
    ? storage.notes.all().map(({ consoleId, agentId, notes: deviceNotes }) => ({
        console: consoleNames.get(consoleId)!,
        agentId,
        ...deviceNotes,
      }))
    : [];
  return {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    consoles: storage.consoles
      .list()
      .map((record) => ({ ...settingsOf(record), apis: record.apis })),
    ...(saved.length === 0
      ? {}
      : {
          views: saved.map((view) => ({
            name: view.name,
            state: view.state,
            ...(view.isDefault ? { default: true } : {}),
          })),
        }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}

/**
 * Imports a configuration: consoles are matched by name and updated, or added without a token.
 * All or nothing: every problem is reported with its JSON path and nothing is written unless
 * the whole file is good.
 */
export function importConfig(
  storage: Storage,
  clock: Clock,
  text: string,
  source: string,
): ImportSummary {
  const { config, problems } = parseConfigFile(text);
  if (!config) throw new ConfigImportError(source, problems);

  const repository = storage.consoles;
  if (config.consoles.length > MAX_IMPORTED_CONSOLES) {
    throw new ConfigImportError(source, [
      {
        path: '$.consoles',
        message: `has ${config.consoles.length} consoles; one import takes at most ${MAX_IMPORTED_CONSOLES}`,
      },
    ]);
  }
  const planned: { record: ConsoleRecord; previous: ConsoleRecord | undefined }[] = [];
  const seenNames = new Map<string, number>();
  const seenUrls = new Map<string, number>();
  // Once, not per entry: an import stays linear in the consoles it names.
  const configured = new Map(repository.list().map((r) => [consoleIdentity(r.url), r]));
  const now = clock.now().toISOString();

  config.consoles.forEach((entry, index) => {
    const at = (key: string) => jsonPath(['consoles', index, key]);
    const { settings, problems: wrong } = checkSettings(entry);
    for (const { key, error } of wrong) problems.push({ path: at(key), message: error.message });
    const { name, url } = settings;
    if (name === undefined || url === undefined) return;

    const nameKey = name.toLowerCase();
    if (seenNames.has(nameKey)) {
      problems.push({
        path: at('name'),
        message: `"${name}" also names $.consoles[${seenNames.get(nameKey)}]`,
      });
    }
    const identity = consoleIdentity(url);
    if (seenUrls.has(identity)) {
      problems.push({
        path: at('url'),
        message: `${url} is also $.consoles[${seenUrls.get(identity)}]`,
      });
    }
    seenNames.set(nameKey, index);
    seenUrls.set(identity, index);

    const existing = repository.findByName(name);
    const sameUrl = configured.get(identity);
    if (sameUrl && sameUrl.id !== existing?.id) {
      problems.push({
        path: at('url'),
        message: `${url} is already configured as "${sameUrl.name}"`,
      });
    }
    // A stored token goes only the way it was stored for: origin, proxy and CA bundle.
    const checked = mergedSettings({ apis: parseApis(undefined) }, settings);
    const keepsToken = existing?.tokenStored === true && sameTokenPath(existing, checked);
    planned.push({
      previous: existing,
      record: {
        id: existing?.id ?? randomUUID(),
        ...checked,
        tokenStored: keepsToken,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      },
    });
  });
  const viewNames = new Map<string, number>();
  config.views?.forEach((view, index) => {
    const problem = viewNameProblem(view.name);
    if (problem) problems.push({ path: jsonPath(['views', index, 'name']), message: problem });
    const key = view.name.toLowerCase();
    if (viewNames.has(key)) {
      problems.push({
        path: jsonPath(['views', index, 'name']),
        message: `"${view.name}" also names $.views[${viewNames.get(key)}]`,
      });
    }
    viewNames.set(key, index);
  });
  if ((config.views ?? []).filter((view) => view.default).length > 1) {
    problems.push({ path: '$.views', message: 'more than one view is marked as the default' });
  }
  // Notes go to a console the file names or that is configured here, by name.
  const consoleIds = new Map(repository.list().map((r) => [r.name.toLowerCase(), r.id]));
  for (const { record } of planned) consoleIds.set(record.name.toLowerCase(), record.id);
  const notes = (config.notes ?? []).flatMap((entry, index) => {
    const consoleId = consoleIds.get(entry.console.toLowerCase());
    if (consoleId === undefined) {
      problems.push({
        path: jsonPath(['notes', index, 'console']),
        message: `"${entry.console}" is neither in this file nor configured here`,
      });
      return [];
    }
    const { console: _name, agentId, ...deviceNotes } = entry;
    return [{ consoleId, agentId, notes: deviceNotes }];
  });
  if (problems.length > 0) throw new ConfigImportError(source, problems);

  storage.saveImport(
    planned.map(({ record, previous }) => ({ record, isNew: previous === undefined })),
    config.views ?? [],
    notes,
    clock.now(),
  );
  const updated = planned.flatMap(({ record, previous }) =>
    previous ? [{ record, previous }] : [],
  );
  return {
    added: planned.filter((p) => !p.previous).map((p) => p.record.name),
    updated: updated.map(({ record }) => record.name),
    renamed: updated
      .filter(({ record, previous }) => record.name !== previous.name)
      .map(({ record, previous }) => ({ from: previous.name, to: record.name })),
    tokensDropped: updated
      .filter(({ record, previous }) => previous.tokenStored && !record.tokenStored)
      .map(({ record }) => record.name),
    views: (config.views ?? []).map((view) => view.name),
    notes: notes.length,
  };
}
