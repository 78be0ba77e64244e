import type { Db } from '../../adapters/db/database';
import { PRECOMPUTE_VERSION } from '../../../shared/devices/precomputed';
import { ChunkReader, ChunkWriter, keepParts } from '../sync/chunk-store';
import { storedRawColumns, textOf, type StoredRaw } from '../sync/stored-raw';
import type { PrecomputedBatch, PrecomputedEntry } from './precompute-batch';

export interface RawToPrecompute {
  rawId: number;
  json: string;
}

/** The precomputed outputs of raw agents (migrations 5 and 10). */
export class PrecomputeStore {
  constructor(private readonly db: Db) {}

  /** Stores one batch of outputs, row by row, in one transaction. */
  put(rows: readonly RawToPrecompute[], batch: PrecomputedBatch): void {
    this.putSome(
      rows.map(({ rawId }, index) => ({ rawId, entry: batch.entries[index]! })),
      batch,
    );
  }

  /**
   * Stores the outputs of some raw objects of a batch, its OCSF chunk first (cut down to their
   * records when the batch mapped others too), in one transaction; a raw object deleted
   * meanwhile (its console removed) is skipped.
   */
  putSome(
    items: readonly { rawId: number; entry: PrecomputedEntry }[],
    batch: PrecomputedBatch,
  ): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO precomputed_agents
         (raw_id, version, rejected, sekoia_skip, device_row, ocsf_chunk_id, ocsf_at, ocsf_len)
       SELECT id, ?, ?, ?, ?, ?, ?, ? FROM raw_objects WHERE id = ?`,
    );
    const mapped = items.filter((item) => item.entry.ok);
    const spans = mapped.map(({ entry }): [number, number] =>
      entry.ok ? [entry.ocsfAt, entry.ocsfLen] : [0, 0],
    );
    const inBatch = batch.entries.filter((entry) => entry.ok).length;
    this.db.transaction(() => {
      let chunkId: number | null = null;
      let kept: readonly (readonly [number, number])[] = spans;
      if (batch.ocsf !== null && mapped.length > 0) {
        const chunk =
          mapped.length === inBatch ? { bytes: batch.ocsf, spans } : keepParts(batch.ocsf, spans);
        chunkId = new ChunkWriter(this.db).put(chunk.bytes);
        kept = chunk.spans;
      }
      let k = 0;
      for (const { rawId, entry } of items) {
        if (entry.ok) {
          const [at, length] = kept[k++]!;
          insert.run(
            PRECOMPUTE_VERSION,
            null,
            entry.sekoiaSkip,
            entry.deviceRow,
            chunkId,
            at,
            length,
            rawId,
          );
        } else {
          insert.run(PRECOMPUTE_VERSION, entry.reason, null, null, null, null, null, rawId);
        }
      }
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
