import type { Db } from '../db/database';
import { ConsoleRepository, type ConsoleRecord } from '../consoles/console-repository';
import { SnapshotStore } from '../sync/snapshot-store';
import { parseAgent, type S1Agent } from '../../shared/sentinelone/agent';

export interface InventoryAgent {
  console: ConsoleRecord;
  agent: S1Agent;
  /** The agent exactly as the API sent it. */
  json: string;
  /** When the snapshot holding it was taken: the time S1 Inventory read the agent. */
  readAtMs: number;
}

/**
 * The current inventory: for each console, the agents of its newest complete snapshot,
 * streamed so that memory stays flat whatever the fleet size.
 */
export function* currentInventory(db: Db, consoleName?: string): Generator<InventoryAgent> {
  const repository = new ConsoleRepository(db);
  const consoles =
    consoleName === undefined
      ? repository.list()
      : [repository.findByName(consoleName)].filter((c) => c !== undefined);
  const snapshots = new SnapshotStore(db);
  for (const record of consoles) {
    const current = snapshots.current(record.id);
    if (!current) continue;
    const readAtMs = Date.parse(current.takenAt);
    for (const raw of snapshots.agents(current.id)) {
      const parsed = parseAgent(JSON.parse(raw.json));
      if (parsed.ok) yield { console: record, agent: parsed.value.agent, json: raw.json, readAtMs };
    }
  }
}
