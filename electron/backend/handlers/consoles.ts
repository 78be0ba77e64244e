import { exportConfig, importConfig } from '../../config/config-service';
import { clientForConsole } from '../../consoles/console-client';
import { HealthStore } from '../../health/health-store';
import { testConnection } from '../../sentinelone/test-connection';
import type { HandlerGroup } from './handler-types';

type ConsoleCalls =
  | 'consoles.list'
  | 'consoles.add'
  | 'consoles.edit'
  | 'consoles.setToken'
  | 'consoles.remove'
  | 'consoles.test'
  | 'consoles.setAutoPoll'
  | 'sync.start'
  | 'sync.cancel'
  | 'health.list'
  | 'config.export'
  | 'config.import';

export const consoleHandlers: HandlerGroup<ConsoleCalls> = {
  'consoles.list': (_args, backend) =>
    backend.consoles.list().map((record) => backend.consoleView(record)),
  'consoles.add': async (args, backend) => backend.consoleView(await backend.consoles.add(args)),
  'consoles.edit': ({ name, changes }, backend) =>
    backend.consoleView(backend.consoles.edit(name, changes)),
  'consoles.setToken': async ({ name, token }, backend) =>
    backend.consoleView(await backend.consoles.setToken(name, token)),
  'consoles.remove': async ({ name, deleteData }, backend) => {
    backend.setAutoPoll(name, false, 5);
    return { removed: (await backend.consoles.remove(name, { deleteData })).name };
  },
  'consoles.test': async ({ name }, backend) => {
    const record = backend.consoles.get(name);
    const token = await backend.consoles.token(record, undefined, {});
    return testConnection(clientForConsole(record, token), record.url, backend.deps.clock.now());
  },
  'consoles.setAutoPoll': ({ name, enabled, minutes }, backend) =>
    backend.consoleView(backend.setAutoPoll(name, enabled, minutes)),
  'sync.start': async ({ name }, backend) => {
    await backend.startSync(name);
    return { started: true };
  },
  'sync.cancel': ({ name }, backend) => ({ cancelled: backend.cancelSync(name) }),
  'health.list': ({ name }, backend) => {
    const records = backend.consoles.list();
    const byId = new Map(records.map((record) => [record.id, record.name]));
    const consoleId = name === undefined ? undefined : backend.consoles.get(name).id;
    return new HealthStore(backend.db).list(consoleId).map((event) => ({
      id: event.id,
      console: byId.get(event.consoleId) ?? '',
      ...(event.api === undefined ? {} : { api: event.api }),
      errorClass: event.errorClass,
      severity: event.severity,
      message: event.message,
      firstAt: event.firstAt,
      lastAt: event.lastAt,
      count: event.count,
    }));
  },
  'config.export': (_args, backend) => ({
    json: `${JSON.stringify(exportConfig(backend.db), null, 2)}\n`,
  }),
  'config.import': ({ json }, backend) =>
    importConfig(backend.db, backend.deps.clock, json, 'the imported configuration'),
};
