import type { Db } from '../adapters/db/database';
import { PRECOMPUTE_VERSION } from '../../shared/devices/precomputed';
import { ChunkReader, ChunkWriter, keepParts } from './chunk-store';
import { storedRawColumns, textOf, type StoredRaw } from './stored-raw';
import type { PrecomputedBatch, PrecomputedEntry } from './precomputed-batch';

export interface RawToPrecompute {
  rawId: number;
  json: string;
}

/** The precomputed outputs of raw agents (migrations 5, 10 and 13). */
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
   * Stores the outputs of some raw objects of a batch, its two chunks first (cut down to their
   * records when the batch mapped others too), in one transaction. A raw object deleted
   * meanwhile (its console removed) is skipped, unless `rawJustStored`: the sync's page
   * transaction has just inserted them, so each row is a plain insert, without a lookup.
   */
  putSome(
    items: readonly { rawId: number; entry: PrecomputedEntry }[],
    batch: PrecomputedBatch,
    { rawJustStored = false } = {},
  ): void {
    const columns = `(version, rejected, sekoia_skip, decommissioned, ocsf_chunk_id, ocsf_at,
                      ocsf_len, row_chunk_id, row_at, row_len, raw_id)`;
    const insert = this.db.prepare(
      rawJustStored
        ? `INSERT INTO precomputed_agents ${columns} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        : `INSERT OR REPLACE INTO precomputed_agents ${columns}
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, id FROM raw_objects WHERE id = ?`,
    );
    const mapped = items.flatMap(({ entry }) => (entry.ok ? [entry] : []));
    const inBatch = batch.entries.filter((entry) => entry.ok).length;
    const writer = new ChunkWriter(this.db);
    /** The batch's chunk cut down to the mapped items' parts, stored; null when it has none. */
    const stored = (bytes: Buffer | null, spans: [number, number][]) => {
      if (bytes === null || spans.length === 0) return { chunkId: null, spans };
      const chunk = spans.length === inBatch ? { bytes, spans } : keepParts(bytes, spans);
      return { chunkId: writer.put(chunk.bytes), spans: chunk.spans };
    };
    this.db.transaction(() => {
      const ocsf = stored(
        batch.ocsf,
        mapped.map((entry) => [entry.ocsfAt, entry.ocsfLen]),
      );
      const rows = stored(
        batch.rows,
        mapped.map((entry) => [entry.rowAt, entry.rowLen]),
      );
      let k = 0;
      for (const { rawId, entry } of items) {
        if (!entry.ok) {
          insert.run(
            PRECOMPUTE_VERSION,
            entry.reason,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            rawId,
          );
          continue;
        }
        const [ocsfAt, ocsfLen] = ocsf.spans[k]!;
        const [rowAt, rowLen] = rows.spans[k++]!;
        insert.run(
          PRECOMPUTE_VERSION,
          null,
          entry.sekoiaSkip,
          entry.decommissioned ? 1 : 0,
          ocsf.chunkId,
          ocsfAt,
          ocsfLen,
          rows.chunkId,
          rowAt,
          rowLen,
          rawId,
        );
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
