import type { Db } from '../../adapters/db/database';
import { currentInventory } from '../inventory/inventory';
import { sekoiaRecordsOf } from '../inventory/snapshot-records';

/** One batch of the outbox: either a stored body (older pushes) or a reference. */
export interface OutboxBatch {
  id: number;
  body: string;
  items: number;
  snapshotId: number | null;
  agentIds: string | null;
}

/**
 * Writes a new push's batches: per batch, the snapshot and the ids of the devices it sends
 * (Sekoia refuses devices without a hostname; they are counted, not queued). One transaction:
 * the push is in the outbox whole, or not at all.
 */
export function writeOutbox(
  db: Db,
  pushId: number,
  batchSize: number,
  consoleName: string | undefined,
  agentIds: ReadonlySet<string> | undefined,
): { skipped: number } {
  const insert = db.prepare(
    `INSERT INTO push_batches (push_id, body, items, state, snapshot_id, agent_ids)
     VALUES (?, '', ?, 'pending', ?, ?)`,
  );
  let batch: string[] = [];
  let snapshot: number | undefined;
  let skipped = 0;
  const flush = () => {
    if (batch.length > 0) insert.run(pushId, batch.length, snapshot!, JSON.stringify(batch));
    batch = [];
  };
  db.transaction(() => {
    for (const record of currentInventory(db, 'sekoiaSkip', consoleName)) {
      if (agentIds !== undefined && !agentIds.has(record.agentId)) continue;
      if ('skipped' in record) {
        skipped += 1;
        continue;
      }
      // A batch holds one snapshot's devices: it is rebuilt from that snapshot when sent.
      if (record.snapshotId !== snapshot) flush();
      snapshot = record.snapshotId;
      batch.push(record.agentId);
      if (batch.length >= batchSize) flush();
    }
    flush();
  })();
  return { skipped };
}

/** The body Sekoia receives for a batch. */
export function bodyOf(db: Db, batch: OutboxBatch, legacyDeviceTypes: boolean): string {
  if (batch.agentIds === null) return batch.body;
  const items = sekoiaRecordsOf(
    db,
    batch.snapshotId ?? -1,
    JSON.parse(batch.agentIds) as string[],
    {
      legacyDeviceTypes,
    },
  );
  return `{"version":1,"items":[${items.join(',')}]}`;
}

/** 413: the batch is too large for the server; its halves replace it, in its place. */
export function splitBatch(db: Db, pushId: number, batch: OutboxBatch): number[] {
  const insert = db.prepare(
    `INSERT INTO push_batches (push_id, body, items, state, snapshot_id, agent_ids)
     VALUES (?, ?, ?, 'pending', ?, ?)`,
  );
  const halves = <T>(all: T[]) => {
    const half = Math.ceil(all.length / 2);
    return [all.slice(0, half), all.slice(half)];
  };
  return db.transaction(() => {
    const ids =
      batch.agentIds === null
        ? halves((JSON.parse(batch.body) as { items: unknown[] }).items).map((part) =>
            insert.run(
              pushId,
              JSON.stringify({ version: 1, items: part }),
              part.length,
              null,
              null,
            ),
          )
        : halves(JSON.parse(batch.agentIds) as string[]).map((part) =>
            insert.run(pushId, '', part.length, batch.snapshotId, JSON.stringify(part)),
          );
    db.prepare(
      `UPDATE push_batches SET state = 'split', body = '', last_status = 413 WHERE id = ?`,
    ).run(batch.id);
    return ids.map((result) => Number(result.lastInsertRowid));
  })();
}
