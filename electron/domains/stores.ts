import type { Db } from '../adapters/db/database';
import type { Clock } from '../adapters/platform/clock';
import { AuditStore } from './audit/audit-store';
import { HealthStore } from './health/health-store';
import { OutboxStore } from './push/outbox-store';
import { ConsoleStateStore } from './sync/console-state-store';
import { EntityStore } from './sync/entity-store';
import { RunStore } from './sync/run-store';
import { SnapshotStore } from './sync/snapshot-store';
import { ViewStore } from './views/view-store';

/** The stores of one database, built once and handed out, so no caller needs the database. */
export interface Stores {
  readonly audit: AuditStore;
  readonly health: HealthStore;
  readonly outbox: OutboxStore;
  readonly consoleState: ConsoleStateStore;
  readonly entities: EntityStore;
  readonly runs: RunStore;
  readonly snapshots: SnapshotStore;
  readonly views: ViewStore;
}

export function openStores(db: Db, clock: Clock): Stores {
  return {
    audit: new AuditStore(db),
    health: new HealthStore(db),
    outbox: new OutboxStore(db),
    consoleState: new ConsoleStateStore(db),
    entities: new EntityStore(db),
    runs: new RunStore(db),
    snapshots: new SnapshotStore(db),
    views: new ViewStore(db, clock),
  };
}
