import type { ConsoleView } from '../../../shared/contract/views';
import { settingsOf } from '../../../shared/contract/console-settings';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { Storage } from '../../storage/storage';

/** How a console's syncs stand, as the backend's sync service knows them. */
export interface ConsoleSyncStatus {
  isRunning(consoleId: string): boolean;
  autoPoll(consoleId: string): ConsoleView['autoPoll'];
  keepSnapshotsFor(record: ConsoleRecord): number;
  /** How long a retried request goes on before the sync gives up. */
  readonly giveUpMs: number;
}

/** How a retried request's health event begins: the console card tells it by this. */
export const RETRYING = 'Retrying ';

/** A console as every host shows it: its settings, state, inventory and current problem. */
export function consoleView(
  record: ConsoleRecord,
  storage: Storage,
  status: ConsoleSyncStatus,
): ConsoleView {
  const snapshot = storage.snapshots.current(record.id);
  return {
    id: record.id,
    ...settingsOf(record),
    apis: record.apis,
    keepSnapshots: status.keepSnapshotsFor(record),
    history: storage.entities.windows(record.id),
    tokenStored: record.tokenStored,
    state: storage.consoleState.get(record.id).state,
    syncing: status.isRunning(record.id),
    autoPoll: status.autoPoll(record.id),
    ...problemOf(record, storage, status),
    ...(snapshot ? { inventory: { takenAt: snapshot.takenAt, agents: snapshot.agentCount } } : {}),
    health: storage.health.counts(record.id),
  };
}

/** The console's current problem; a request still being retried says when the sync gives up. */
function problemOf(
  record: ConsoleRecord,
  storage: Storage,
  status: ConsoleSyncStatus,
): Pick<ConsoleView, 'problem'> {
  // A retry is a problem while its sync runs; once the sync has ended, it went through or
  // failed with an error of its own, and the card must not go on saying "Retrying" (issue 29).
  const running = status.isRunning(record.id);
  const event = storage.health.currentProblem(record.id, running ? undefined : RETRYING);
  if (!event) return {};
  const retrying = running && event.message.startsWith(RETRYING);
  return {
    problem: {
      severity: event.severity,
      errorClass: event.errorClass,
      message: event.message,
      since: event.firstAt,
      count: event.count,
      ...(retrying
        ? { givesUpAt: new Date(Date.parse(event.firstAt) + status.giveUpMs).toISOString() }
        : {}),
    },
  };
}
