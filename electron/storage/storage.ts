import { openDatabaseToRead, type Db } from '../adapters/db/database';
import type { Clock } from '../adapters/platform/clock';
import { AgentPageStore } from './agent-page-store';
import { AuditStore } from './audit-store';
import { ConsoleRepository, type ConsoleRecord } from './console-repository';
import { ConsoleStateStore } from './console-state-store';
import { EntityStore } from './entity-store';
import { HealthStore } from './health-store';
import { InventoryReader } from './inventory-store';
import { OutboxStore } from './outbox-store';
import { PrecomputeStore } from './precompute-store';
import { RunStore } from './run-store';
import { PushTargetRepository } from './push-target-repository';
import { SnapshotStore } from './snapshot-store';
import { SoftwareStore } from './software-store';
import { SyncLocks } from './sync-lock-store';
import { VulnerabilityStore } from './vulnerability-store';
import { ViewStore } from './view-store';
import { AppSettingsStore } from './app-settings-store';
import { DeviceNoteStore } from './device-note-store';
import type { DeviceNotes } from '../../shared/devices/device-notes';
import type { ViewState } from '../../shared/contract/views';

/**
 * The one seam before SQLite: every store of one database, built once by the composition root
 * and handed to the domains, which never see the database itself. A write that spans stores is
 * an operation here (or in the store that owns it), so no domain opens a transaction.
 */
export interface Storage {
  readonly consoles: ConsoleRepository;
  readonly consoleState: ConsoleStateStore;
  readonly runs: RunStore;
  readonly locks: SyncLocks;
  readonly snapshots: SnapshotStore;
  /** One agents page at a time: its run count, snapshot members and outputs, together. */
  readonly agentPages: AgentPageStore;
  readonly entities: EntityStore;
  /** Installed applications: each distinct one once, each agent's set as one row. */
  readonly software: SoftwareStore;
  /** The CVE rows stored, read for the Vulnerabilities screen and the grid's CVE filter. */
  readonly vulnerabilities: VulnerabilityStore;
  readonly precomputed: PrecomputeStore;
  /** The current inventory: each console's newest complete snapshot. */
  readonly inventory: InventoryReader;
  readonly health: HealthStore;
  readonly audit: AuditStore;
  readonly outbox: OutboxStore;
  readonly views: ViewStore;
  readonly settings: AppSettingsStore;
  /** The analyst's tags, notes and triage per device: local, never sent to a console. */
  readonly notes: DeviceNoteStore;
  readonly pushTargets: PushTargetRepository;
  /** A health store that also redacts these secrets (a sync's token) from what it keeps. */
  healthRedacting(secrets: () => readonly string[]): HealthStore;
  /** Stores an imported configuration whole: its consoles (new or changed) and its views. */
  saveImport(
    consoles: readonly { record: ConsoleRecord; isNew: boolean }[],
    views: readonly SavedViewInput[],
    notes: readonly { consoleId: string; agentId: string; notes: DeviceNotes }[],
    /** When the notes were stored. */
    at: Date,
  ): void;
}

/** A saved view as a configuration file carries it. */
export interface SavedViewInput {
  name: string;
  state: ViewState;
  default?: boolean;
}

export function openStorage(db: Db, clock: Clock): Storage {
  const consoles = new ConsoleRepository(db);
  const views = new ViewStore(db, clock);
  const notes = new DeviceNoteStore(db);
  const runs = new RunStore(db);
  const snapshots = new SnapshotStore(db);
  const precomputed = new PrecomputeStore(db);
  return {
    consoles,
    consoleState: new ConsoleStateStore(db),
    runs,
    locks: new SyncLocks(db),
    snapshots,
    agentPages: new AgentPageStore(db, runs, snapshots, precomputed),
    entities: new EntityStore(db),
    software: new SoftwareStore(db),
    vulnerabilities: new VulnerabilityStore(db),
    precomputed,
    inventory: new InventoryReader(db),
    health: new HealthStore(db),
    audit: new AuditStore(db),
    outbox: new OutboxStore(db),
    views,
    settings: new AppSettingsStore(db),
    notes,
    pushTargets: new PushTargetRepository(db),
    healthRedacting: (secrets) => new HealthStore(db, secrets),
    saveImport: (importedConsoles, importedViews, importedNotes, at) =>
      db.transaction(() => {
        for (const { record, isNew } of importedConsoles) {
          if (isNew) consoles.insert(record);
          else consoles.update(record);
        }
        // Views are matched by name and replaced, as consoles are; others are left as they are.
        for (const view of importedViews) views.save(view.name, view.state, view.default);
        // Notes are the device's whole notes, as the device page saves them.
        for (const { consoleId, agentId, notes: deviceNotes } of importedNotes) {
          notes.set(consoleId, agentId, deviceNotes, at);
        }
      })(),
  };
}

/** A clock for stores that only read: reading the inventory never asks the time. */
const NO_CLOCK: Clock = {
  now: () => {
    throw new Error('a read-only storage was asked the time; only writes stamp one');
  },
};

/** The stores over a read-only connection: what they write fails. */
export interface ReadOnlyStorage {
  storage: Storage;
  /** Runs `read` in one read transaction: every query in it sees the same committed state. */
  consistently<T>(read: () => T): T;
  close(): void;
}

/**
 * The stores of a database the backend keeps, opened again to read (a worker thread reading the
 * inventory while the backend's thread goes on answering and syncing).
 */
export function openStorageToRead(path: string): ReadOnlyStorage {
  const db = openDatabaseToRead(path);
  return {
    storage: openStorage(db, NO_CLOCK),
    consistently: (read) => db.transaction(read)(),
    close: () => db.close(),
  };
}
