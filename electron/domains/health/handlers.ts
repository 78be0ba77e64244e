import type { HandlerGroup } from '../../backend/handler-types';
import type { HealthEventView } from '../../../shared/contract/views';
import type { ConsoleRecord } from '../../storage/console-repository';
import { type HealthEvent } from '../../storage/health-store';

const REPORT_EVENTS = 50;

function eventView(event: HealthEvent, consoleName: string): HealthEventView {
  return {
    id: event.id,
    console: consoleName,
    ...(event.api === undefined ? {} : { api: event.api }),
    errorClass: event.errorClass,
    severity: event.severity,
    message: event.message,
    firstAt: event.firstAt,
    lastAt: event.lastAt,
    count: event.count,
  };
}

export const healthHandlers: HandlerGroup<'health.list' | 'health.report'> = {
  'health.list': ({ name }, backend) => {
    const records = backend.consoles.list();
    const byId = new Map(records.map((record) => [record.id, record.name]));
    const consoleId = name === undefined ? undefined : backend.consoles.get(name).id;
    return backend.storage.health
      .list(consoleId)
      .map((event) => eventView(event, byId.get(event.consoleId) ?? ''));
  },
  'health.report': ({ name }, backend) => {
    const records: ConsoleRecord[] =
      name === undefined ? backend.consoles.list() : [backend.consoles.get(name)];
    const states = backend.storage.consoleState;
    const runs = backend.storage.runs;
    const health = backend.storage.health;
    const snapshots = backend.storage.snapshots;
    return records.map((record) => {
      const snapshot = snapshots.current(record.id);
      return {
        console: record.name,
        url: record.url,
        state: states.get(record.id).state,
        currentSnapshot: snapshot
          ? { id: snapshot.id, takenAt: snapshot.takenAt, agentCount: snapshot.agentCount }
          : null,
        lastRuns: runs.latest(record.id).map((run) => ({
          api: run.api,
          state: run.state,
          fetched: run.fetched,
          ...(run.expected === undefined ? {} : { expected: run.expected }),
          startedAt: run.startedAt,
          ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
        })),
        events: health.list(record.id, REPORT_EVENTS).map((event) => eventView(event, record.name)),
      };
    });
  },
};
