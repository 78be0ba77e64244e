import type { Db } from '../../adapters/db/database';
import { PRECOMPUTE_VERSION } from '../../../shared/devices/precomputed';
import { ChunkReader, ChunkWriter } from '../sync/chunk-store';
import { storedRawColumns, textOf, type StoredRaw } from '../sync/stored-raw';
import type { PrecomputedBatch } from './precompute-batch';

export interface RawToPrecompute {
  rawId: number;
  json: string;
}

/** The precomputed outputs of raw agents (migrations 5 and 10). */
export class PrecomputeStore {
  constructor(private readonly db: Db) {}

  /**
   * Stores one batch, its OCSF chunk first, in one transaction; a raw object deleted meanwhile
   * (its console removed) is skipped.
   */
  put(rows: readonly RawToPrecompute[], batch: PrecomputedBatch): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO precomputed_agents
         (raw_id, version, rejected, sekoia_skip, device_row, ocsf_chunk_id, ocsf_at, ocsf_len)
       SELECT id, ?, ?, ?, ?, ?, ?, ? FROM raw_objects WHERE id = ?`,
    );
    this.db.transaction(() => {
      const chunkId = batch.ocsf === null ? null : new ChunkWriter(this.db).put(batch.ocsf);
      rows.forEach(({ rawId }, index) => {
        const entry = batch.entries[index]!;
        if (entry.ok) {
          insert.run(
            PRECOMPUTE_VERSION,
            null,
            entry.sekoiaSkip,
            entry.deviceRow,
            chunkId,
            entry.ocsfAt,
            entry.ocsfLen,
            rawId,
          );
        } else {
          insert.run(PRECOMPUTE_VERSION, entry.reason, null, null, null, null, null, rawId);
        }
      });
    })();
  }

  /** Raw agents of a snapshot with no current precomputed row, a batch at a time. */
  *missing(snapshotId: number, batchSize = 1000): Generator<RawToPrecompute[]> {
    // Keyset on the members' primary key: the whole walk is one pass over the snapshot.
    const page = this.db.prepare(
      `SELECT m.agent_id AS agentId, m.raw_id AS rawId, ${storedRawColumns('r')}
       FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
       LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id AND p.version = ?
       WHERE m.snapshot_id = ? AND m.agent_id > ? AND p.raw_id IS NULL
       ORDER BY m.agent_id LIMIT ?`,
    );
    const chunks = new ChunkReader(this.db);
    for (let after = ''; ;) {
      const rows = page.all(PRECOMPUTE_VERSION, snapshotId, after, batchSize) as (StoredRaw & {
        agentId: string;
        rawId: number;
      })[];
      if (rows.length === 0) return;
      yield rows.map((row) => ({ rawId: row.rawId, json: textOf(row, chunks) }));
      after = rows.at(-1)!.agentId;
    }
  }
}
