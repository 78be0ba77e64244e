import type { HandlerGroup } from '../../backend/handler-types';
import { HealthStore } from './health-store';

export const healthHandlers: HandlerGroup<'health.list'> = {
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
};
