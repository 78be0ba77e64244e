import type { Db } from '../../adapters/db/database';
import { PRECOMPUTE_VERSION, type PrecomputedAgent } from '../../../shared/devices/precomputed';

export interface RawToPrecompute {
  rawId: number;
  json: string;
}

/** The precomputed outputs of raw agents (migration 5). */
export class PrecomputeStore {
  constructor(private readonly db: Db) {}

  /** Stores one batch in one transaction; a raw object deleted meanwhile is skipped. */
  put(rows: readonly RawToPrecompute[], results: readonly PrecomputedAgent[]): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO precomputed_agents
         (raw_id, version, rejected, sekoia_time, sekoia_skip, device_row, ocsf, sekoia)
       SELECT id, ?, ?, ?, ?, ?, ?, ? FROM raw_objects WHERE id = ?`,
    );
    this.db.transaction(() => {
      rows.forEach(({ rawId }, index) => {
        const result = results[index]!;
        if (result.ok) {
          insert.run(
            PRECOMPUTE_VERSION,
            null,
            result.sekoiaTime,
            result.sekoiaSkip,
            result.deviceRow,
            result.ocsf,
            result.sekoia,
            rawId,
          );
        } else {
          insert.run(PRECOMPUTE_VERSION, result.reason, null, null, null, null, null, rawId);
        }
      });
    })();
  }

  /** Raw agents of a snapshot with no current precomputed row, a batch at a time. */
  *missing(snapshotId: number, batchSize = 1000): Generator<RawToPrecompute[]> {
    // Keyset on the members' primary key: the whole walk is one pass over the snapshot.
    const page = this.db.prepare(
      `SELECT m.agent_id AS agentId, m.raw_id AS rawId, r.json AS json
       FROM snapshot_members m JOIN raw_objects r ON r.id = m.raw_id
       LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id AND p.version = ?
       WHERE m.snapshot_id = ? AND m.agent_id > ? AND p.raw_id IS NULL
       ORDER BY m.agent_id LIMIT ?`,
    );
    for (let after = ''; ;) {
      const rows = page.all(
        PRECOMPUTE_VERSION,
        snapshotId,
        after,
        batchSize,
      ) as (RawToPrecompute & {
        agentId: string;
      })[];
      if (rows.length === 0) return;
      yield rows.map(({ rawId, json }) => ({ rawId, json }));
      after = rows.at(-1)!.agentId;
    }
  }
}
