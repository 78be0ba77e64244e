import type { Db } from '../adapters/db/database';
import { currentInventory, DECOMMISSIONED } from './inventory-store';
import { sekoiaSourcesOf, type SekoiaSources } from './snapshot-record-store';

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
/** What a new push sends. */
export interface NewPush {
  pushId: number;
  batchSize: number;
  consoleName: string | undefined;
  agentIds: ReadonlySet<string> | undefined;
  includeDecommissioned: boolean;
}

function writeOutbox(
  db: Db,
  { pushId, batchSize, consoleName, agentIds, includeDecommissioned }: NewPush,
): { skipped: number; decommissioned: number } {
  const insert = db.prepare(
    `INSERT INTO push_batches (push_id, body, items, state, snapshot_id, agent_ids)
     VALUES (?, '', ?, 'pending', ?, ?)`,
  );
  let batch: string[] = [];
  let snapshot: number | undefined;
  let skipped = 0;
  let decommissioned = 0;
  const flush = () => {
    if (batch.length > 0) insert.run(pushId, batch.length, snapshot!, JSON.stringify(batch));
    batch = [];
  };
  db.transaction(() => {
    const records = currentInventory(
      db,
      'sekoiaSkip',
      consoleName,
      1000,
      undefined,
      !includeDecommissioned,
    );
    for (const record of records) {
      if (agentIds !== undefined && !agentIds.has(record.agentId)) continue;
      if ('skipped' in record) {
        if (record.skipped === DECOMMISSIONED) decommissioned += 1;
        else skipped += 1;
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
  return { skipped, decommissioned };
}

/** What a batch's body is made of: the body itself (older batches), or the agents to map. */
function bodySourceOf(db: Db, batch: OutboxBatch): { body: string } | SekoiaSources {
  if (batch.agentIds === null) return { body: batch.body };
  return sekoiaSourcesOf(db, batch.snapshotId ?? -1, JSON.parse(batch.agentIds) as string[]);
}

/** 413: the batch is too large for the server; its halves replace it, in its place. */
function splitBatch(db: Db, pushId: number, batch: OutboxBatch): number[] {
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

export interface BatchRow {
  id: number;
  state: string;
  items: number;
  status: number | null;
}

/** The pushes and their batches (tables pushes, push_batches): the outbox's one owner. */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  startPush(targetId: string, scope: string, at: Date): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO pushes (target_id, scope, started_at, state) VALUES (?, ?, ?, 'running')`,
        )
        .run(targetId, scope, at.toISOString()).lastInsertRowid,
    );
  }

  markRunning(pushId: number): void {
    this.db
      .prepare(
        `UPDATE pushes SET state = 'running', finished_at = NULL, message = NULL WHERE id = ?`,
      )
      .run(pushId);
  }

  /** The newest push to the target that did not complete, if any. */
  unfinishedPush(targetId: string): number | undefined {
    return this.db
      .prepare(
        `SELECT id FROM pushes WHERE target_id = ? AND state <> 'complete' ORDER BY id DESC LIMIT 1`,
      )
      .pluck()
      .get(targetId) as number | undefined;
  }

  /** Failed batches of a push go back in the queue. */
  requeueFailed(pushId: number): void {
    this.db
      .prepare(`UPDATE push_batches SET state = 'pending' WHERE push_id = ? AND state = 'failed'`)
      .run(pushId);
  }

  pendingBatchIds(pushId: number): number[] {
    return this.db
      .prepare(`SELECT id FROM push_batches WHERE push_id = ? AND state = 'pending' ORDER BY id`)
      .pluck()
      .all(pushId) as number[];
  }

  batch(id: number): OutboxBatch {
    return this.db
      .prepare(
        `SELECT id, body, items, snapshot_id AS snapshotId, agent_ids AS agentIds FROM push_batches WHERE id = ?`,
      )
      .get(id) as OutboxBatch;
  }

  progress(pushId: number): { delivered: number; total: number } {
    return this.db
      .prepare(
        `SELECT COUNT(*) FILTER (WHERE state = 'delivered') AS delivered, COUNT(*) AS total
         FROM push_batches WHERE push_id = ? AND state <> 'split'`,
      )
      .get(pushId) as { delivered: number; total: number };
  }

  markDelivered(batchId: number, attempts: number, at: Date): void {
    this.db
      .prepare(
        `UPDATE push_batches SET state = 'delivered', body = '', attempts = attempts + ?, last_status = 200, delivered_at = ? WHERE id = ?`,
      )
      .run(attempts, at.toISOString(), batchId);
  }

  markFailed(batchId: number, attempts: number, status: number | null, error: string): void {
    this.db
      .prepare(
        `UPDATE push_batches SET state = 'failed', attempts = attempts + ?, last_status = ?, last_error = ? WHERE id = ?`,
      )
      .run(attempts, status, error, batchId);
  }

  batchRows(pushId: number): BatchRow[] {
    return this.db
      .prepare(
        `SELECT id, state, items, last_status AS status FROM push_batches WHERE push_id = ? AND state <> 'split' ORDER BY id`,
      )
      .all(pushId) as BatchRow[];
  }

  finishPush(pushId: number, complete: boolean, at: Date, message: string | undefined): void {
    this.db
      .prepare(`UPDATE pushes SET state = ?, finished_at = ?, message = ? WHERE id = ?`)
      .run(complete ? 'complete' : 'failed', at.toISOString(), message ?? null, pushId);
  }

  writeOutbox(push: NewPush): { skipped: number; decommissioned: number } {
    return writeOutbox(this.db, push);
  }

  splitBatch(pushId: number, batch: OutboxBatch): number[] {
    return splitBatch(this.db, pushId, batch);
  }

  bodySourceOf(batch: OutboxBatch): { body: string } | SekoiaSources {
    return bodySourceOf(this.db, batch);
  }
}
