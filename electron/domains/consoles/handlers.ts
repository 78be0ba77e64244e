import type { HandlerGroup } from '../../backend/handler-types';
import { clientForConsole } from './console-client';
import { testConnection } from './test-connection';
import type { ConsoleRecord } from '../../storage/console-repository';
import { validateCaBundle, validateProxyUrl } from './console-settings';
import { normaliseConsoleUrl } from './console-url';
import { ConsoleSyncingError } from './errors';

type ConsoleCalls =
  | 'consoles.list'
  | 'consoles.add'
  | 'consoles.edit'
  | 'consoles.setToken'
  | 'consoles.remove'
  | 'consoles.test'
  | 'consoles.probe'
  | 'consoles.setAutoPoll';

export const consoleHandlers: HandlerGroup<ConsoleCalls> = {
  'consoles.list': (_args, backend) =>
    backend.consoles.list().map((record) => backend.consoleView(record)),
  'consoles.add': async (args, backend) => backend.consoleView(await backend.consoles.add(args)),
  'consoles.edit': async ({ name, changes }, backend) => {
    const { tokenDropped, ...record } = await backend.consoles.edit(name, changes);
    return { ...backend.consoleView(record), tokenDropped };
  },
  'consoles.setToken': async ({ name, token }, backend) =>
    backend.consoleView(await backend.consoles.setToken(name, token)),
  'consoles.remove': async ({ name, deleteData }, backend) => {
    const record = backend.consoles.get(name);
    if (backend.syncs.isRunning(record.id)) throw new ConsoleSyncingError(record.name);
    backend.syncs.setAutoPoll(name, false, 5);
    return { removed: (await backend.consoles.remove(name, { deleteData })).name };
  },
  'consoles.test': async ({ name }, backend) => {
    const record = backend.consoles.get(name);
    const token = await backend.consoles.tokenFor(record);
    return testConnection(clientForConsole(record, token), record.url, backend.clock.now());
  },
  // A console not saved yet, checked with the settings as typed; the token is used for this
  // one check and kept nowhere.
  'consoles.probe': ({ url, token, proxyUrl, caBundle }, backend) => {
    const proxy = validateProxyUrl(proxyUrl);
    const ca = validateCaBundle(caBundle);
    const record: ConsoleRecord = {
      id: 'unsaved',
      name: 'the new console',
      url: normaliseConsoleUrl(url),
      apis: [],
      ...(proxy === undefined ? {} : { proxyUrl: proxy }),
      ...(ca === undefined ? {} : { caBundle: ca }),
      tokenStored: false,
      createdAt: '',
      updatedAt: '',
    };
    return testConnection(clientForConsole(record, token), record.url, backend.clock.now());
  },
  'consoles.setAutoPoll': ({ name, enabled, minutes }, backend) =>
    backend.consoleView(backend.syncs.setAutoPoll(name, enabled, minutes)),
};
